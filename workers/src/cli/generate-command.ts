import { demoCsvReadable } from '@relais/domain';
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

const USAGE = 'usage: main.js generate --out PATH [--cases N] [--weeks N] [--seed N] [--end ISO-8601]';

/** Writes demo journeys as canonical CSV, streamed: the benchmarks' input at any size, in flat memory. */
export async function runGenerateCommand(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        cases: { type: 'string', default: '20000' },
        weeks: { type: 'string', default: '26' },
        seed: { type: 'string', default: '42' },
        end: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const cases = Number(values.cases);
  const weeks = Number(values.weeks);
  const seed = Number(values.seed);
  const end = values.end ? new Date(values.end) : new Date();
  if (
    !values.out ||
    !Number.isInteger(cases) ||
    cases < 1 ||
    !Number.isInteger(weeks) ||
    weeks < 1 ||
    !Number.isInteger(seed) ||
    Number.isNaN(end.getTime())
  ) {
    console.error(USAGE);
    return 2;
  }
  const out = resolve(process.env['INIT_CWD'] ?? process.cwd(), values.out);
  try {
    await pipeline(demoCsvReadable({ cases, weeks, seed, end }), createWriteStream(out, { highWaterMark: 1 << 20 }));
  } catch (error) {
    console.error(`generate: ${(error as Error).message}`);
    return 1;
  }
  console.log(`${cases} cases over ${weeks} weeks written to ${out}`);
  return 0;
}
