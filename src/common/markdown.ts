import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown for user content (threads, replies, and whatever else reuses it): CommonMark plus
 * tables, strikethrough and bare-URL autolinks. Raw HTML in the source is never passed
 * through (markdown-it with `html: false` prints it as text), and the HTML it produces goes
 * through an allow-list sanitizer anyway, so a bug or a future option in the renderer cannot
 * smuggle markup out. Rendering is synchronous and CPU-bound: do it before entering a unit
 * of work.
 */
const renderer = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: false,
});

export const LINK_REL = 'nofollow noopener ugc';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  // Fenced code blocks keep their language (```ts) for client-side highlighting.
  allowedClasses: { code: [/^language-[a-z0-9_+#-]{1,30}$/] },
  // Table column alignment is the only style markdown produces.
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images load in every reader's browser: only from the web, never data: or other schemes.
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: LINK_REL } }),
  },
};

/** Sanitized HTML for a markdown text, safe to insert into a page as is. */
export function renderMarkdown(markdown: string): string {
  if (!markdown) return '';
  return sanitizeHtml(renderer.render(markdown), SANITIZE).trim();
}

/** The text of a markdown document without markup (excerpts, search, notifications). */
export function markdownToText(markdown: string): string {
  if (!markdown) return '';
  const html = renderer.render(markdown);
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
