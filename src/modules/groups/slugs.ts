import { isId } from '../../common/ids';
import { asciiWords, firstFree } from '../../common/text';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
/** What `:groupId` accepts: an id or a slug (in any case). */
export const GROUP_REF_PATTERN = new RegExp(`^(?:[0-9A-HJKMNP-TV-Z]{26}|${SLUG_PATTERN.source.slice(1, -1)})$`, 'i');
const BASE_MAX = 50;

/** `Rust in Production!` -> `rust-in-production`; accents dropped; never empty, never id-shaped. */
export function slugBase(name: string): string {
  const base = asciiWords(name, '-', BASE_MAX) || 'group';
  // An all-digit 26-character slug would read as an id in /api/groups/:groupId.
  return isId(base) ? `${base.slice(0, BASE_MAX - 6)}-group` : base;
}

/** The base itself when free, else base-2, base-3, … */
export function freeSlug(base: string, taken: Set<string>): string {
  return firstFree(base, taken, (n) => `${base}-${n}`);
}
