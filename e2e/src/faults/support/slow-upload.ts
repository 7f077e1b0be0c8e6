import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';

export interface SlowUpload {
  /** Resolves with the response status, or with how the request ended without one (the api killed, the abort). */
  done: Promise<{ status: number } | { failed: string }>;
  /** Ends the request from the client side, mid-body. */
  abort(): void;
}

/**
 * POST /api/imports as a slow client sends it: the multipart body (fields, then the file) in `chunkBytes` pieces
 * `delayMs` apart, with its Content-Length announced, so the api is caught with the upload half on disk.
 */
export function slowUpload(
  baseUrl: string,
  token: string,
  filePath: string,
  source: string,
  { chunkBytes = 16 * 1024, delayMs = 50 } = {},
): SlowUpload {
  const boundary = `relais-faults-${Date.now()}`;
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('format', 'canonical') +
      field('source', source) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(filePath)}"\r\n` +
      `Content-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const req = request(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': head.length + statSync(filePath).size + tail.length,
    },
  });
  const done = new Promise<{ status: number } | { failed: string }>((resolve) => {
    req.once('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.once('error', (error: NodeJS.ErrnoException) => resolve({ failed: error.code ?? error.message }));
  });
  void (async () => {
    req.write(head);
    for await (const chunk of createReadStream(filePath, { highWaterMark: chunkBytes })) {
      if (req.destroyed) return;
      req.write(chunk);
      await new Promise((r) => setTimeout(r, delayMs));
    }
    if (!req.destroyed) req.end(tail);
  })();
  return { done, abort: () => req.destroy() };
}
