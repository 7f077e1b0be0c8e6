import { Readable } from 'node:stream';
import { freshdeskAdapter } from '../freshdesk/freshdesk-adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openBytes } from '../source/open-bytes';
import { zendeskAdapter } from '../zendesk/zendesk-adapter';
import type { DocumentImportAdapter } from '../adapter';
import { JSON_LIMITS } from './json-elements';

/**
 * Hostile JSON through the adapters' real path (openBytes → adapter → streamJsonElements): generated lazily, never
 * materialised, each must fail with MALFORMED_DOCUMENT after reading a little, with the heap staying flat.
 */
const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

interface Lazy {
  input: AsyncIterable<Buffer>;
  consumed(): number;
  /** Largest growth of the heap above its level at the start, sampled at every chunk handed out. */
  heapGrowth(): number;
}

/** `start`, then `chunk` until `totalBytes` are handed out. */
function lazy(start: string, chunk: Buffer, totalBytes: number): Lazy {
  let consumed = 0;
  let peak = 0;
  const base = process.memoryUsage().heapUsed;
  async function* generate() {
    yield Buffer.from(start);
    consumed = start.length;
    while (consumed < totalBytes) {
      consumed += chunk.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      yield chunk;
    }
  }
  return { input: generate(), consumed: () => consumed, heapGrowth: () => peak };
}

async function readFailure(adapter: DocumentImportAdapter, input: AsyncIterable<Buffer>): Promise<ImportFileError> {
  try {
    for await (const output of adapter.read(await openBytes(input), { timeZone: 'UTC' })) void output;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the document to fail');
}

describe('JSON limits against hostile documents', () => {
  it.each<[string, DocumentImportAdapter, string]>([
    ['a root array (freshdesk)', freshdeskAdapter, ''],
    ['a named collection (zendesk)', zendeskAdapter, '{"tickets": '],
  ])('fails 100 MB of nested arrays in %s at the depth limit, in bounded memory', async (_, adapter, start) => {
    const bomb = lazy(start, Buffer.alloc(CHUNK, '['), 100 * MB);
    const error = await readFailure(adapter, bomb.input);
    expect(error.code).toBe(ImportFileErrorCode.MALFORMED_DOCUMENT);
    expect(error.message).toBe('The document nests deeper than 64 levels: not an export.');
    // A few 64 KiB chunks in the stream buffers, out of 100 MB.
    expect(bomb.consumed()).toBeLessThan(1 * MB);
    expect(bomb.heapGrowth()).toBeLessThan(100 * MB);
  });

  it('reads an element nested right up to the limit', async () => {
    // The root array is level 1: its element may open 63 more.
    const deep = `[${'['.repeat(JSON_LIMITS.maxDepth - 1)}${']'.repeat(JSON_LIMITS.maxDepth - 1)}]`;
    const outputs = [];
    for await (const output of freshdeskAdapter.read(await openBytes(Readable.from([Buffer.from(deep)])), {
      timeZone: 'UTC',
    })) {
      outputs.push(output);
    }
    // The element is an array, not a ticket: rejected as a row, the document itself read.
    expect(outputs).toEqual([{ kind: 'rejected', error: expect.objectContaining({ line: 1 }) }]);
  });

  it('fails one element of more than a million values before assembling it', async () => {
    // "0," is 2 bytes: 1,000,001 values are ~2 MB; the generator would hand out 100 MB.
    const wide = lazy('[[', Buffer.from('0,'.repeat(CHUNK / 2)), 100 * MB);
    const error = await readFailure(freshdeskAdapter, wide.input);
    expect(error).toMatchObject({ code: ImportFileErrorCode.MALFORMED_DOCUMENT });
    expect(error.message).toBe('Element 1 holds more than 1000000 values: too large to import.');
    expect(wide.consumed()).toBeLessThan(2 * JSON_LIMITS.maxElementValues + 1 * MB);
    expect(wide.heapGrowth()).toBeLessThan(200 * MB);
  });

  it('fails a string that is never closed at 16 Mi characters', async () => {
    const endless = lazy('[{"subject": "', Buffer.alloc(CHUNK, 'x'), 1024 * MB);
    const error = await readFailure(freshdeskAdapter, endless.input);
    expect(error).toMatchObject({ code: ImportFileErrorCode.MALFORMED_DOCUMENT });
    expect(error.message).toMatch(/is longer than 16777216 characters: probably a string that is never closed/);
    expect(endless.consumed()).toBeLessThan(JSON_LIMITS.maxValueChars + 1 * MB);
  });
});
