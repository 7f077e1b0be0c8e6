import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseDetail, CaseListQuery, CasesPage } from '@relais/contracts';
import { DataSource } from 'typeorm';
import { RELAIS_CONFIG } from '../config/config.module';
import { RelaisConfig } from '../config/relais-config';
import { readOrganisationSettings } from '../settings/organisation-settings';
import { caseDetail, listCases } from './cases.queries';

/** The analyst's drill-down from an indicator to the cases behind it, and to one case's journey. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RELAIS_CONFIG) private readonly config: RelaisConfig,
  ) {}

  /** Days and the default repeat window are the organisation's (settings). */
  async list(query: CaseListQuery): Promise<CasesPage> {
    const settings = await readOrganisationSettings(this.db, this.config.timeZone);
    return listCases(
      this.db,
      { ...query, repeatWindowDays: query.repeatWindowDays ?? settings.repeatWindowDays },
      settings.timeZone,
    );
  }

  async detail(source: string, caseId: string, repeatWindowDays?: number): Promise<CaseDetail | null> {
    const settings = await readOrganisationSettings(this.db, this.config.timeZone);
    return caseDetail(this.db, source, caseId, repeatWindowDays ?? settings.repeatWindowDays);
  }
}
