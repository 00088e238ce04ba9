import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** New primary key: a ULID, which sorts by creation time (monotonic within a process). */
export function newId(): string {
  return ulid();
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isId(value: unknown): boolean {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
