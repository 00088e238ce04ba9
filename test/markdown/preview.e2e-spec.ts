import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newUser, TestUser } from '../helpers/factories';
import { startApp, TestApp } from '../helpers/test-app';

/** The editor's preview must show what saving will store: same renderer, same sanitizer. */
describe('POST /api/markdown/preview', () => {
  let t: TestApp;
  let ada: TestUser;
  beforeAll(async () => {
    t = await startApp();
    ada = await newUser(t);
  });
  afterAll(() => t.close());

  const preview = (body: unknown, auth: Record<string, string> = ada.auth) => t.http().post('/api/markdown/preview').set(auth).send(body as object);

  it('answers the html a saved thread and reply get for the same markdown, scripts stripped', async () => {
    const markdown = readFileSync(join(__dirname, '../fixtures/markdown-sample.md'), 'utf8');
    const res = await preview({ body: markdown }).expect(200);
    expect(res.body.html).toContain('<strong>bold</strong>');
    // Raw HTML stays text; dangerous links stay text.
    expect(res.body.html).toContain('&lt;script&gt;');
    expect(res.body.html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:/);

    const group = (
      await t.http().post('/api/groups').set(ada.auth).send({ name: 'Preview Group', description: '', visibility: 'public', joinPolicy: 'open' }).expect(201)
    ).body;
    const thread = (
      await t.http().post(`/api/groups/${group.id}/threads`).set(ada.auth).send({ kind: 'discussion', title: 'Formatting', body: markdown }).expect(201)
    ).body;
    expect(thread.html).toBe(res.body.html);
    const reply = (await t.http().post(`/api/threads/${thread.id}/replies`).set(ada.auth).send({ body: markdown }).expect(201)).body;
    expect(reply.html).toBe(res.body.html);
  });

  it('renders empty markdown as an empty string', async () => {
    expect((await preview({ body: '' }).expect(200)).body).toEqual({ html: '' });
  });

  it('is for signed-in users only', async () => {
    await preview({ body: 'hi' }, {}).expect(401);
  });

  it('refuses a missing, non-text, too long or unknown field with a 400 naming it', async () => {
    expect((await preview({}).expect(400)).body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^body must be a string/)]));
    expect((await preview({ body: 42 }).expect(400)).body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^body must be a string/)]));
    expect((await preview({ body: 'x'.repeat(20_001) }).expect(400)).body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^body must be shorter/)]));
    expect((await preview({ body: 'x', html: '<b>' }).expect(400)).body.message).toEqual(['property html is not allowed']);
  });
});
