import { MessageKey } from '../../core/i18n/messages.fr';
import { CASE_FILTER_KEYS, CaseFilterKey, CaseFilters, pairLabel } from './case-filters';

export interface FilterChip {
  key: CaseFilterKey;
  label: MessageKey;
  /** What the chip reads after its label; yes/no of `repeated` is a message key, the rest is data. */
  value: string | { message: MessageKey };
}

const LABELS: Record<CaseFilterKey, MessageKey> = {
  from: 'cases.filter.from',
  to: 'cases.filter.to',
  week: 'cases.filter.week',
  source: 'cases.filter.source',
  team: 'cases.filter.team',
  channel: 'cases.filter.channel',
  category: 'cases.filter.category',
  minTransfers: 'cases.filter.minTransfers',
  repeated: 'cases.filter.repeated',
  transition: 'cases.filter.transition',
  handoff: 'cases.filter.handoff',
};

/** One chip per filter in force, in CASE_FILTER_KEYS order. */
export function filterChips(filters: CaseFilters): FilterChip[] {
  return CASE_FILTER_KEYS.flatMap((key): FilterChip[] => {
    const value = filters[key];
    if (value === undefined) return [];
    const shown =
      key === 'transition' || key === 'handoff'
        ? pairLabel(value)
        : key === 'repeated'
          ? { message: (value === 'true' ? 'cases.yes' : 'cases.no') as MessageKey }
          : value;
    return [{ key, label: LABELS[key], value: shown }];
  });
}
