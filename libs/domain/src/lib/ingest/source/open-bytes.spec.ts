import { gzipSync } from 'node:zlib';
import { ImportFileErrorCode } from '../import-file-error';
import { openBytes } from './open-bytes';

async function* chunksOf(...parts: (string | Buffer)[]) {
  for (const part of parts) yield Buffer.from(part);
}

async function text(bytes: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of bytes) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

describe('openBytes', () => {
  it('passes plain bytes through whole, however they are chunked', async () => {
    const source = await openBytes(chunksOf('{', '"a"', ': [1, 2]}'));
    expect(source.compression).toBeNull();
    expect(await text(source.bytes)).toBe('{"a": [1, 2]}');
  });

  it('recognises gzip by its magic bytes and inflates it', async () => {
    const zipped = gzipSync('<log><trace/></log>');
    const source = await openBytes(chunksOf(zipped.subarray(0, 1), zipped.subarray(1)));
    expect(source.compression).toBe('gzip');
    expect(await text(source.bytes)).toBe('<log><trace/></log>');
  });

  it.each([
    ['0 bytes', chunksOf()],
    ['only white space', chunksOf(' \n\t\r\n')],
    ['a gzip of nothing', chunksOf(gzipSync(''))],
  ])('refuses %s as EMPTY', async (_, input) => {
    await expect(openBytes(input)).rejects.toMatchObject({ code: ImportFileErrorCode.EMPTY });
  });

  it('fails a truncated gzip with CORRUPT_GZIP while reading', async () => {
    const zipped = gzipSync('x'.repeat(100_000) + Math.random().toString(36).repeat(5000));
    const source = await openBytes(chunksOf(zipped.subarray(0, zipped.length / 2)));
    await expect(text(source.bytes)).rejects.toMatchObject({ code: ImportFileErrorCode.CORRUPT_GZIP });
  });
});
