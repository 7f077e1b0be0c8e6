import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseTimestamp, type ParsedTimestamp } from './parse-timestamp';

const iso = (result: ParsedTimestamp) => (result.ok ? result.date.toISOString() : `${result.code}: ${result.message}`);

describe('parseTimestamp', () => {
  describe.each(['UTC', 'Europe/Paris'])('with an explicit offset, whatever the zone (%s)', (timeZone) => {
    it.each([
      ['2024-01-23T13:26:08Z', '2024-01-23T13:26:08.000Z'],
      ['2024-01-23T13:26:08.000+0000', '2024-01-23T13:26:08.000Z'], // Salesforce
      ['2015-11-21T07:14:01.643-0500', '2015-11-21T12:14:01.643Z'], // Jira, ±hhmm without colon
      ['2010-12-30 14:32:00+01:00', '2010-12-30T13:32:00.000Z'], // pm4py CSV
      ['2024-01-23T13:26:08+01', '2024-01-23T12:26:08.000Z'],
      ['2024-01-23T13:26:08.123456Z', '2024-01-23T13:26:08.123Z'],
      ['  2024-01-23T13:26Z  ', '2024-01-23T13:26:00.000Z'],
    ])('%s → %s', (text, expected) => {
      expect(iso(parseTimestamp(text, { timeZone }))).toBe(expected);
    });
  });

  it.each([
    ['2024-01-23 13:26', '2024-01-23T12:26:00.000Z'],
    ['2024-01-23 13:26:08', '2024-01-23T12:26:08.000Z'],
    ['2024-01-23 13:26:08.5', '2024-01-23T12:26:08.500Z'],
    ['2024-01-23T13:26:08', '2024-01-23T12:26:08.000Z'],
    ['2024-01-23', '2024-01-22T23:00:00.000Z'],
    ['2012/10/09 14:50:17.000', '2012-10-09T12:50:17.000Z'], // Italian help desk, summer time
    ['2012/10/09 14:50:17', '2012-10-09T12:50:17.000Z'],
    ['2012/10/09 14:50', '2012-10-09T12:50:00.000Z'],
    ['2012/10/09', '2012-10-08T22:00:00.000Z'],
    ['29/02/2016 01:16:05', '2016-02-29T00:16:05.000Z'],
    ['29/02/2016 01:16', '2016-02-29T00:16:00.000Z'],
    ['29/2/2016 1:16', '2016-02-29T00:16:00.000Z'], // UCI original, unpadded
    ['01/02/2024', '2024-01-31T23:00:00.000Z'], // day first: 1 February
    // Day ≤ 12 in every form: still day first (3 April), never month first.
    ['03/04/2024 10:00:05', '2024-04-03T08:00:05.000Z'],
    ['03/04/2024 10:00', '2024-04-03T08:00:00.000Z'],
    ['3/4/2024 9:00', '2024-04-03T07:00:00.000Z'],
    ['03-04-2024 10:00:05', '2024-04-03T08:00:05.000Z'],
    ['03-04-2024 10:00', '2024-04-03T08:00:00.000Z'],
    ['03-04-2024', '2024-04-02T22:00:00.000Z'],
    ['22-03-2021', '2021-03-21T23:00:00.000Z'], // Kaggle, date only
    ['01-06-2023 12:15', '2023-06-01T10:15:00.000Z'],
    ['29-02-2016 01:16:05', '2016-02-29T00:16:05.000Z'],
  ])('reads naive %s in Europe/Paris → %s', (text, expected) => {
    expect(iso(parseTimestamp(text, { timeZone: 'Europe/Paris' }))).toBe(expected);
  });

  // Europe/Paris: 2024-03-31 02:00 CET → 03:00 CEST (01:00Z); 2024-10-27 03:00 CEST → 02:00 CET (01:00Z).
  it.each([
    ['the last minute before spring-forward', '2024-03-31 01:59', '2024-03-31T00:59:00.000Z'],
    ['the first minute after spring-forward', '2024-03-31 03:00', '2024-03-31T01:00:00.000Z'],
    ['a non-existent time, read in standard time (= 03:30 CEST)', '2024-03-31 02:30', '2024-03-31T01:30:00.000Z'],
    ['an ambiguous time, read as its second occurrence (CET)', '2024-10-27 02:30', '2024-10-27T01:30:00.000Z'],
    ['the ambiguous time with its offset: first occurrence', '2024-10-27T02:30+02:00', '2024-10-27T00:30:00.000Z'],
    ['the ambiguous time with its offset: second occurrence', '2024-10-27T02:30+01:00', '2024-10-27T01:30:00.000Z'],
    ['an ambiguous day-first time', '27/10/2024 02:30', '2024-10-27T01:30:00.000Z'],
    ['the first minute after fall-back', '2024-10-27 03:00', '2024-10-27T02:00:00.000Z'],
  ])('DST in Europe/Paris: %s', (_, text, expected) => {
    expect(iso(parseTimestamp(text, { timeZone: 'Europe/Paris' }))).toBe(expected);
  });

  it('reads naive values in the given zone, not the machine zone', () => {
    expect(iso(parseTimestamp('2012/10/09 14:50:17.000', { timeZone: 'UTC' }))).toBe('2012-10-09T14:50:17.000Z');
    expect(iso(parseTimestamp('2012/10/09 14:50:17.000', { timeZone: 'America/New_York' }))).toBe(
      '2012-10-09T18:50:17.000Z',
    );
  });

  it.each([
    ['', 'EMPTY', 'the timestamp is empty'],
    ['   ', 'EMPTY', 'the timestamp is empty'],
    [
      '31/02/2024 10:00',
      'INVALID_DATE',
      '"31/02/2024 10:00" is not a valid date: you specified 31 (of type number) as a day, which is invalid',
    ],
    // Month first is never guessed: 13 cannot be a month.
    [
      '02/13/2024',
      'INVALID_DATE',
      '"02/13/2024" is not a valid date: you specified 13 (of type number) as a month, which is invalid',
    ],
    [
      '2023-02-29T10:00:00Z',
      'INVALID_DATE',
      '"2023-02-29T10:00:00Z" is not a valid date: you specified 29 (of type number) as a day, which is invalid',
    ],
    [
      '29-02-2016 24:16',
      'INVALID_DATE',
      '"29-02-2016 24:16" is not a valid date: you specified 24 (of type number) as a hour, which is invalid',
    ],
    ['yesterday', 'UNRECOGNISED', expect.stringContaining('"yesterday" is not a recognised timestamp')],
    ['2024', 'UNRECOGNISED', expect.stringContaining('"2024" is not a recognised timestamp')],
    ['2024-W03-2', 'UNRECOGNISED', expect.stringContaining('is not a recognised timestamp')],
    ['2024-01-23T13', 'UNRECOGNISED', expect.stringContaining('is not a recognised timestamp')],
    ['1/2/16 1:16', 'UNRECOGNISED', expect.stringContaining('is not a recognised timestamp')],
    ['1706016368', 'UNRECOGNISED', expect.stringContaining('is not a recognised timestamp')],
  ])('fails on %j with %s', (text, code, message) => {
    expect(parseTimestamp(text, { timeZone: 'Europe/Paris' })).toEqual({ ok: false, code, message });
  });

  it('fails on an unknown time zone', () => {
    expect(parseTimestamp('2024-01-23 13:26', { timeZone: 'Mars/Olympus' })).toEqual({
      ok: false,
      code: 'INVALID_TIME_ZONE',
      message: '"Mars/Olympus" is not an IANA time zone',
    });
  });

  describe('with an explicit format', () => {
    it.each([
      // The format wins over the day-first default: 02/03 is 3 February here.
      ['02/03/2024 13:26', 'MM/dd/yyyy HH:mm', 'Europe/Paris', '2024-02-03T12:26:00.000Z'],
      ['23.01.2024 13:26', 'dd.MM.yyyy HH:mm', 'Europe/Paris', '2024-01-23T12:26:00.000Z'],
      ['20240123T132608 +0100', "yyyyMMdd'T'HHmmss ZZZ", 'UTC', '2024-01-23T12:26:08.000Z'],
      ['27/10/2024 02:30', 'dd/MM/yyyy HH:mm', 'Europe/Paris', '2024-10-27T01:30:00.000Z'],
    ])('%s with %s in %s → %s', (text, format, timeZone, expected) => {
      expect(iso(parseTimestamp(text, { timeZone, format }))).toBe(expected);
    });

    it('fails when the value does not match it, even if another form would', () => {
      expect(parseTimestamp('2024-01-23T13:26:08Z', { timeZone: 'UTC', format: 'dd/MM/yyyy HH:mm' })).toEqual({
        ok: false,
        code: 'FORMAT_MISMATCH',
        message: '"2024-01-23T13:26:08Z" does not match the format "dd/MM/yyyy HH:mm"',
      });
    });

    it('still rejects an impossible date', () => {
      expect(parseTimestamp('02/30/2024', { timeZone: 'UTC', format: 'MM/dd/yyyy' })).toMatchObject({
        ok: false,
        code: 'INVALID_DATE',
      });
    });
  });
});

describe('parseTimestamp: the ISO instant read without luxon', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');

  it('gives what luxon gives for any instant, offset and fraction', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.constantFrom(0, 1, 2, 3),
        (date, offsetMinutes, fractionDigits) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000);
          const fraction = fractionDigits ? `.${pad(local.getUTCMilliseconds(), 3).slice(0, fractionDigits)}` : '';
          const offset =
            offsetMinutes === 0 && fractionDigits % 2 === 0
              ? 'Z'
              : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
          const text =
            `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
            `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offset}`;
          const parsed = parseTimestamp(text, { timeZone: 'Europe/Paris' });
          expect(parsed).toEqual({ ok: true, date: DateTime.fromISO(text).toJSDate() });
        },
      ),
    );
  });

  it.each(['2026-02-31T10:00:00Z', '2026-02-29T10:00:00+01:00', '2024-13-01T10:00:00Z'])(
    'still refuses the impossible %s',
    (text) => {
      expect(parseTimestamp(text, { timeZone: 'UTC' })).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    },
  );
});
