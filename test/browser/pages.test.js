// @ts-check
const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');
const { missing, newUser, openSuite, screenshot, seriousA11yViolations, signedInPage } = require('./harness');

/**
 * The main pages, filled with some content: axe-core finds no serious or critical problems,
 * on a desktop and a phone screen; screenshots of each go to test-results/browser/screenshots.
 */
describe('main pages: accessibility and screenshots', () => {
  /** @type {import('./harness').Server} */ let server;
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {ReturnType<typeof import('./harness').apiClient>} */ let call;
  /** @type {Awaited<ReturnType<typeof openSuite>> | undefined} */ let suite;
  before(async () => ({ server, browser, call } = suite = await openSuite()));
  after(() => suite?.close());

  it('has no serious or critical axe violations on the directory, group, thread, feed, compose and moderation pages', async (t) => {
    const skip = missing(server, ['POST /api/groups', 'POST /api/groups/{groupId}/threads', 'GET /api/me/feed', 'GET /api/groups/{groupId}/audit-log']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Sanne de Vries');
    const member = await newUser(server, 'Pieter Bakker');
    await call('PATCH', '/api/me', { token: owner.token, body: { headline: 'Tax advisor, Utrecht', expertise: ['vat', 'payroll'] } });
    const group = await call('POST', '/api/groups', {
      token: owner.token,
      body: { name: 'Dutch Tax Advisors', description: 'Questions about Dutch tax law, answered by people who practise it.', rules: '1. Be kind.\n2. No advertising.', visibility: 'public', joinPolicy: 'open' },
    });
    await call('POST', '/api/groups', { token: member.token, body: { name: 'Payroll Professionals', description: 'Salaries, contracts and the tax office.', visibility: 'public', joinPolicy: 'approval' } });
    await call('POST', '/api/groups', { token: owner.token, body: { name: 'Bookkeeping Circle', description: 'Invite-only peer group for bookkeepers.', visibility: 'public', joinPolicy: 'invite' } });
    await call('POST', `/api/groups/${group.id}/join`, { token: member.token, body: { acceptRulesVersion: group.rulesVersion } });
    const q = await call('POST', `/api/groups/${group.id}/threads`, {
      token: member.token,
      body: { kind: 'question', title: 'Is VAT due on a cross-border webinar?', body: 'I sell a **live webinar** to a business customer in Belgium. Who pays the VAT?', tags: ['vat', 'cross-border'] },
    });
    await call('POST', `/api/groups/${group.id}/threads`, { token: owner.token, body: { kind: 'announcement', title: 'Meetup in Utrecht on 12 March', body: 'Join us!', tags: ['meetup'] } });
    await call('POST', `/api/groups/${group.id}/threads`, { token: owner.token, body: { kind: 'discussion', title: 'Your favourite bookkeeping software?', body: 'Share tips.', tags: ['software'] } });
    const reply = await call('POST', `/api/threads/${q.id}/replies`, { token: owner.token, body: { body: 'The customer accounts for it: **reverse charge** (art. 12 Wet OB).' } });
    await call('PUT', `/api/replies/${reply.id}/vote`, { token: member.token, body: { value: 1 } });

    const pages = [
      { who: owner, path: '/groups', name: 'group-directory' },
      { who: owner, path: `/groups/${group.id}`, name: 'group' },
      { who: owner, path: `/groups/${group.id}/about`, name: 'group-about' },
      { who: owner, path: `/groups/${group.id}/members`, name: 'group-members' },
      { who: member, path: `/threads/${q.id}`, name: 'thread-page' },
      { who: member, path: '/feed', name: 'feed' },
      { who: member, path: `/groups/${group.id}/new?kind=question`, name: 'ask' },
      { who: owner, path: `/groups/${group.id}/moderation?tab=members`, name: 'moderation' },
      { who: owner, path: `/groups/${group.id}/moderation?tab=audit`, name: 'audit-log' },
      { who: owner, path: `/groups/${group.id}/edit`, name: 'group-edit' },
      { who: owner, path: `/users/${owner.id}`, name: 'user' },
    ];
    const problems = [];
    for (const viewport of [
      { width: 1280, height: 860, suffix: '' },
      { width: 390, height: 844, suffix: '-phone' },
    ]) {
      for (const who of [owner, member]) {
        const { page, context, errors } = await signedInPage(browser, server, who, viewport);
        for (const p of pages.filter((x) => x.who === who)) {
          await page.goto(p.path);
          await page.locator('h1').first().waitFor();
          await page.locator('.state-loading').first().waitFor({ state: 'detached' }).catch(() => {});
          for (const v of await seriousA11yViolations(page)) problems.push(`${p.path}${viewport.suffix}: ${v}`);
          await screenshot(page, `${p.name}${viewport.suffix}`);
        }
        assert.deepEqual(errors, [], `console errors for ${who.displayName}`);
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });

  it('keeps working on a phone screen: the navigation and a thread fit without sideways scrolling', async (t) => {
    const skip = missing(server, ['POST /api/groups']);
    if (skip) return t.skip(skip);
    const user = await newUser(server, 'Phone Fien');
    const { page, context } = await signedInPage(browser, server, user, { width: 360, height: 740 });
    await page.goto('/groups');
    await page.locator('h1').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await context.close();
  });
});
