import { DomainEventBus } from '../../src/domain-events/domain-event-bus';
import { newUser, TestUser } from '../helpers/factories';
import { addMember, inviteUser, joinGroup, newGroup } from '../helpers/groups';
import { startApp, TestApp } from '../helpers/test-app';

describe('groups: create, read, update, list', () => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    t = await startApp();
    [owner, other] = await Promise.all([newUser(t), newUser(t)]);
  });
  afterAll(() => t.close());

  describe('create', () => {
    it('makes the creator the active owner, counts them, derives a slug and renders the rules', async () => {
      const res = await t
        .http()
        .post('/api/groups')
        .set(owner.auth)
        .send({
          name: 'Café Owners of Zürich',
          description: 'Espresso, rent and staff',
          rules: '# Be kind\n\nNo <script>alert(1)</script> spam.',
          visibility: 'public',
          joinPolicy: 'open',
        })
        .expect(201);
      expect(res.body).toMatchObject({
        slug: 'cafe-owners-of-zurich',
        name: 'Café Owners of Zürich',
        memberCount: 1,
        rulesVersion: 1,
        visibility: 'public',
        joinPolicy: 'open',
        membership: { role: 'owner', status: 'active', acceptedRulesVersion: 1 },
      });
      expect(res.body.rulesHtml).toContain('<h1>Be kind</h1>');
      expect(res.body.rulesHtml).not.toContain('<script');
    });

    it('starts a group without rules at rulesVersion 0', async () => {
      const g = await newGroup(t, owner);
      expect(g.rulesVersion).toBe(0);
      expect(g.rules).toBe('');
    });

    it('refuses bad input with a 400 naming the field, and anonymous callers with 401', async () => {
      const base = { name: 'X', description: '', visibility: 'public', joinPolicy: 'open' };
      const bad = async (body: object, field: string) => {
        const res = await t.http().post('/api/groups').set(owner.auth).send(body).expect(400);
        expect(JSON.stringify(res.body.message)).toContain(field);
      };
      await bad({ ...base, name: '   ' }, 'name');
      await bad({ ...base, name: 'n'.repeat(101) }, 'name');
      await bad({ ...base, visibility: 'secret' }, 'visibility');
      await bad({ ...base, joinPolicy: 'maybe' }, 'joinPolicy');
      await bad({ name: 'X', visibility: 'public', joinPolicy: 'open' }, 'description');
      await bad({ ...base, memberCount: 5 }, 'memberCount');
      await bad({ ...base, rules: 42 }, 'rules');
      await t.http().post('/api/groups').send(base).expect(401);
    });
  });

  describe('slug', () => {
    it('is unique (clashes get a suffix) and accepted wherever :groupId is', async () => {
      const a = await newGroup(t, owner, { name: 'Rust in Production' });
      const b = await newGroup(t, owner, { name: 'Rust in Production!' });
      const c = await newGroup(t, owner, { name: 'rust   in production' });
      expect([a.slug, b.slug, c.slug]).toEqual(['rust-in-production', 'rust-in-production-2', 'rust-in-production-3']);
      const bySlug = await t.http().get(`/api/groups/${b.slug}`).expect(200);
      expect(bySlug.body.id).toBe(b.id);
      await t.http().get(`/api/groups/${b.slug.toUpperCase()}`).expect(200);
      await t.http().get(`/api/groups/${b.slug}/members`).expect(200);
      await joinGroup(t, other, { id: c.slug });
      expect((await t.http().get(`/api/groups/${c.id}`).set(other.auth).expect(200)).body.membership.status).toBe('active');
    });

    it('names groups with no letters or digits "group", and never looks like an id', async () => {
      const g = await newGroup(t, owner, { name: '!!!' });
      expect(g.slug).toMatch(/^group(-\d+)?$/);
      const digits = await newGroup(t, owner, { name: '1'.repeat(26) });
      expect(digits.slug).not.toBe('1'.repeat(26));
      expect((await t.http().get(`/api/groups/${digits.slug}`).expect(200)).body.id).toBe(digits.id);
    });

    it('answers 400 naming groupId for a malformed reference and 404 for an unknown one', async () => {
      const res = await t.http().get('/api/groups/not_a%20slug!').expect(400);
      expect(JSON.stringify(res.body.message)).toContain('groupId');
      await t.http().get('/api/groups/no-such-group-here').expect(404);
      await t.http().get('/api/groups/01ARZ3NDEKTSV4RRFFQ69G5FAV').expect(404);
    });
  });

  describe('update', () => {
    it('lets moderators change fields; the slug stays; rules changes raise rulesVersion, each audited', async () => {
      const updates: { groupId: string; rulesChanged: boolean }[] = [];
      t.app.get(DomainEventBus).on('group.updated', (e) => void updates.push({ groupId: e.groupId, rulesChanged: e.rulesChanged }));
      const g = await newGroup(t, owner, { rules: 'Be kind.' });
      const mod = await newUser(t);
      await addMember(t, owner, g, mod, 'moderator');
      const renamed = await t.http().patch(`/api/groups/${g.id}`).set(mod.auth).send({ name: 'Renamed', joinPolicy: 'approval' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Renamed', slug: g.slug, joinPolicy: 'approval', rulesVersion: 1 });

      const ruled = await t.http().patch(`/api/groups/${g.id}`).set(mod.auth).send({ rules: 'Be kind. Cite sources.' }).expect(200);
      expect(ruled.body.rulesVersion).toBe(2);
      // The editor has read what they wrote; the owner has not accepted it yet.
      expect(ruled.body.membership.acceptedRulesVersion).toBe(2);
      expect((await t.http().get(`/api/groups/${g.id}`).set(owner.auth)).body.membership.acceptedRulesVersion).toBe(1);

      const same = await t.http().patch(`/api/groups/${g.id}`).set(mod.auth).send({ rules: 'Be kind. Cite sources.' }).expect(200);
      expect(same.body.rulesVersion).toBe(2);

      const log = await t.http().get(`/api/groups/${g.id}/audit-log`).set(owner.auth).expect(200);
      expect(log.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['group.rules', 'group.update']);
      expect(log.body.items[0]).toMatchObject({ actor: { id: mod.id }, targetType: 'group', targetId: g.id, data: { version: 2 } });
      expect(log.body.items[1].data).toMatchObject({ fields: ['name', 'joinPolicy'] });
      await t.settle();
      expect(updates.filter((u) => u.groupId === g.id)).toEqual([
        { groupId: g.id, rulesChanged: false },
        { groupId: g.id, rulesChanged: true },
      ]);
    });

    it('refuses members (403), outsiders of a public group (403) and anonymous callers (401)', async () => {
      const g = await newGroup(t, owner);
      await joinGroup(t, other, g);
      await t.http().patch(`/api/groups/${g.id}`).set(other.auth).send({ name: 'Mine now' }).expect(403);
      await t.http().patch(`/api/groups/${g.id}`).set((await newUser(t)).auth).send({ name: 'Mine now' }).expect(403);
      await t.http().patch(`/api/groups/${g.id}`).send({ name: 'Mine now' }).expect(401);
      const res = await t.http().patch(`/api/groups/${g.id}`).set(owner.auth).send({ visibility: 'hidden' }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('visibility');
    });
  });

  describe('rules acceptance', () => {
    it('makes members accept a changed version; a wrong version is a 400 naming version', async () => {
      const g = await newGroup(t, owner, { rules: 'v1' });
      const member = await newUser(t);
      await joinGroup(t, member, g);
      await t.http().patch(`/api/groups/${g.id}`).set(owner.auth).send({ rules: 'v2' }).expect(200);
      const before = await t.http().get(`/api/groups/${g.id}`).set(member.auth).expect(200);
      expect(before.body).toMatchObject({ rulesVersion: 2, membership: { acceptedRulesVersion: 1 } });
      const wrong = await t.http().post(`/api/groups/${g.id}/rules/accept`).set(member.auth).send({ version: 1 }).expect(400);
      expect(JSON.stringify(wrong.body.message)).toContain('version');
      await t.http().post(`/api/groups/${g.id}/rules/accept`).set(member.auth).send({}).expect(400);
      const ok = await t.http().post(`/api/groups/${g.id}/rules/accept`).set(member.auth).send({ version: 2 }).expect(200);
      expect(ok.body).toMatchObject({ status: 'active', acceptedRulesVersion: 2 });
      await t.http().post(`/api/groups/${g.id}/rules/accept`).set((await newUser(t)).auth).send({ version: 2 }).expect(403);
    });
  });

  describe('list and search', () => {
    it('shows anyone the public groups, and each caller their own private ones, never others', async () => {
      const word = `zq${Date.now().toString(36)}`;
      const pub = await newGroup(t, owner, { name: `${word} public` });
      const priv = await newGroup(t, owner, { name: `${word} private`, visibility: 'private' });
      const invitee = await newUser(t);
      await inviteUser(t, owner, priv, invitee);
      const ids = (body: { items: { id: string }[] }) => body.items.map((g) => g.id);

      expect(ids((await t.http().get(`/api/groups?q=${word}`).expect(200)).body)).toEqual([pub.id]);
      expect(ids((await t.http().get(`/api/groups?q=${word}`).set(other.auth).expect(200)).body)).toEqual([pub.id]);
      expect(ids((await t.http().get(`/api/groups?q=${word}`).set(owner.auth).expect(200)).body)).toEqual([priv.id, pub.id]);

      const seen = (await t.http().get(`/api/groups?q=${word}`).set(invitee.auth).expect(200)).body.items;
      expect(seen.map((g: { id: string }) => g.id)).toEqual([priv.id, pub.id]);
      expect(seen[0]).toMatchObject({ name: `${word} private`, memberCount: null, membership: { status: 'invited' } });

      const mine = await t.http().get('/api/groups?mine=true').set(invitee.auth).expect(200);
      expect(ids(mine.body)).toEqual([priv.id]);
      expect((await t.http().get('/api/groups?mine=true').expect(200)).body.items).toEqual([]);
    });

    it('searches name and description case-insensitively, taking % and _ literally', async () => {
      const word = `Qx${Date.now().toString(36)}`;
      const a = await newGroup(t, owner, { name: `${word} Kubernetes`, description: 'clusters' });
      const b = await newGroup(t, owner, { name: 'Ops people', description: `we talk ${word.toLowerCase()} at 100% load` });
      const ids = async (q: string) => (await t.http().get('/api/groups').query({ q }).expect(200)).body.items.map((g: { id: string }) => g.id);
      expect(await ids(word.toUpperCase())).toEqual([b.id, a.id]);
      expect(await ids(`${word} kubernetes`)).toEqual([a.id]);
      expect(await ids(`${word.toLowerCase()} at 100%`)).toEqual([b.id]);
      expect(await ids(`${word}%kubernetes`)).toEqual([]);
      expect(await ids(`${word}_kubernetes`)).toEqual([]);
    });

    it('pages with a cursor, newest first, without repeats; a bad cursor or limit is a 400', async () => {
      const word = `pg${Date.now().toString(36)}`;
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push((await newGroup(t, owner, { name: `${word} ${i}` })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http().get('/api/groups').query({ q: word, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
        seen.push(...res.body.items.map((g: { id: string }) => g.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...made].reverse());
      expect(JSON.stringify((await t.http().get('/api/groups?cursor=garbage').expect(400)).body.message)).toContain('cursor');
      expect(JSON.stringify((await t.http().get('/api/groups?limit=0').expect(400)).body.message)).toContain('limit');
      expect(JSON.stringify((await t.http().get('/api/groups?mine=perhaps').expect(400)).body.message)).toContain('mine');
    });
  });
});
