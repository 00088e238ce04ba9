/**
 * Deterministic randomness for the seeder: one seeded generator (sfc32) drives every choice,
 * so the same `--seed` and sizes produce the same rows, ids included.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Exponentially distributed with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** An index in [0, n) skewed towards 0: the first ones are picked far more often (power users). */
  skewed(n: number, power = 2.5): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), power)));
  }

  /** `k` distinct items of `items` (k <= items.length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    if (k * 3 > items.length) {
      const copy = items.slice();
      for (let i = 0; i < k; i++) {
        const j = i + this.int(copy.length - i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, k);
    }
    const seen = new Set<number>();
    const out: T[] = [];
    while (out.length < k) {
      const i = this.int(items.length);
      if (!seen.has(i)) {
        seen.add(i);
        out.push(items[i]);
      }
    }
    return out;
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID for a row created at `ms`: the time part sorts like the server's ids, the rest from `rng`. */
export function ulidAt(ms: number, rng: Rng): string {
  let time = '';
  let t = Math.floor(ms);
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[rng.u32() & 31];
  return time + rest;
}

/**
 * Splits `total` into `weights.length` whole parts proportional to the weights (largest
 * remainder), so the parts add up exactly.
 */
export function apportion(total: number, weights: ArrayLike<number>): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  if (sum <= 0 || n === 0) return out;
  const rema = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (total * weights[i]) / sum;
    out[i] = Math.floor(exact);
    rema[i] = exact - out[i];
    given += out[i];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => rema[y] - rema[x] || x - y);
  for (let k = 0; given < total; k = (k + 1) % n, given++) out[order[k]]++;
  return out;
}

/** Indices 0..n-1 ordered by `key` ascending (stable). */
export function sortedOrder(key: Float64Array): Uint32Array {
  const idx = new Uint32Array(key.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((x, y) => key[x] - key[y] || x - y);
}
