import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ConflictException,
  ExceptionFilter,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { UserError, UserErrorCode } from '@relais/server';

/** Refusals of the users service, as HTTP answers with their message. */
@Catch(UserError)
export class UserErrorsFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: UserError, host: ArgumentsHost): void {
    super.catch(toHttp(error), host);
  }
}

function toHttp(error: UserError): HttpException {
  switch (error.code) {
    case UserErrorCode.DuplicateEmail:
    case UserErrorCode.LastAdmin:
      return new ConflictException(error.message);
    case UserErrorCode.NotFound:
      return new NotFoundException(error.message);
    case UserErrorCode.WeakPassword:
      return new BadRequestException(error.message);
  }
}
