// @ts-check
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { after, before, describe, it } = require('node:test');
const { missing, networkProxy, newGroup, newUser, openSuite, screenshot, signedInPage } = require('./harness');

const THREAD_ROUTES = ['POST /api/groups', 'POST /api/groups/{groupId}/join', 'POST /api/groups/{groupId}/threads', 'GET /api/groups/{groupId}/threads', 'GET /api/threads/{threadId}', 'POST /api/threads/{threadId}/replies'];

describe('questions, answers and live updates in the browser', () => {
  /** @type {import('./harness').Server} */ let server;
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {ReturnType<typeof import('./harness').apiClient>} */ let call;
  /** @type {Awaited<ReturnType<typeof openSuite>> | undefined} */ let suite;
  before(async () => ({ server, browser, call } = suite = await openSuite()));
  after(() => suite?.close());


  it('markdown preview matches the saved rendering', async (t) => {
    const skip = missing(server, [...THREAD_ROUTES, 'POST /api/markdown/preview']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Marked Down');
    const group = await newGroup(server, owner, { name: 'Markdown Lovers' });
    const { page, context } = await signedInPage(browser, server, owner);
    await page.goto(`/groups/${group.id}/new?kind=discussion`);
    const body = readFileSync(join(__dirname, '../fixtures/markdown-sample.md'), 'utf8');
    await page.getByLabel('Title').fill('Formatting test');
    await page.getByLabel('Text').fill(body);
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.locator('[role=tabpanel] .markdown');
    await preview.waitFor();
    const previewHtml = await preview.innerHTML();
    assert.match(previewHtml, /<strong>bold<\/strong>/);
    assert.doesNotMatch(previewHtml, /<script/);
    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('heading', { name: 'Formatting test' }).waitFor();
    assert.equal(await page.locator('.thread-text').innerHTML(), previewHtml);
    await context.close();
  });

  it('asks a question with suggested tags; another member answers, comments and votes; the author accepts and edits with history', async (t) => {
    const skip = missing(server, [...THREAD_ROUTES, 'PUT /api/replies/{replyId}/vote', 'POST /api/threads/{threadId}/accept', 'GET /api/threads/{threadId}/revisions']);
    if (skip) return t.skip(skip);
    const asker = await newUser(server, 'Asking Anna');
    const expert = await newUser(server, 'Expert Eva');
    const group = await newGroup(server, asker, { name: 'VAT Questions' }, [expert]);
    await call('POST', `/api/groups/${group.id}/threads`, { token: expert.token, body: { kind: 'discussion', title: 'Reverse charge basics', body: 'How it works.', tags: ['vat', 'reverse-charge'] } });

    const a = await signedInPage(browser, server, asker);
    await a.page.goto(`/groups/${group.id}`);
    await a.page.getByRole('link', { name: 'Ask a question' }).click();
    await a.page.getByRole('button', { name: 'Post question' }).click();
    await a.page.locator('.field', { has: a.page.getByLabel('Title') }).locator('.field-error').waitFor();
    await a.page.getByLabel('Title').fill('Is VAT due on a cross-border webinar?');
    await a.page.getByLabel('Text').fill('I sell a live webinar to a business customer in Belgium. Who pays the VAT?');
    // The group's existing tags are offered.
    await a.page.getByRole('button', { name: '+ vat', exact: true }).click();
    await a.page.getByLabel('Tags', { exact: true }).fill('cross border');
    await a.page.getByLabel('Tags', { exact: true }).press('Enter');
    await a.page.getByRole('button', { name: 'Post question' }).click();
    await a.page.getByRole('heading', { name: 'Is VAT due on a cross-border webinar?' }).waitFor();
    assert.match(await a.page.locator('.thread-head').innerText(), /vat[\s\S]*cross-border/);
    const threadUrl = a.page.url();

    const e = await signedInPage(browser, server, expert);
    await e.page.goto(threadUrl);
    await e.page.getByText('No answers yet').waitFor();
    const typed = 'The customer accounts for it: **reverse charge** applies.';
    await e.page.getByLabel('Text').fill(typed);
    // Optimistic reply: shown at once as "sending", taken back with the text restored when refused.
    let release = () => {};
    const held = new Promise((r) => (release = () => r(undefined)));
    await e.page.route('**/api/threads/*/replies', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await held;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'try later' }) });
    });
    await e.page.getByRole('button', { name: 'Post answer' }).click();
    await e.page.locator('li.reply.pending', { hasText: 'reverse charge' }).getByText('sending…').waitFor();
    release();
    await e.page.locator('.reply-form').getByRole('alert').waitFor();
    assert.equal(await e.page.locator('li.reply').count(), 0);
    assert.equal(await e.page.getByLabel('Text').inputValue(), typed);
    await e.page.unroute('**/api/threads/*/replies');
    await e.page.getByRole('button', { name: 'Post answer' }).click();
    const answer = e.page.locator('li.reply', { hasText: 'reverse charge applies' });
    await answer.waitFor();
    await e.page.getByRole('heading', { name: '1 answer' }).waitFor();

    // Optimistic vote, rolled back when the server refuses it.
    const vote = e.page.locator('.thread-head').getByRole('button', { name: 'Vote up' });
    await e.page.route('**/api/threads/*/vote', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'try later' }) }));
    await vote.click();
    await e.page.locator('.thread-head').getByRole('alert').waitFor();
    assert.equal(await e.page.locator('.thread-head .vote-score').innerText(), '0');
    assert.equal(await vote.getAttribute('aria-pressed'), 'false');
    await e.page.unroute('**/api/threads/*/vote');
    await vote.click();
    await e.page.locator('.thread-head .vote-score').filter({ hasText: '1' }).waitFor();
    await e.page.reload();
    assert.equal(await e.page.locator('.thread-head .vote-score').innerText(), '1');
    assert.equal(await e.page.locator('.thread-head').getByRole('button', { name: 'Vote up' }).getAttribute('aria-pressed'), 'true');

    // The asker sees the answer (live, or on reload), comments, votes it up and accepts it.
    if (!server.realtime) await a.page.reload();
    const aAnswer = a.page.locator('li.reply', { hasText: 'reverse charge applies' });
    await aAnswer.waitFor({ timeout: 15_000 });
    await aAnswer.getByRole('button', { name: 'Vote up' }).click();
    await aAnswer.locator('.vote-score').filter({ hasText: '1' }).waitFor();
    await aAnswer.getByRole('button', { name: 'Comment' }).click();
    await aAnswer.getByLabel('Your comment').fill('Thanks, also for services?');
    await aAnswer.getByRole('button', { name: 'Post comment' }).click();
    await aAnswer.locator('li.comment', { hasText: 'also for services?' }).waitFor();
    await aAnswer.getByRole('button', { name: 'Accept answer' }).click();
    await a.page.locator('li.reply.accepted').getByText('Accepted answer').waitFor();
    await a.page.locator('.thread-head').getByText('Answered').waitFor();

    await a.page.locator('.thread-head').getByRole('button', { name: 'Edit' }).click();
    await a.page.getByLabel('Title').fill('Is VAT due on a cross-border B2B webinar?');
    await a.page.getByRole('button', { name: 'Save' }).click();
    await a.page.getByRole('heading', { name: 'Is VAT due on a cross-border B2B webinar?' }).waitFor();
    await a.page.locator('.thread-head').getByRole('button', { name: /edited/ }).click();
    const history = a.page.locator('.history');
    await history.getByText('Is VAT due on a cross-border webinar?').waitFor();
    await screenshot(a.page, 'thread');
    await a.context.close();
    await e.context.close();
  });

  it('a question asked in one browser appears in another member’s browser without reloading', async (t) => {
    const skip = missing(server, THREAD_ROUTES, { realtime: true });
    if (skip) return t.skip(skip);
    const asker = await newUser(server, 'Live Lotte');
    const watcher = await newUser(server, 'Watching Wim');
    const group = await newGroup(server, asker, { name: 'Live Group' }, [watcher]);

    const w = await signedInPage(browser, server, watcher);
    await w.page.goto(`/groups/${group.id}`);
    await w.page.getByText('No threads yet').waitFor();
    await w.page.getByText('Live', { exact: true }).waitFor();

    const a = await signedInPage(browser, server, asker);
    await a.page.goto(`/groups/${group.id}/new?kind=question`);
    await a.page.getByLabel('Title').fill('Who knows the new pension rules?');
    await a.page.getByLabel('Text').fill('The 2026 changes confuse me.');
    await a.page.getByRole('button', { name: 'Post question' }).click();
    await a.page.getByRole('heading', { name: 'Who knows the new pension rules?' }).waitFor();

    const banner = w.page.locator('.new-banner');
    await banner.getByText('Who knows the new pension rules?').waitFor({ timeout: 15_000 });
    await banner.getByRole('button', { name: 'Show' }).click();
    await w.page.getByRole('link', { name: 'Who knows the new pension rules?' }).waitFor();

    // Replies arrive live on the thread page too.
    await w.page.getByRole('link', { name: 'Who knows the new pension rules?' }).click();
    await w.page.getByText('No answers yet').waitFor();
    await a.page.getByLabel('Text').fill('Adding context: I am self-employed.');
    await a.page.getByRole('button', { name: 'Post answer' }).click();
    await w.page.locator('li.reply', { hasText: 'I am self-employed' }).waitFor({ timeout: 15_000 });
    await w.context.close();
    await a.context.close();
  });

  it('loses no update across a network cut: the indicator says so, and what was missed arrives on reconnect', async (t) => {
    const skip = missing(server, THREAD_ROUTES, { realtime: true });
    if (skip) return t.skip(skip);
    const commuter = await newUser(server, 'Tunnel Tessa');
    const helper = await newUser(server, 'Helper Hugo');
    const group = await newGroup(server, commuter, { name: 'Commuters' }, [helper]);
    const proxy = await networkProxy(server);
    try {
      const c = await signedInPage(browser, server, commuter, undefined, proxy.url);
      await c.page.goto(`/groups/${group.id}`);
      await c.page.getByText('Live', { exact: true }).waitFor();

      // No event has reached this tab yet, so there is no id to resume from: after the cut
      // the page reloads its data instead, and the question is in the list.
      proxy.cut();
      await c.page.getByText('Reconnecting…').waitFor();
      await call('POST', `/api/groups/${group.id}/threads`, { token: helper.token, body: { kind: 'discussion', title: 'Delays this week', body: 'Works on the line.' } });
      proxy.restore();
      await c.page.getByRole('link', { name: 'Delays this week' }).waitFor({ timeout: 20_000 });

      const firstQuestion = { kind: 'question', title: 'Is the 8:04 train on time?', body: 'Asking for a friend.' };
      await call('POST', `/api/groups/${group.id}/threads`, { token: helper.token, body: firstQuestion });
      await c.page.locator('.new-banner').getByText('Is the 8:04 train on time?').waitFor({ timeout: 15_000 });

      // A question asked while this browser is cut off reaches it when the network returns
      // (the server replays everything after the last event id the tab saw).
      proxy.cut();
      await c.page.getByText('Reconnecting…').waitFor();
      const thread = await call('POST', `/api/groups/${group.id}/threads`, { token: helper.token, body: { kind: 'question', title: 'Which train app is best?', body: 'For the Utrecht-Amsterdam line.' } });
      proxy.restore();
      await c.page.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
      await c.page.locator('.new-banner').getByText('Which train app is best?').waitFor({ timeout: 15_000 });

      // Replies posted during a cut show on the open thread page after it.
      await c.page.goto(`/threads/${thread.id}`);
      await c.page.getByText('Live', { exact: true }).waitFor();
      await call('POST', `/api/threads/${thread.id}/replies`, { token: helper.token, body: { body: 'Before the tunnel: try the NS app.' } });
      await c.page.locator('li.reply', { hasText: 'Before the tunnel' }).waitFor();
      proxy.cut();
      await c.page.getByText('Reconnecting…').waitFor();
      await call('POST', `/api/threads/${thread.id}/replies`, { token: helper.token, body: { body: 'In the tunnel: 9292 is good too.' } });
      await call('POST', `/api/threads/${thread.id}/replies`, { token: helper.token, body: { body: 'Still in the tunnel: and check the OV-chipkaart.' } });
      proxy.restore();
      await c.page.getByText('Live', { exact: true }).waitFor({ timeout: 20_000 });
      await c.page.locator('li.reply', { hasText: 'Still in the tunnel' }).waitFor({ timeout: 15_000 });
      const texts = await c.page.locator('li.reply .markdown').allInnerTexts();
      assert.deepEqual(texts, ['Before the tunnel: try the NS app.', 'In the tunnel: 9292 is good too.', 'Still in the tunnel: and check the OV-chipkaart.']);
      await c.page.getByRole('heading', { name: '3 answers' }).waitFor();
      await c.context.close();
    } finally {
      await proxy.close();
    }
  });

  it('an answer to my question shows in the header at once and in my notifications', async (t) => {
    const skip = missing(server, [...THREAD_ROUTES, 'GET /api/me/notifications', 'POST /api/me/notifications/read'], { realtime: true });
    if (skip) return t.skip(skip);
    const asker = await newUser(server, 'Curious Cas');
    const helper = await newUser(server, 'Knowing Kim');
    const group = await newGroup(server, asker, { name: 'Notified Group' }, [helper]);
    const thread = await call('POST', `/api/groups/${group.id}/threads`, { token: asker.token, body: { kind: 'question', title: 'Where do I file form B?', body: 'Thanks!' } });
    const a = await signedInPage(browser, server, asker);
    await a.page.goto('/feed');
    await a.page.getByText('Live', { exact: true }).waitFor();
    await call('POST', `/api/threads/${thread.id}/replies`, { token: helper.token, body: { body: 'At the tax office, online.' } });
    await a.page.getByRole('link', { name: 'Notifications 1 unread' }).waitFor({ timeout: 15_000 });
    await a.page.getByRole('link', { name: 'Notifications 1 unread' }).click();
    const item = a.page.locator('li.notification', { hasText: 'Where do I file form B?' });
    await item.getByText('Knowing Kim').waitFor();
    await item.getByRole('link', { name: 'Where do I file form B?' }).click();
    await a.page.getByRole('heading', { name: 'Where do I file form B?' }).waitFor();
    await a.page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await a.context.close();
  });

  it('a moderator locks and pins a thread, and resolves a report about a reply', async (t) => {
    const skip = missing(server, [...THREAD_ROUTES, 'POST /api/threads/{threadId}/lock', 'POST /api/reports', 'POST /api/reports/{reportId}/resolve']);
    if (skip) return t.skip(skip);
    const mod = await newUser(server, 'Mod Marten');
    const member = await newUser(server, 'Rude Rudy');
    const reporter = await newUser(server, 'Careful Carla');
    const group = await newGroup(server, mod, { name: 'Moderated Place' }, [member, reporter]);
    const thread = await call('POST', `/api/groups/${group.id}/threads`, { token: reporter.token, body: { kind: 'question', title: 'A calm question', body: 'Please help.' } });
    const spamReply = await call('POST', `/api/threads/${thread.id}/replies`, { token: member.token, body: { body: 'Buy cheap watches at spam.example' } });

    const r = await signedInPage(browser, server, reporter);
    await r.page.goto(`/threads/${thread.id}`);
    const spam = r.page.locator('li.reply', { hasText: 'cheap watches' });
    await spam.getByRole('button', { name: 'Report' }).click();
    await spam.getByLabel('Reason').fill('advertising');
    await spam.getByRole('button', { name: 'Send report' }).click();
    await spam.getByText('Reported. Thank you.').waitFor();

    const m = await signedInPage(browser, server, mod);
    await m.page.goto(`/groups/${group.id}/moderation?tab=reports`);
    const report = m.page.locator('li.report', { hasText: 'advertising' });
    // The moderator sees what was reported, with a link to it in its thread.
    await report.locator('blockquote', { hasText: 'Buy cheap watches at spam.example' }).waitFor();
    assert.equal(await report.getByRole('link', { name: 'View the reported post' }).getAttribute('href'), `/threads/${thread.id}#reply-${spamReply.id}`);
    await report.getByRole('button', { name: 'Remove content' }).click();
    await m.page.getByText('No open reports. All quiet.').waitFor();

    await m.page.goto(`/threads/${thread.id}`);
    await m.page.getByText('This reply was removed by a moderator.').waitFor();
    await m.page.getByRole('button', { name: 'Pin' }).click();
    await m.page.locator('.thread-head').getByText('Pinned').waitFor();
    await m.page.getByRole('button', { name: 'Lock' }).click();
    await m.page.getByText('This thread is locked: no new replies.').waitFor();

    // The reporter's page follows (live, or on reload): no answer box any more.
    if (!server.realtime) await r.page.reload();
    await r.page.getByText('This thread is locked: no new replies.').waitFor({ timeout: 15_000 });
    assert.equal(await r.page.getByRole('button', { name: 'Post answer' }).count(), 0);
    await r.context.close();
    await m.context.close();
  });
});
