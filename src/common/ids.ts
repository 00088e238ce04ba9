import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * Random bytes for ids, drawn from a pool refilled 4 KiB at a time. ulid's default PRNG asks
 * the OS for one byte per character (16 calls per id), which cost ~50 µs per id and showed up
 * in every request (request ids) in bench:read profiles. Same source, same distribution.
 */
const pool = new Uint8Array(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next >= pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++] / 256;
}

const ulid = monotonicFactory(pooledRandom);

/** New primary key: a ULID, which sorts by creation time (monotonic within a process). */
export function newId(): string {
  return ulid();
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: unknown): boolean {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
