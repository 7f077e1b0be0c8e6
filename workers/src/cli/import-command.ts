import { NestFactory } from '@nestjs/core';
import type { ImportReport } from '@relais/contracts';
import { checkImportRequest, ImportsService, InvalidImportRequest, RelaisConfig } from '@relais/server';
import { SingleBar } from 'cli-progress';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportCliModule } from './import-cli.module';
import { importUsage } from './import-usage';

/**
 * `npm run import`: the command-line door to the same import job as POST /api/imports. The file is copied into
 * the data directory, so the original stays where it is.
 */
export async function runImportCommand(argv: string[], config: RelaisConfig): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        file: { type: 'string' },
        source: { type: 'string' },
        timezone: { type: 'string' },
        mapping: { type: 'string' },
        wait: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${importUsage()}`);
    return 2;
  }
  if (!args.format || !args.file) {
    console.error(`--format and --file are required\n${importUsage()}`);
    return 2;
  }
  // npm runs scripts from the project root; a relative path means the caller's directory.
  const file = resolve(process.env['INIT_CWD'] ?? process.cwd(), args.file);
  let options: Record<string, unknown>;
  try {
    options = checkImportRequest({ format: args.format, timeZone: args.timezone, mapping: args.mapping });
    if (!(await stat(file)).isFile()) throw new InvalidImportRequest(`${file} is not a file`);
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${file}: no such file` : (error as Error).message;
    console.error(message);
    return 2;
  }

  const app = await NestFactory.createApplicationContext(ImportCliModule, { logger: ['error', 'warn'] });
  try {
    const imports = app.get(ImportsService);
    const uploads = join(config.dataDir, 'uploads');
    await mkdir(uploads, { recursive: true });
    const copy = join(uploads, `cli-${Date.now()}-${process.pid}`);
    await copyFile(file, copy);
    const { id } = await imports.enqueue({
      format: args.format,
      source: args.source,
      timeZone: args.timezone,
      options,
      fileName: basename(file),
      path: copy,
    });
    console.log(`import ${id} queued`);
    if (!args.wait) return 0;
    const report = await follow(imports, id);
    printReport(report);
    return report.status === 'succeeded' ? 0 : 1;
  } finally {
    await app.close();
  }
}

async function follow(imports: ImportsService, id: string): Promise<ImportReport> {
  const bar = new SingleBar({
    format: 'importing [{bar}] {percentage}% | {status}',
    stream: process.stderr,
    hideCursor: true,
  });
  bar.start(100, 0, { status: 'queued' });
  try {
    for (;;) {
      const report = await imports.find(id);
      if (!report) throw new Error(`import ${id} disappeared`);
      bar.update(Math.round(report.progress * 100), { status: report.status });
      if (report.status === 'succeeded' || report.status === 'failed') return report;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    bar.stop();
  }
}

function printReport(r: ImportReport): void {
  console.log(`status     ${r.status}${r.failure ? ` — ${r.failure}` : ''}`);
  console.log(`rows read  ${r.rowsRead}`);
  console.log(`stored     ${r.eventsStored} events`);
  console.log(`duplicates ${r.duplicates}`);
  console.log(`rejected   ${r.rejected}`);
  for (const e of r.errors) console.log(`  line ${e.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`);
  if (r.rejected > r.errors.length) console.log(`  … and ${r.rejected - r.errors.length} more`);
}
