import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { NO_SPACE_MESSAGE, UploadStorageFilter } from './upload-storage.filter';

function host() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const argumentsHost = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({}) }),
    getArgByIndex: (i: number) => [{}, response][i],
    getArgs: () => [{}, response],
    getType: () => 'http',
  } as unknown as ArgumentsHost;
  return { argumentsHost, sent };
}

describe('UploadStorageFilter', () => {
  it.each(['ENOSPC', 'EDQUOT'])('answers %s with 507 and a message an admin can act on', (code) => {
    const { argumentsHost, sent } = host();
    new UploadStorageFilter().catch(Object.assign(new Error('write failed'), { code }), argumentsHost);
    expect(sent).toEqual({ status: 507, body: { statusCode: 507, message: NO_SPACE_MESSAGE } });
  });

  it('leaves every other error to Nest', () => {
    const { argumentsHost, sent } = host();
    const reply = jest.fn();
    const adapterHost = { httpAdapter: { reply, isHeadersSent: () => false } } as unknown as HttpAdapterHost;
    const filter = new UploadStorageFilter(adapterHost.httpAdapter as never);
    filter.catch(new BadRequestException('file is required'), argumentsHost);
    expect(sent.status).toBeUndefined();
    expect(reply).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ statusCode: 400 }), 400);
  });
});
