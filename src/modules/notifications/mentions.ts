/** Most @mentions one post may notify (a wall of handles notifies nobody past this). */
export const MAX_MENTIONS_PER_POST = 20;

/**
 * The handles a markdown body mentions (`@ada_lovelace`), lower-cased, each once, in order.
 * Code spans and fenced blocks do not mention anyone; neither does an e-mail address.
 */
export function mentionedHandles(markdown: string): string[] {
  const prose = markdown.replace(/(`{3,}|~{3,})[\s\S]*?(\1|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const found = new Set<string>();
  for (const m of prose.matchAll(/(?<![\w@./+-])@([A-Za-z0-9_]{3,30})(?![\w@])/g)) {
    found.add(m[1].toLowerCase());
    if (found.size >= MAX_MENTIONS_PER_POST) break;
  }
  return [...found];
}

/** The first words of a markdown body, for an inbox line. */
export function excerptOf(markdown: string, max = 160): string {
  const text = markdown
    .replace(/(`{3,}|~{3,})[\s\S]*?(\1|$)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
