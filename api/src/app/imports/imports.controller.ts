import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportAccepted, ImportReport } from '@relais/contracts';
import { getAdapter, IMPORT_FORMATS, isTimeZone } from '@relais/domain';
import { ImportsService } from '@relais/server';
import { unlink } from 'node:fs/promises';
import { RequiresRole } from '../auth/public.decorator';
import { CreateImportDto } from './create-import.dto';

@ApiTags('imports')
@ApiBearerAuth()
@RequiresRole('admin')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Upload an export; it is imported by a background job' })
  @UseInterceptors(FileInterceptor('file'))
  async create(@UploadedFile() file: Express.Multer.File | undefined, @Body() body: CreateImportDto): Promise<ImportAccepted> {
    try {
      if (!file) throw new BadRequestException('file is required (multipart field "file")');
      if (file.size === 0) throw new BadRequestException(`${file.originalname} is empty`);
      if (!getAdapter(body.format)) {
        throw new BadRequestException(`Unknown format "${body.format}"; known formats: ${IMPORT_FORMATS.join(', ')}`);
      }
      if (body.timezone && !isTimeZone(body.timezone)) throw new BadRequestException(`timezone "${body.timezone}" is not an IANA time zone`);
      return await this.imports.enqueue({
        format: body.format,
        source: body.source,
        timeZone: body.timezone,
        options: body.mapping ? { mapping: parseMapping(body.mapping) } : {},
        fileName: file.originalname,
        path: file.path,
      });
    } catch (error) {
      if (file) await unlink(file.path).catch(() => undefined);
      throw error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first' })
  list(): Promise<ImportReport[]> {
    return this.imports.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, counts, progress and rejected lines of one import' })
  async find(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportReport> {
    const report = await this.imports.find(id);
    if (!report) throw new NotFoundException(`No import ${id}`);
    return report;
  }
}

function parseMapping(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new BadRequestException('mapping must be a JSON object naming the columns');
}

