import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, Matches } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

export const TAG_PATTERN = /^[a-z0-9-]{1,30}$/;

/** Trims, lower-cases, turns inner spaces into dashes and removes duplicates (keeping order). */
export function normalizeTags(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const v of value) {
    if (typeof v !== 'string') {
      out.push(v);
      continue;
    }
    const t = v.trim().toLowerCase().replace(/\s+/g, '-');
    if (!seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/** A list of at most `max` tags, each 1-30 of [a-z0-9-] after normalisation. */
export function IsTagList(max: number) {
  return applyDecorators(
    Transform(({ value }) => normalizeTags(value)),
    IsArray(),
    ArrayMaxSize(max),
    Matches(TAG_PATTERN, { each: true, message: '$property must contain tags of 1-30 characters a-z, 0-9 or -' }),
  );
}
