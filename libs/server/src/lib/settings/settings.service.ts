import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REPEAT_WINDOW_DAYS,
  type OrganisationSettings,
  type RepeatWindowDays,
  type UpdateSettingsRequest,
} from '@relais/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { IMPORT_MERGE_LOCK } from '../imports/import-lock';
import { EffectiveSettings, readOrganisationSettings, StoredSettings } from './organisation-settings';
import { SettingsError, SettingsErrorCode } from './settings.errors';
import { canonicalTimeZone } from './time-zone';

/** How long a time-zone change waits for a running import before answering "busy". */
const IMPORT_WAIT = '30s';
const LOCK_NOT_AVAILABLE = '55P03';

/** The organisation's settings: time zone (§2) and default repeat window (§4). */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  async get(): Promise<OrganisationSettings> {
    return toResponse(await readOrganisationSettings(this.db, this.config.timeZone));
  }

  /** Time zone and repeat window in force, for callers outside a transaction. */
  effective(): Promise<EffectiveSettings> {
    return readOrganisationSettings(this.db, this.config.timeZone);
  }

  /**
   * Changes the settings. A time zone given moves every case to its week in that zone, in the same transaction
   * and under the import lock: facts never mix two zones, and an import reads the zone after taking the lock.
   */
  async update(change: UpdateSettingsRequest): Promise<OrganisationSettings> {
    const window = change.repeatWindowDays;
    if (window !== undefined && !REPEAT_WINDOW_DAYS.includes(window as RepeatWindowDays)) {
      throw new SettingsError(
        SettingsErrorCode.InvalidRepeatWindow,
        `repeatWindowDays must be one of ${REPEAT_WINDOW_DAYS.join(', ')}`,
      );
    }
    await this.db.transaction(async (m) => {
      if (change.timeZone !== undefined) await this.moveWeeks(m, change.timeZone);
      await m.query(`UPDATE setting SET repeat_window_days = coalesce($1, repeat_window_days), updated_at = now()`, [
        window ?? null,
      ]);
    });
    return this.get();
  }

  private async moveWeeks(m: EntityManager, zone: string): Promise<void> {
    const timeZone = await canonicalTimeZone(m, zone);
    if (!timeZone) {
      throw new SettingsError(
        SettingsErrorCode.UnknownTimeZone,
        `timeZone "${zone}" is not an IANA time zone such as Europe/Paris`,
      );
    }
    await m.query(`SET LOCAL lock_timeout = '${IMPORT_WAIT}'`);
    try {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_MERGE_LOCK]);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === LOCK_NOT_AVAILABLE) {
        throw new SettingsError(
          SettingsErrorCode.Busy,
          'An import is being stored; change the time zone once it has finished',
        );
      }
      throw error;
    }
    await m.query(`SET LOCAL lock_timeout = 0`);
    await m.query(`UPDATE setting SET time_zone = $1`, [timeZone]);
    // Set-based, every case at once (§2: the ISO week of created_ts in the organisation's time zone).
    await m.query(
      `UPDATE case_fact SET created_week = date_trunc('week', created_ts AT TIME ZONE $1)::date
       WHERE created_week IS DISTINCT FROM date_trunc('week', created_ts AT TIME ZONE $1)::date`,
      [timeZone],
    );
  }
}

function toResponse(s: StoredSettings): OrganisationSettings {
  return {
    timeZone: s.timeZone,
    timeZoneSource: s.timeZoneSet ? 'setting' : 'environment',
    repeatWindowDays: s.repeatWindowDays,
    updatedAt: s.updatedAt?.toISOString() ?? null,
  };
}
