// Signing staff in and out, as route.spec.ts and survivor.spec.ts do it:
// password, then a code from the account's TOTP key (totp.ts) where it has a
// second factor.
//
// Never sign in with a wrong password or code in the specs: 5 of them (wrong
// passwords and wrong codes count together) lock a demo account for the rest
// of the run.

import type { Locator, Page } from '@playwright/test';
import { expect, runInfo } from './fixtures';
import { tr } from './locales';
import { freshCode, learnedKey, rememberEnrolment } from './totp';

/** The English public start page's footer link to the sign-in page. */
const STAFF_SIGN_IN = tr('en', 'nav-staff');

/** The key the account's authenticator app would hold: learned at enrolment in this run, or the demo's. */
function keyOf(email: string): string {
  const key = learnedKey(email) ?? runInfo().accounts.find((a) => a.email === email)?.totp;
  expect(key, `no TOTP key for ${email}: the demo printed none and no test enrolled it`).toBeTruthy();
  return key!;
}

/** On the "Enter your code" page: types a fresh code from the account's key. */
export async function enterCode(page: Page, email: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
  const { code } = await freshCode(email, keyOf(email));
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

/**
 * On the "Set up two-factor sign-in" page: reads the key shown as text next
 * to the QR code (as someone typing it into an app would), confirms it with a
 * code, and lands on the recovery codes page. Returns the key and the codes.
 */
export async function enrol(page: Page, email: string): Promise<{ key: string; recoveryCodes: string[] }> {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
  const key = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(key, 'the key is shown as text').toMatch(/^[A-Z2-7]{32}$/);
  const { code, step } = await freshCode(email, key);
  await page.getByLabel('Code from the app').fill(code);
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your recovery codes' })).toBeVisible();
  rememberEnrolment(email, key, step);
  const recoveryCodes = (await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents()).map(
    (c) => c.trim(),
  );
  return { key, recoveryCodes };
}

/**
 * On the sign-in page: signs in — password, then a code from the account's
 * TOTP key when it has a second factor (or enrolment, reading the key from the
 * page, when it must set one up) — and lands on `/staff` (or the page that
 * sent there).
 */
export async function signIn(page: Page, email: string, password: string | undefined): Promise<void> {
  expect(password, `no demo login for ${email}`).toBeTruthy();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signedIn = page.getByRole('button', { name: /^Sign out/ });
  const code = page.getByRole('heading', { level: 1, name: 'Enter your code' });
  const enrolment = page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' });
  await expect(signedIn.or(code).or(enrolment)).toBeVisible();
  if (await code.isVisible()) {
    await enterCode(page, email);
  } else if (await enrolment.isVisible()) {
    await enrol(page, email);
    await page.getByRole('link', { name: /^I have saved my recovery codes/ }).click();
  }
  await expect(signedIn).toBeVisible();
}

/**
 * From the public start page (where signing out lands): the footer's "Staff
 * sign in" link, then the form; lands on the staff page, which names the
 * account's organisation.
 */
export async function signInFromStartPage(
  page: Page,
  email: string,
  password: string | undefined,
  organisation?: string,
): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: STAFF_SIGN_IN, exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Signed in as / })).toBeVisible();
  if (organisation) await expect(page.getByRole('main')).toContainText(organisation);
}

/** Signs out: back on the English public start page, with its "Staff sign in" link. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('heading', { level: 1, name: tr('en', 'home-title') })).toBeVisible();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: STAFF_SIGN_IN, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign out/ })).toHaveCount(0);
}

/** A link of the staff pages' "Main" navigation. */
export async function goByNav(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}

/**
 * On "Referrals received": the row of the new referral whose page names the
 * person `name`. The list shows no names, and the area is chosen from a closed
 * list, so nothing in a row is unique to one test on the shared demo server:
 * this opens the "New" rows, newest first (the list's order), until a referral
 * page names the person, then comes back to the list.
 */
export async function newReferralRowNaming(page: Page, name: string): Promise<Locator> {
  const list = page.url();
  const rows = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: 'New', exact: true }) });
  const hrefs = await rows.getByRole('link').evaluateAll((ls) => ls.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) {
    await page.goto(href);
    if ((await page.getByRole('main').textContent())?.includes(name)) {
      await page.goto(list);
      return page.locator('tbody tr').filter({ has: page.locator(`a[href="${href}"]`) });
    }
  }
  throw new Error(`no new referral names ${name}`);
}
