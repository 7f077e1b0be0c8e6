// The controller types its upload with Express.Multer, which the spec tsconfig does not load by default.
/// <reference types="multer" />
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { EVENTLOG_MAPPING_OPTIONAL, EVENTLOG_MAPPING_REQUIRED } from '@relais/contracts';
import { EVENTLOG_MAPPING_KEYS, IMPORT_FORMATS, listImportFormats } from '@relais/domain';
import type { ImportsService } from '@relais/server';
import { REQUIRED_ROLE } from '../auth/public.decorator';
import { ImportsController } from './imports.controller';

describe('ImportsController formats', () => {
  const controller = new ImportsController({} as ImportsService);

  it('lists every registered format with its description, in registration order', () => {
    const { formats } = controller.formats();
    // Compared with the registry itself: adapters are added over time and must show without a change here.
    expect(formats.map((format) => format.name)).toEqual([...IMPORT_FORMATS]);
    expect(formats.map(({ name, description }) => ({ name, description }))).toEqual(listImportFormats());
    for (const { description } of formats) expect(description.trim()).not.toBe('');
  });

  it('says that eventlog, and only eventlog, needs a column mapping', () => {
    const needing = controller.formats().formats.filter((format) => format.needsMapping);
    expect(needing.map((format) => format.name)).toEqual(['eventlog']);
  });

  it('is a GET on imports/formats declared before imports/:id, for admins only', () => {
    const proto = ImportsController.prototype;
    expect(Reflect.getMetadata(PATH_METADATA, proto.formats)).toBe('formats');
    expect(Reflect.getMetadata(METHOD_METADATA, proto.formats)).toBe(RequestMethod.GET);
    // Express matches routes in declaration order: ':id' first would answer /imports/formats with a 400.
    const order = Object.getOwnPropertyNames(proto);
    expect(order.indexOf('formats')).toBeLessThan(order.indexOf('find'));
    expect(Reflect.getMetadata(REQUIRED_ROLE, ImportsController)).toBe('admin');
  });
});

describe('eventlog mapping keys of the contract', () => {
  it('are the keys the domain checks, in the same order', () => {
    // The web app builds its mapping form from the contract: a key added in the domain must show there too.
    expect([...EVENTLOG_MAPPING_REQUIRED, ...EVENTLOG_MAPPING_OPTIONAL, 'timestampFormat']).toEqual([
      ...EVENTLOG_MAPPING_KEYS,
    ]);
  });
});
