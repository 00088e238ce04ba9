// @ts-check
const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');
const { missing, newGroup, newUser, openSuite, screenshot, signedInPage } = require('./harness');

const GROUP_ROUTES = ['POST /api/groups', 'GET /api/groups', 'POST /api/groups/{groupId}/join', 'GET /api/groups/{groupId}/members'];

describe('groups, joining and moderation in the browser', () => {
  /** @type {import('./harness').Server} */ let server;
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {ReturnType<typeof import('./harness').apiClient>} */ let call;
  /** @type {Awaited<ReturnType<typeof openSuite>> | undefined} */ let suite;
  before(async () => ({ server, browser, call } = suite = await openSuite()));
  after(() => suite?.close());


  it('creates a group, finds it in the directory, joins it accepting its rules, and re-accepts changed rules', async (t) => {
    const skip = missing(server, [...GROUP_ROUTES, 'PATCH /api/groups/{groupId}', 'POST /api/groups/{groupId}/rules/accept']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Owner Olga');
    const member = await newUser(server, 'Member Max');
    const o = await signedInPage(browser, server, owner);
    await o.page.goto('/groups');
    await o.page.getByRole('link', { name: 'Create a group' }).click();
    await o.page.getByRole('button', { name: 'Create a group' }).click();
    // The API's 400 about the name is shown under the name field.
    await o.page.locator('.field', { has: o.page.getByLabel('Name', { exact: true }) }).locator('.field-error').waitFor();
    await o.page.getByLabel('Name', { exact: true }).fill('Dutch Tax Advisors');
    await o.page.getByLabel('Description').fill('Questions about Dutch tax law, from people who practise it.');
    await o.page.getByLabel('Rules').fill('1. Be kind.\n2. **No** advertising.');
    await o.page.getByRole('button', { name: 'Create a group' }).click();
    await o.page.getByRole('heading', { name: 'Dutch Tax Advisors' }).waitFor();
    await o.page.getByText('Your role in this group: Owner.').waitFor();

    const m = await signedInPage(browser, server, member);
    await m.page.goto('/groups');
    await m.page.getByRole('searchbox', { name: 'Search groups' }).fill('tax law');
    await m.page.getByRole('link', { name: 'Dutch Tax Advisors' }).click();
    const join = m.page.getByRole('button', { name: 'Join group' });
    assert.equal(await join.isDisabled(), true, 'joining waits for the rules to be accepted');
    assert.match(await m.page.locator('.rules-consent').innerText(), /No advertising/);
    await m.page.getByLabel('I accept the group rules (version 1)').check();
    await join.click();
    await m.page.getByText('You joined the group.').waitFor();
    // Which new posts reach the member live: questions by default, kept when changed.
    const level = m.page.getByLabel('New posts:');
    assert.equal(await level.inputValue(), 'questions');
    await Promise.all([m.page.waitForResponse((r) => r.url().endsWith('/subscription') && r.request().method() === 'PUT'), level.selectOption('all')]);
    await m.page.reload();
    await m.page.getByLabel('New posts:').and(m.page.locator('select')).waitFor();
    assert.equal(await m.page.getByLabel('New posts:').inputValue(), 'all');

    // The owner changes the rules; the member is asked to accept the new version.
    await o.page.getByRole('link', { name: 'Edit group' }).click();
    await o.page.getByLabel('Rules').fill('1. Be kind.\n2. No advertising.\n3. Cite your sources.');
    await o.page.getByText('Changing the rules asks every member').waitFor();
    await o.page.getByRole('button', { name: 'Save' }).click();
    await o.page.getByRole('heading', { name: 'Dutch Tax Advisors' }).waitFor();

    await m.page.reload();
    await m.page.getByText('The group rules changed (version 2)').waitFor();
    await m.page.getByRole('button', { name: 'Accept rules version 2' }).click();
    await m.page.getByText('you accepted the current rules').waitFor();
    await m.page.getByText('The group rules changed').waitFor({ state: 'detached' });
    await o.context.close();
    await m.context.close();
  });

  it('an approval join goes from pending to active when a moderator approves it', async (t) => {
    const skip = missing(server, [...GROUP_ROUTES, 'POST /api/groups/{groupId}/members/{userId}/approve']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Moderator Mia');
    const applicant = await newUser(server, 'Applicant Adam');
    const group = await newGroup(server, owner, { name: 'Notaries Guild', joinPolicy: 'approval' });

    const a = await signedInPage(browser, server, applicant);
    await a.page.goto(`/groups/${group.id}`);
    await a.page.getByRole('button', { name: 'Request to join' }).click();
    await a.page.getByText('waiting for a moderator’s approval').waitFor();

    const o = await signedInPage(browser, server, owner);
    await o.page.goto(`/groups/${group.id}`);
    await o.page.getByRole('link', { name: 'Moderation' }).click();
    await o.page.getByRole('tab', { name: 'Applicants' }).waitFor();
    const row = o.page.locator('li.member', { hasText: 'Applicant Adam' });
    await row.getByRole('button', { name: 'Approve' }).click();
    await o.page.getByRole('status').filter({ hasText: 'Applicant Adam: approved.' }).waitFor();
    await o.page.getByText('No one is waiting for approval.').waitFor();
    await screenshot(o.page, 'moderation-console');

    // With live updates the applicant's page turns active by itself; without, after a reload.
    if (!server.realtime) await a.page.reload();
    await a.page.getByText('Your role in this group: Member.').waitFor({ timeout: 15_000 });
    await a.page.getByRole('link', { name: 'Ask a question' }).waitFor();
    await a.context.close();
    await o.context.close();
  });

  it('an invitation by @handle lets the invitee into an invitation-only group', async (t) => {
    const skip = missing(server, [...GROUP_ROUTES, 'POST /api/groups/{groupId}/invites']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Inviting Ingrid');
    const invitee = await newUser(server, 'Invited Ivo');
    const group = await newGroup(server, owner, { name: 'Invite Only Circle', joinPolicy: 'invite' });

    const i = await signedInPage(browser, server, invitee);
    await i.page.goto(`/groups/${group.id}`);
    await i.page.getByText('This group is by invitation only.').waitFor();

    const o = await signedInPage(browser, server, owner);
    await o.page.goto(`/groups/${group.id}/moderation?tab=invites`);
    await o.page.getByLabel('Invite by @handle').fill('@nobody_here_at_all');
    await o.page.getByRole('button', { name: 'Send invitation' }).click();
    await o.page.getByText('There is no user @nobody_here_at_all.').waitFor();
    await o.page.getByLabel('Invite by @handle').fill(`@${invitee.handle}`);
    await o.page.getByRole('button', { name: 'Send invitation' }).click();
    await o.page.getByText('Invited Ivo is invited.').waitFor();
    await o.page.locator('li.member', { hasText: 'Invited Ivo' }).waitFor();

    await i.page.reload();
    await i.page.getByText('You have been invited to this group.').waitFor();
    await i.page.getByRole('button', { name: 'Accept invitation' }).click();
    await i.page.getByText('You joined the group.').waitFor();
    await i.context.close();
    await o.context.close();
  });

  it('a moderator bans a member and the member’s open page loses access at once', async (t) => {
    const skip = missing(server, [...GROUP_ROUTES, 'POST /api/groups/{groupId}/members/{userId}/ban', 'GET /api/groups/{groupId}/threads'], { realtime: true });
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Strict Sara');
    const member = await newUser(server, 'Trouble Tom');
    const group = await newGroup(server, owner, { name: 'Bookkeepers' }, [member]);
    await call('POST', `/api/groups/${group.id}/threads`, { token: owner.token, body: { kind: 'discussion', title: 'Welcome to the bookkeepers', body: 'Introduce yourself!' } });

    const m = await signedInPage(browser, server, member);
    await m.page.goto(`/groups/${group.id}`);
    await m.page.getByRole('link', { name: 'Welcome to the bookkeepers' }).waitFor();
    await m.page.getByText('Live', { exact: true }).waitFor();

    const o = await signedInPage(browser, server, owner);
    await o.page.goto(`/groups/${group.id}/moderation?tab=members`);
    const row = o.page.locator('li.member', { hasText: 'Trouble Tom' });
    await row.getByRole('button', { name: 'Ban' }).click();
    await row.getByLabel('Why are you banning Trouble Tom?').fill('spamming the group');
    await row.getByRole('button', { name: 'Ban member' }).click();
    await o.page.getByText('Trouble Tom: banned.').waitFor();

    // No reload on the member's side: the ban arrives live and the content is gone.
    await m.page.getByRole('alert').filter({ hasText: 'you are banned from this group: spamming the group' }).waitFor({ timeout: 15_000 });
    await m.page.getByRole('heading', { name: 'No access' }).waitFor();
    assert.equal(await m.page.getByRole('link', { name: 'Welcome to the bookkeepers' }).count(), 0);
    await m.page.goto(`/groups/${group.id}`);
    await m.page.getByRole('alert').filter({ hasText: 'you are banned from this group: spamming the group' }).waitFor();

    // The moderator lifts the ban from the Banned tab; the audit log shows both actions.
    await o.page.getByRole('tab', { name: 'Banned' }).click();
    await o.page.locator('li.member', { hasText: 'Trouble Tom' }).getByRole('button', { name: 'Lift ban' }).click();
    await o.page.getByText('Trouble Tom: ban lifted.').waitFor();
    await o.page.getByRole('tab', { name: 'Audit log' }).click();
    const log = await o.page.locator('table.audit').innerText();
    assert.match(log, /member\.ban/);
    assert.match(log, /member\.unban/);
    await m.context.close();
    await o.context.close();
  });

  it('an owner changes a member’s role in the console', async (t) => {
    const skip = missing(server, [...GROUP_ROUTES, 'PATCH /api/groups/{groupId}/members/{userId}']);
    if (skip) return t.skip(skip);
    const owner = await newUser(server, 'Owner Otto');
    const member = await newUser(server, 'Helpful Hanna');
    const group = await newGroup(server, owner, { name: 'Payroll Experts' }, [member]);
    const o = await signedInPage(browser, server, owner);
    await o.page.goto(`/groups/${group.id}/moderation?tab=members`);
    await o.page.getByLabel('Role of Helpful Hanna').selectOption('moderator');
    await o.page.getByText('Helpful Hanna: role changed.').waitFor();
    const h = await signedInPage(browser, server, member);
    await h.page.goto(`/groups/${group.id}`);
    await h.page.getByRole('link', { name: 'Moderation' }).waitFor();
    await o.context.close();
    await h.context.close();
  });
});
