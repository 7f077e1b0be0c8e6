import { SatisfactionReport, SatisfactionStats } from '@relais/contracts';
import { SatisfactionRow } from './satisfaction-option';

export interface SatisfactionRowLabels {
  transfers: (bucket: string) => string;
  repeated: string;
  notRepeated: string;
}

function row(label: string, stats: SatisfactionStats, drill?: SatisfactionRow['drill']): SatisfactionRow {
  return { label, responses: stats.responses, csatShare: stats.csatShare, csatInterval: stats.csatInterval, drill };
}

/**
 * The three views of the satisfaction report as chart rows. Per step: no drill-down (the case list has no "answered
 * in step" filter). By transfers: only "3+" maps exactly onto a case filter (minTransfers=3); 0, 1 and 2 would need
 * an upper bound the list does not have, so they link nowhere rather than to a wider set. By repeat contact:
 * repeated=true/false, judged by both endpoints with the organisation's window (the page passes no other).
 */
export function satisfactionRows(report: SatisfactionReport, labels: SatisfactionRowLabels) {
  return {
    byStep: report.byStep.map((stats) => row(stats.step, stats)),
    byTransfers: report.byTransfers.map((stats) =>
      row(labels.transfers(stats.transfers), stats, stats.transfers === '3+' ? { minTransfers: '3' } : undefined),
    ),
    byRepeat: report.byRepeat.map((stats) =>
      row(stats.repeated ? labels.repeated : labels.notRepeated, stats, { repeated: String(stats.repeated) }),
    ),
  };
}
