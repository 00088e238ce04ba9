/** A handle base from a display name: ASCII letters and digits, `_` between words, 3-24 long. */
export function handleBase(displayName: string): string {
  const ascii = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 24)
    .replace(/_+$/g, '');
  return ascii.length >= 3 ? ascii : (ascii + '_user').replace(/^_/, '').slice(0, 24);
}

/** The first free handle: base, base2, base3, ... (taken: the handles already in use starting with base). */
export function firstFreeHandle(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
