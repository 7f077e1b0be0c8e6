import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { InvalidCaseQuery } from '@relais/server';

/** The service's own check of a drill-down query (it serves other doors too) answers 400 like the DTO's. */
@Catch(InvalidCaseQuery)
export class InvalidCaseQueryFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: InvalidCaseQuery, host: ArgumentsHost): void {
    super.catch(new BadRequestException(error.message), host);
  }
}
