import { DemoRandom } from './demo-random';

// Hot paths read Math through module bindings: a global lookup is slow inside a vm context (Jest runs tests in one).
const { ceil, expm1, floor, log, max, min } = Math;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** Day of week of a UTC instant, ISO numbering shifted to 0 = Monday … 6 = Sunday. */
export function utcWeekday(ms: number): number {
  const day = floor(ms / DAY);
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return (((day + 3) % 7) + 7) % 7;
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
export function isoWeekStartUtc(ms: number): number {
  const dayStart = floor(ms / DAY) * DAY;
  return dayStart - utcWeekday(ms) * DAY;
}

/**
 * Relative arrival intensity per UTC hour (0–23). Zero from 22:00 to 04:59 UTC: no case is created within two
 * hours of midnight UTC, so a case falls in the same ISO week in UTC and in Europe/Paris (UTC+1/+2).
 */
const WEEKDAY_HOURS = [
  0, 0, 0, 0, 0, 0.2, 0.8, 1.6, 2, 2, 1.8, 1.3, 1.5, 1.8, 1.7, 1.5, 1.1, 0.6, 0.35, 0.25, 0.15, 0.08, 0, 0,
];
const WEEKEND_HOURS = [
  0, 0, 0, 0, 0, 0.05, 0.2, 0.5, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.4, 0.1, 0.1, 0, 0,
];
/** Monday … Sunday: Monday is the busiest day, weekends are quiet. */
const WEEKDAY_FACTOR = [1.25, 1.1, 1.05, 1, 0.9, 0.3, 0.15];
/** Volume grows linearly by this share from the first to the last day of the period. */
const GROWTH = 0.25;

/**
 * Creation instants of `count` cases between `startMs` and `endMs` (inclusive), in increasing order, drawn from
 * the weekday × hour × growth intensity above. Streaming in O(1) per case: the k-th smallest of n uniforms is
 * drawn from the (k−1)-th (the minimum of m uniforms on [x, 1] is x + (1 − x)(1 − U^(1/m))), then mapped through
 * the inverse of the cumulative intensity, one bucket per hour of the period.
 */
export class ArrivalClock {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private bucket = 0;
  private x = 0;
  private remaining: number;

  constructor(
    private readonly random: DemoRandom,
    private readonly startMs: number,
    private readonly endMs: number,
    count: number,
  ) {
    const buckets = max(1, ceil((endMs - startMs) / HOUR));
    const periodDays = max(1, (endMs - startMs) / DAY);
    this.cumulative = new Float64Array(buckets + 1);
    let total = 0;
    for (let b = 0; b < buckets; b += 1) {
      const from = startMs + b * HOUR;
      const length = max(0, min(HOUR, endMs - from));
      const weekday = utcWeekday(from);
      const hour = floor((from - floor(from / DAY) * DAY) / HOUR);
      const profile = weekday >= 5 ? WEEKEND_HOURS : WEEKDAY_HOURS;
      const growth = 1 + (GROWTH * (from - startMs)) / DAY / periodDays;
      total += profile[hour] * WEEKDAY_FACTOR[weekday] * growth * (length / HOUR);
      this.cumulative[b + 1] = total;
    }
    this.total = total;
    this.remaining = count;
    if (count > 0 && !(total > 0)) {
      throw new RangeError('the demo period holds no opening hours: move `end` later or raise `weeks`');
    }
  }

  /** Next creation instant (ms, whole seconds), never before the previous one nor after `endMs`. */
  next(): number {
    if (this.remaining <= 0) throw new RangeError('no arrival left');
    this.x += (1 - this.x) * -expm1(log(this.random.floatOpen()) / this.remaining);
    this.remaining -= 1;
    const target = min(this.x, 1) * this.total;
    const last = this.cumulative.length - 2;
    while (this.bucket < last && this.cumulative[this.bucket + 1] <= target) this.bucket += 1;
    const low = this.cumulative[this.bucket];
    const weight = this.cumulative[this.bucket + 1] - low;
    const within = weight > 0 ? min(1, (target - low) / weight) : 0;
    const from = this.startMs + this.bucket * HOUR;
    const length = min(HOUR, this.endMs - from);
    const ms = floor((from + within * length) / SECOND) * SECOND;
    return min(ms, floor(this.endMs / SECOND) * SECOND);
  }
}

/** Opening hours of one weekday as [from, to) UTC hours, or null when closed. */
export type DayHours = readonly [number, number] | null;
/** Monday … Sunday. */
export type WeekHours = readonly [DayHours, DayHours, DayHours, DayHours, DayHours, DayHours, DayHours];

/**
 * `ms` if it falls inside the opening hours, else the next opening plus a little jitter (people do not all start
 * at the stroke of the hour). Used for agent actions (work happens in office hours) and customer actions.
 */
export function nextOpen(ms: number, hours: WeekHours, random: DemoRandom, jitterMs: number): number {
  let dayStart = floor(ms / DAY) * DAY;
  for (let i = 0; i < 8; i += 1) {
    const open = hours[utcWeekday(dayStart)];
    if (open !== null) {
      const from = dayStart + open[0] * HOUR;
      const to = dayStart + open[1] * HOUR;
      if (ms < from) return from + floor(random.float() * jitterMs);
      if (ms < to) return ms;
    }
    dayStart += DAY;
  }
  return ms;
}

/** Whether `ms` falls inside the opening hours. */
export function isOpen(ms: number, hours: WeekHours): boolean {
  const open = hours[utcWeekday(ms)];
  if (open === null) return false;
  const hour = (ms - floor(ms / DAY) * DAY) / HOUR;
  return hour >= open[0] && hour < open[1];
}
