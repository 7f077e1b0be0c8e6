import { ReviewCardKey } from './review-cards';

/** How each card's numbers read: shares as percentages (changes in points), transfers as a ratio, delays in hours. */
export interface ReviewFormat {
  value(key: ReviewCardKey, value: number | null): string;
  change(key: ReviewCardKey, change: number | null): string;
}

const NONE = '–';

/** Decimals a change is shown with, as a fraction of the value: 0.004 transfers shows as 0,00, so is no change. */
const CHANGE_DIGITS: Record<ReviewCardKey, number> = { transfersMean: 2, repeatRate: 3, csatShare: 3, stepDelay: 1 };

/** The change as the reader sees it: rounded like its display, so that "0,00" is never called worse or better. */
export function shownChange(key: ReviewCardKey, change: number | null): number | null {
  if (change === null) return null;
  const factor = 10 ** CHANGE_DIGITS[key];
  return Math.round(change * factor) / factor;
}

export function reviewFormat(locale: string): ReviewFormat {
  const number = (digits: number, signed = false) =>
    new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    value(key, value) {
      if (value === null) return NONE;
      switch (key) {
        case 'transfersMean':
          return number(2).format(value);
        case 'repeatRate':
        case 'csatShare':
          return percent.format(value);
        case 'stepDelay':
          return `${number(1).format(value)} h`;
      }
    },
    change(key, change) {
      if (change === null) return NONE;
      switch (key) {
        case 'transfersMean':
          return number(2, true).format(change);
        case 'repeatRate':
        case 'csatShare':
          // Shares move in percentage points: 8 % → 10 % is +2 pts, not +25 %.
          return `${number(1, true).format(change * 100)} pt`;
        case 'stepDelay':
          return `${number(1, true).format(change)} h`;
      }
    },
  };
}
