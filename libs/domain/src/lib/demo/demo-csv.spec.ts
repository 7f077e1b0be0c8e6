import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DEMO_CSV_COLUMNS, demoCsvChunks, demoCsvReadable, writeDemoCsv } from './demo-csv';

const END = new Date('2025-06-18T15:30:00Z');
const OPTIONS = { end: END, cases: 1500, seed: 11 };
const expected = [...demoCsvChunks(OPTIONS)].join('');

/** A slow sink (each write completes on a later tick) that records how much was buffered at each write call. */
function slowSink(highWaterMark: number, failOnWrite = Number.POSITIVE_INFINITY) {
  const parts: string[] = [];
  const bufferedAtWrite: number[] = [];
  let writes = 0;
  let drains = 0;
  const sink = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      writes += 1;
      parts.push(chunk);
      setImmediate(() => callback(writes >= failOnWrite ? new Error('disk full') : null));
    },
  });
  const write = sink.write.bind(sink) as (chunk: string) => boolean;
  sink.write = ((chunk: string) => {
    bufferedAtWrite.push(sink.writableLength);
    return write(chunk);
  }) as typeof sink.write;
  sink.on('drain', () => (drains += 1));
  return { sink, text: () => parts.join(''), bufferedAtWrite, drains: () => drains };
}

describe('demo CSV', () => {
  it('starts with the canonical header and ends with a line break', () => {
    expect(expected.startsWith(`${DEMO_CSV_COLUMNS.join(',')}\n`)).toBe(true);
    expect(DEMO_CSV_COLUMNS.join(',')).toBe(
      'case_id,customer_id,ts,event,step,team,agent,channel,category,csat,direction,csat_scale',
    );
    expect(expected.endsWith('\n')).toBe(true);
  });

  it('writeDemoCsv waits for drain: never writes more while the sink is over its high-water mark', async () => {
    const { sink, text, bufferedAtWrite, drains } = slowSink(16 * 1024);
    const summary = await writeDemoCsv(OPTIONS, sink);
    await new Promise<void>((resolve) => sink.end(resolve));
    expect(text()).toBe(expected);
    expect(summary).toEqual({ rows: expected.split('\n').length - 2, bytes: Buffer.byteLength(expected) });
    expect(bufferedAtWrite.length).toBeGreaterThan(3);
    expect(drains()).toBeGreaterThan(0);
    // Each write found the previous data flushed (write returned true only below 16 KiB).
    expect(Math.max(...bufferedAtWrite)).toBeLessThan(16 * 1024);
  });

  it('writeDemoCsv rejects when the sink fails, and when it is already destroyed', async () => {
    const { sink } = slowSink(16 * 1024, 2);
    await expect(writeDemoCsv(OPTIONS, sink)).rejects.toThrow('disk full');
    const destroyed = new Writable({ write: (_c, _e, cb) => cb() });
    destroyed.destroy();
    await expect(writeDemoCsv(OPTIONS, destroyed)).rejects.toThrow();
  });

  it('demoCsvReadable streams the same bytes', async () => {
    const { sink, text } = slowSink(8 * 1024);
    await pipeline(demoCsvReadable(OPTIONS), sink);
    expect(text()).toBe(expected);
  });

  it('streams 200,000 cases with flat memory (heap growth < 50 MB)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let chunks = 0;
    let chars = 0;
    for (const chunk of demoCsvChunks({ end: END, cases: 200_000, seed: 5 })) {
      chars += chunk.length;
      chunks += 1;
      if (chunks % 500 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    // About 2 million rows went through: keeping them would take hundreds of MB.
    expect(chars).toBeGreaterThan(150_000_000);
    expect(peak).toBeLessThan(50 * 1024 * 1024);
  }, 30_000);
});
