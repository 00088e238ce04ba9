import { asciiWords, firstFree } from '../../common/text';

/** A handle base from a display name: ASCII letters and digits, `_` between words, 3-24 long. */
export function handleBase(displayName: string): string {
  const ascii = asciiWords(displayName, '_', 24);
  return ascii.length >= 3 ? ascii : (ascii + '_user').replace(/^_/, '').slice(0, 24);
}

/** The first free handle: base, base2, base3, ... (taken: the handles already in use starting with base). */
export function firstFreeHandle(base: string, taken: Set<string>): string {
  return firstFree(base, taken, (i) => `${base}${i}`);
}
