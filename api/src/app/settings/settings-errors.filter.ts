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
import { SettingsError, SettingsErrorCode, TargetError, TargetErrorCode } from '@relais/server';

/** Refusals of the settings and targets services, as HTTP answers with their message. */
@Catch(SettingsError, TargetError)
export class SettingsErrorsFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: SettingsError | TargetError, host: ArgumentsHost): void {
    super.catch(toHttp(error), host);
  }
}

function toHttp(error: SettingsError | TargetError): HttpException {
  switch (error.code) {
    case SettingsErrorCode.Busy:
      return new ConflictException(error.message);
    case TargetErrorCode.UnknownIndicator:
      return new NotFoundException(error.message);
    case SettingsErrorCode.UnknownTimeZone:
    case SettingsErrorCode.InvalidRepeatWindow:
    case SettingsErrorCode.InvalidStepMapping:
    case TargetErrorCode.InvalidTarget:
      return new BadRequestException(error.message);
  }
}
