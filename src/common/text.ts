/**
 * Lower-case ASCII letters and digits of `text` (accents dropped), other runs turned into
 * `sep`, at most `max` long, with no `sep` at either end. Used for handles and slugs.
 */
export function asciiWords(text: string, sep: '_' | '-', max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^${sep}+|${sep}+$`, 'g'), '')
    .slice(0, max)
    .replace(new RegExp(`${sep}+$`), '');
}

/** `base` when it is not taken, else the first `candidate(n)` for n = 2, 3, … that is free. */
export function firstFree(base: string, taken: Set<string>, candidate: (n: number) => string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(candidate(n))) return candidate(n);
  }
}
