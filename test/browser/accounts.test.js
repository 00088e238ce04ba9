// @ts-check
const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');
const { newUser, openSuite, screenshot, seriousA11yViolations, signedInPage } = require('./harness');

describe('accounts and profile in the browser', () => {
  /** @type {import('./harness').Server} */ let server;
  /** @type {import('playwright-core').Browser} */ let browser;
  /** @type {Awaited<ReturnType<typeof openSuite>> | undefined} */ let suite;
  before(async () => ({ server, browser } = suite = await openSuite()));
  after(() => suite?.close());

  it('signs up, shows API errors next to the fields they name, edits the profile, signs out and in again', async () => {
    const { page, context, errors } = await signedInPage(browser, server, null);
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    // The server's 400 names both fields; each message sits under its own input.
    const emailField = page.getByLabel('E-mail address');
    await assert.doesNotReject(emailField.and(page.locator('[aria-invalid="true"]')).waitFor());
    assert.match(await page.locator('.field', { has: emailField }).locator('.field-error').innerText(), /email must be an e-mail address/);
    assert.match(await page.locator('.field', { has: page.getByLabel('Password') }).locator('.field-error').innerText(), /at least 10 characters/);

    const email = `ada.${Date.now()}@example.org`;
    await emailField.fill(email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    assert.equal(await page.getByLabel('Handle').inputValue(), 'ada_lovelace');

    await page.getByLabel('Handle').fill('Not Valid!');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.field', { has: page.getByLabel('Handle') }).locator('.field-error').waitFor();
    assert.match(await page.locator('.field', { has: page.getByLabel('Handle') }).locator('.field-error').innerText(), /handle must be 3-30 characters/);

    await page.getByLabel('Handle').fill('countess_ada');
    await page.getByLabel('Headline').fill('Analyst of engines');
    await page.getByLabel('About').fill('I write notes on the analytical engine.');
    const tags = page.getByLabel('Expertise');
    await tags.fill('mathematics');
    await tags.press('Enter');
    await tags.fill('Computing Machines');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved.').waitFor();
    await screenshot(page, 'profile');

    await page.getByRole('link', { name: 'See your public profile' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    assert.match(await page.locator('main').innerText(), /@countess_ada[\s\S]*Analyst of engines[\s\S]*mathematics[\s\S]*computing-machines/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(); // signed-out users are sent to sign in
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('wrong password!!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'email or password is incorrect' }).waitFor();
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor(); // back where sign-in was asked for
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('switches the interface to Dutch and remembers it', async () => {
    const user = await newUser(server, 'Joost Vondel');
    const { page, context } = await signedInPage(browser, server, user);
    await page.goto('/profile');
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('heading', { name: 'Je profiel' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await page.reload();
    await page.getByRole('heading', { name: 'Je profiel' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Groepen' }).isVisible());
    await context.close();
  });

  it('is keyboard-usable and has no serious accessibility problems on the sign-in, sign-up and profile pages', async () => {
    const user = await newUser(server, 'Grace Hopper');
    const anon = await signedInPage(browser, server, null);
    await anon.page.goto('/signin');
    await anon.page.locator('h1').waitFor();
    await anon.page.keyboard.press('Tab');
    assert.equal(await anon.page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    for (const path of ['/', '/signin', '/signup']) {
      await anon.page.goto(path);
      await anon.page.locator('h1').waitFor();
      assert.deepEqual(await seriousA11yViolations(anon.page), [], `axe on ${path}`);
    }
    await screenshot(anon.page, 'sign-up');
    await anon.context.close();
    const { page, context } = await signedInPage(browser, server, user);
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], 'axe on /profile');
    await context.close();
  });
});
