import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  TARGET_INDICATORS,
  type KpiTarget,
  type TargetDirection,
  type TargetIndicator,
  type UpdateTargetRequest,
} from '@relais/contracts';
import { DataSource } from 'typeorm';
import { alertOnBadSide } from './target-status';
import { TargetError, TargetErrorCode } from './targets.errors';

/** Indicators that are shares of cases or answers: their targets lie in [0, 1]. */
const SHARES: ReadonlySet<TargetIndicator> = new Set(['pingPongShare', 'repeatRate', 'reopenRate', 'csatShare']);

export const isTargetIndicator = (value: string): value is TargetIndicator =>
  (TARGET_INDICATORS as readonly string[]).includes(value);

/** Targets and alert levels of the weekly review, one per indicator (seeded by the settings migration). */
@Injectable()
export class TargetsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every target, in the order of TARGET_INDICATORS. */
  async list(): Promise<KpiTarget[]> {
    const rows: TargetRow[] = await this.db.query(
      `SELECT indicator, target, alert_level, direction, updated_at FROM kpi_target
       ORDER BY array_position($1::text[], indicator)`,
      [TARGET_INDICATORS],
    );
    return rows.map(toTarget);
  }

  async update(indicator: string, change: UpdateTargetRequest): Promise<KpiTarget> {
    if (!isTargetIndicator(indicator)) {
      throw new TargetError(
        TargetErrorCode.UnknownIndicator,
        `No target for "${indicator}"; indicators: ${TARGET_INDICATORS.join(', ')}`,
      );
    }
    return this.db.transaction(async (m) => {
      const [current]: TargetRow[] = await m.query(`SELECT direction FROM kpi_target WHERE indicator = $1 FOR UPDATE`, [
        indicator,
      ]);
      const rule = {
        target: change.target,
        alertLevel: change.alertLevel,
        direction: change.direction ?? current.direction,
      };
      checkRule(indicator, rule);
      // An UPDATE answers [rows, count] through TypeORM.
      const [[row]]: [TargetRow[], number] = await m.query(
        `UPDATE kpi_target SET target = $2, alert_level = $3, direction = $4, updated_at = now()
         WHERE indicator = $1 RETURNING indicator, target, alert_level, direction, updated_at`,
        [indicator, rule.target, rule.alertLevel, rule.direction],
      );
      return toTarget(row);
    });
  }
}

interface TargetRow {
  indicator: TargetIndicator;
  target: number;
  alert_level: number;
  direction: TargetDirection;
  updated_at: Date;
}

function toTarget(row: TargetRow): KpiTarget {
  return {
    indicator: row.indicator,
    target: row.target,
    alertLevel: row.alert_level,
    direction: row.direction,
    updatedAt: row.updated_at.toISOString(),
  };
}

function checkRule(
  indicator: TargetIndicator,
  rule: { target: number; alertLevel: number; direction: TargetDirection },
): void {
  const fail = (message: string) => new TargetError(TargetErrorCode.InvalidTarget, message);
  for (const [name, value] of [
    ['target', rule.target],
    ['alertLevel', rule.alertLevel],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw fail(`${name} must be a number ≥ 0`);
    if (SHARES.has(indicator) && value > 1) throw fail(`${name} of ${indicator} is a share: from 0 to 1`);
  }
  if (rule.direction !== 'lower' && rule.direction !== 'higher') throw fail('direction must be lower or higher');
  if (!alertOnBadSide(rule)) {
    throw fail(
      rule.direction === 'lower'
        ? 'alertLevel must be at least the target when lower is better'
        : 'alertLevel must be at most the target when higher is better',
    );
  }
}
