import { markdownToText } from '../../src/common/markdown';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, newGroup, TestGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';
import { newReply, newThread } from '../helpers/threads';

/** Real XSS payloads (OWASP cheat sheet, PortSwigger, mXSS write-ups) and markdown-specific tricks. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)>',
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">click</maction></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type="submit"></form>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<x onclick=alert(1)>click me</x>',
  '<!--<img src=x onerror=alert(1)>-->',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](  javascript:alert(1)  )',
  '[click](javas&#99;ript:alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/x)',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '[click][ref]\n\n[ref]: <javascript:alert(1)> "title"',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '<https://example.org/?q="><script>alert(1)</script>>',
  '[a](https://example.org "x\\" onmouseover=\\"alert(1)")',
  '[a](https://example.org/" onmouseover="alert(1))',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x" onerror="alert(1)](https://example.org/a.png)',
  '![x](https://example.org/a.png" onerror="alert(1))',
  '![x](https://example.org/a.png "t\\" onerror=\\"alert(1)")',
  '[![img](javascript:alert(1))](javascript:alert(2))',
  '[<img src=x onerror=alert(1)>](https://example.org)',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><script>alert(1)</script>\ncode\n```',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
  '> <script>alert(1)</script>\n> [x](javascript:alert(1))',
  '* <iframe src=//evil.example>',
  '<a href="https://example.org" target="_blank">no opener</a>',
];

const ALLOWED_TAGS = new Set([
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
]);
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel']),
  img: new Set(['src', 'alt', 'title']),
  ol: new Set(['start']),
  th: new Set(['style']),
  td: new Set(['style']),
  code: new Set(['class']),
};

/** What a browser makes of an attribute value: entities decoded, tabs and newlines dropped (as in URL parsing). */
function browserValue(raw: string): string {
  return raw
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(
      /&(colon|tab|newline|quot|apos|lt|gt|amp);/gi,
      (_, n: string) =>
        ({
          colon: ':',
          tab: '\t',
          newline: '\n',
          quot: '"',
          apos: "'",
          lt: '<',
          gt: '>',
          amp: '&',
        })[n.toLowerCase()]!,
    )
    .replace(/[\t\n\r]/g, '')
    .trim();
}

/** Problems that would let script run or load from the HTML a payload rendered to; [] when safe. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const withoutTags = html.replace(
    /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"]*")*)\s*\/?>/g,
    (_, closing: string, tag: string, attrs: string) => {
      const name = tag.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
      for (const m of attrs.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
        const [, attr, raw] = m;
        if (!ALLOWED_ATTRS[name]?.has(attr.toLowerCase()))
          problems.push(`attribute ${attr} on <${name}>`);
        const value = browserValue(raw);
        if (attr === 'href' || attr === 'src') {
          const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
          const allowed = attr === 'src' ? ['http', 'https'] : ['http', 'https', 'mailto'];
          if (scheme && !allowed.includes(scheme)) problems.push(`${attr} with scheme ${scheme}:`);
          if (/^[\\/]{2}/.test(value)) problems.push(`protocol-relative ${attr}`);
        }
        if (attr === 'style' && !/^text-align:(left|right|center);?$/.test(value))
          problems.push(`style ${value}`);
        if (attr === 'class' && !/^language-[a-z0-9_+#-]+$/.test(value))
          problems.push(`class ${value}`);
      }
      if (name === 'a' && !closing && !/\srel="nofollow noopener ugc"/.test(attrs)) {
        problems.push('link without rel="nofollow noopener ugc"');
      }
      return '';
    },
  );
  // Whatever is not an allowed tag must be inert text: no raw "<" may remain.
  if (withoutTags.includes('<'))
    problems.push(
      `raw markup left: ${withoutTags.slice(withoutTags.indexOf('<'), withoutTags.indexOf('<') + 40)}`,
    );
  return problems;
}

describe('markdown: stored as written, served as sanitized html', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let group: TestGroup;

  beforeAll(async () => {
    t = await startApp();
    [owner, member] = await Promise.all([newUser(t), newUser(t)]);
    group = await newGroup(t, owner);
    await addMember(t, owner, group, member);
  });
  afterAll(() => t.close());

  it('the checker itself catches unsafe html', () => {
    expect(
      unsafeParts('<p>fine <a href="https://x.org" rel="nofollow noopener ugc">x</a></p>'),
    ).toEqual([]);
    expect(unsafeParts('<img src=x onerror=alert(1)>')).not.toEqual([]);
    expect(
      unsafeParts('<a href="javascript:alert(1)" rel="nofollow noopener ugc">x</a>'),
    ).not.toEqual([]);
    expect(
      unsafeParts('<a href="&#106;avascript&colon;alert(1)" rel="nofollow noopener ugc">x</a>'),
    ).not.toEqual([]);
    expect(unsafeParts('<img src="data:image/png;base64,AA" />')).not.toEqual([]);
    expect(unsafeParts('<p onclick="x">y</p>')).not.toEqual([]);
    expect(unsafeParts('<a href="https://x.org">x</a>')).not.toEqual([]);
  });

  it.each(PAYLOADS.map((p) => [p]))(
    'neutralises %j in thread bodies, keeping the source as written',
    async (payload) => {
      const th = await newThread(t, member, group, { body: payload });
      expect(th.body).toBe(payload);
      expect(unsafeParts(th.html)).toEqual([]);
      const read = await t.http().get(`/api/threads/${th.id}`).expect(200);
      expect(read.body.body).toBe(payload);
      expect(read.body.html).toBe(th.html);
    },
  );

  it('neutralises every payload in replies, comments and edits too', async () => {
    const th = await newThread(t, member, group);
    const answer = await newReply(t, member, th, { body: 'answer' });
    for (const payload of PAYLOADS) {
      const r = await newReply(t, owner, th, { body: payload, parentReplyId: answer.id });
      expect(r.body).toBe(payload);
      expect(unsafeParts(r.html)).toEqual([]);
    }
    for (const payload of PAYLOADS.slice(0, 15)) {
      const e = await t
        .http()
        .patch(`/api/replies/${answer.id}`)
        .set(member.auth)
        .send({ body: payload })
        .expect(200);
      expect(unsafeParts(e.body.html)).toEqual([]);
    }
    const hist = await t.http().get(`/api/replies/${answer.id}/revisions?limit=100`).expect(200);
    for (const v of hist.body.items) expect(unsafeParts(v.html)).toEqual([]);
  });

  it('shows raw HTML as text rather than dropping what the author wrote', async () => {
    const th = await newThread(t, member, group, { body: '<script>alert(1)</script>' });
    expect(th.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const link = await newThread(t, member, group, { body: '[click](javascript:alert(1))' });
    expect(link.html).not.toMatch(/href/);
  });

  it('renders the supported markdown', async () => {
    const body = [
      '# Title',
      '### Smaller',
      '**bold** _italic_ ~~struck~~ `code`',
      '> quoted',
      '- one\n- two',
      '3. three\n4. four',
      '[site](https://example.org "Example") and https://bare.example.org and <mailto:a@example.org>',
      '![logo](https://example.org/logo.png "Logo")',
      '```ts\nconst x = 1 < 2;\n```',
      '| left | right |\n|:-----|------:|\n| a | b |',
      '---',
      'line one  \nline two',
    ].join('\n\n');
    const { html } = await newThread(t, member, group, { body });
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<h3>Smaller</h3>');
    expect(html).toContain('<strong>bold</strong> <em>italic</em> <s>struck</s> <code>code</code>');
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain(
      '<a href="https://example.org" title="Example" rel="nofollow noopener ugc">site</a>',
    );
    expect(html).toContain(
      '<a href="https://bare.example.org" rel="nofollow noopener ugc">https://bare.example.org</a>',
    );
    expect(html).toContain(
      '<a href="mailto:a@example.org" rel="nofollow noopener ugc">mailto:a@example.org</a>',
    );
    expect(html).toContain('<img src="https://example.org/logo.png" alt="logo" title="Logo" />');
    expect(html).toContain('<pre><code class="language-ts">const x = 1 &lt; 2;\n</code></pre>');
    expect(html).toContain('<th style="text-align:left">left</th>');
    expect(html).toContain('<td style="text-align:right">b</td>');
    expect(html).toContain('<hr />');
    expect(html).toContain('line one<br />\nline two');
    expect(unsafeParts(html)).toEqual([]);
  });

  it('gives plain text for excerpts and search (markdownToText)', () => {
    expect(
      markdownToText('# Hi & <b>you</b>\n\n*Use* [the docs](https://example.org) and `a < b`'),
    ).toBe('Hi & <b>you</b> Use the docs and a < b');
    expect(markdownToText('')).toBe('');
  });
});
