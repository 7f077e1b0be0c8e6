import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

// Hot paths read Math through module bindings: a global lookup is slow inside a vm context (Jest runs tests in one).
const { PI, cos, exp, floor, log, max, min, sin, sqrt } = Math;

const TWO_POW_32 = 4294967296;

/** A value table with cumulative weights, built once and sampled in O(size). */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    if (!(weight >= 0)) throw new RangeError(`negative weight for ${String(value)}`);
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  if (total <= 0) throw new RangeError('a weighted table needs a positive total weight');
  return { values, cumulative, total };
}

/**
 * Seeded random source of the demo generator (pure-rand xoroshiro128+, mutated in place). Every draw goes
 * through this class, so a seed fixes the whole output. Floats have 32-bit resolution: plenty for a simulation,
 * and one `next()` per draw keeps a million-case run fast.
 */
export class DemoRandom {
  private spare: number | null = null;

  private constructor(private readonly g: RandomGenerator) {}

  /**
   * Two independent streams for one seed: `streams(seed)[1]` is 2^64 draws away from `[0]` (xoroshiro jump),
   * so changing how one stream is consumed never shifts the other.
   */
  static streams(seed: number): [DemoRandom, DemoRandom] {
    const a = xoroshiro128plus(seed);
    const b = xoroshiro128plus(seed);
    b.jump();
    const first = new DemoRandom(a);
    const second = new DemoRandom(b);
    // xoroshiro's state right after seeding is sparse: let it mix before use.
    for (let i = 0; i < 32; i += 1) {
      first.g.next();
      second.g.next();
    }
    return [first, second];
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.g.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform in (0, 1]: safe for log. */
  floatOpen(): number {
    return ((this.g.next() >>> 0) + 1) / TWO_POW_32;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + floor(this.float() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  /** Standard normal (Box–Muller, the second value is kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const radius = sqrt(-2 * log(this.floatOpen()));
    const angle = 2 * PI * this.float();
    this.spare = radius * sin(angle);
    return radius * cos(angle);
  }

  /**
   * Log-normal with the given median; sigma is the spread of the log. The normal draw is cut at ±2.5 so that
   * tails stay heavy but finite (at sigma 1.2, the longest draw is 20 × the median).
   */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * max(-2.5, min(2.5, this.normal())));
  }

  exponential(mean: number): number {
    return -mean * log(this.floatOpen());
  }

  /** Poisson count by inversion; meant for small means (a few units). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit && k < 1000) {
      k += 1;
      p *= this.float();
    }
    return k;
  }

  pick<T>(table: WeightedTable<T>): T {
    const target = this.float() * table.total;
    const { cumulative, values } = table;
    for (let i = 0; i < cumulative.length; i += 1) {
      if (target < cumulative[i]) return values[i];
    }
    return values[values.length - 1];
  }
}
