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
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportAccepted, ImportFormats, ImportReport } from '@relais/contracts';
import { eventlogAdapter, listImportFormats } from '@relais/domain';
import { checkImportRequest, ImportsService, InvalidImportRequest } from '@relais/server';
import { unlink } from 'node:fs/promises';
import { RequiresRole } from '../auth/public.decorator';
import { CreateImportDto } from './create-import.dto';
import { uploadFileName } from './upload-file-name';
import { UploadStorageFilter } from './upload-storage.filter';

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
  @UseFilters(UploadStorageFilter)
  async create(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: CreateImportDto,
  ): Promise<ImportAccepted> {
    try {
      if (!file) throw new BadRequestException('file is required (multipart field "file")');
      if (file.size === 0) throw new BadRequestException(`${file.originalname} is empty`);
      const options = checkImportRequest({ format: body.format, timeZone: body.timezone, mapping: body.mapping });
      return await this.imports.enqueue({
        format: body.format,
        source: body.source,
        timeZone: body.timezone,
        options,
        fileName: uploadFileName(file.originalname),
        path: file.path,
      });
    } catch (error) {
      if (file) await unlink(file.path).catch(() => undefined);
      throw error instanceof InvalidImportRequest ? new BadRequestException(error.message) : error;
    }
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first' })
  list(): Promise<ImportReport[]> {
    return this.imports.list();
  }

  // Declared before ':id', whose uuid pipe would otherwise refuse "formats" with a 400.
  @Get('formats')
  @ApiOperation({ summary: 'Formats an upload may name, each with its one-line description' })
  formats(): ImportFormats {
    // Read from the registry on each call: adapters registered later show without touching this controller.
    return {
      formats: listImportFormats().map(({ name, description }) => ({
        name,
        description,
        needsMapping: name === eventlogAdapter.name,
      })),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, counts, progress and rejected lines of one import' })
  async find(@Param('id', new ParseUUIDPipe()) id: string): Promise<ImportReport> {
    const report = await this.imports.find(id);
    if (!report) throw new NotFoundException(`No import ${id}`);
    return report;
  }
}
