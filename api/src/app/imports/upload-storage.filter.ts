import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);

export const NO_SPACE_MESSAGE =
  'The server has no disk space left for this upload: nothing was stored. Free space in the data directory, then upload again.';

/**
 * An upload that cannot be written (disk full, quota) is the server's problem, not the file's: 507 with a message
 * an admin can act on, instead of a bare 500. Multer has already removed the partial file; no import was recorded.
 * Anything else goes to Nest's own handling.
 */
@Catch()
export class UploadStorageFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const code = (exception as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && NO_SPACE.has(code)) {
      const status = HttpStatus.INSUFFICIENT_STORAGE;
      host
        .switchToHttp()
        .getResponse<Response>()
        .status(status)
        .json({ statusCode: status, message: NO_SPACE_MESSAGE });
      return;
    }
    super.catch(exception, host);
  }
}
