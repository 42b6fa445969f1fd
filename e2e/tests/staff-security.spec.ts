// Staff sign-in with a second factor, in both projects (JavaScript on and
// off): the demo's one account without a second factor (Harbour Light's
// manager) enrols by reading the key shown as text next to the QR image,
// signs in again elsewhere with a code, lists its sessions and ends the
// first; an administrator then resets its second factor from the Team page
// (which ends the rest), so the other project enrols it afresh. Every new
// page is checked with axe.
//
// Codes are made from the keys as an authenticator app would (totp.ts), and
// each is used once: Waymark refuses a code it has seen, so a second sign-in
// of the same account within 30 seconds waits for the next code.

import { test, expect, expectNoAxeViolations, runInfo } from '../fixtures';
import { enrol, enterCode, goByNav, signIn } from '../staff';
import { forgetKey, totpAt } from '../totp';

const MANAGER = 'manager@harbour.example';
const MANAGER_NAME = 'Demo Manager (Harbour Light)';
const ADMIN = 'admin@harbour.example';

test('codes are RFC 6238 (SHA-1, 6 digits, 30 s)', () => {
  // RFC 6238 appendix B's key ("12345678901234567890") and times; its 8-digit
  // codes end in these 6 digits.
  const key = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  const known: [number, string][] = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
    [20000000000, '353130'],
  ];
  for (const [time, code] of known) expect(totpAt(key, Math.floor(time / 30)), `at ${time}`).toBe(code);
});

test('a new manager enrols with the key beside the QR code, signs in elsewhere and ends the first session', async ({
  page,
  browser,
  logins,
  javaScriptEnabled,
}) => {
  // 1. Password, then enrolment: the QR code as an image, the key as text.
  await page.goto('/login');
  await page.getByLabel('Email address').fill(MANAGER);
  await page.getByLabel('Password', { exact: true }).fill(logins[MANAGER]);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign out/ })).toHaveCount(0);
  const qr = page.getByRole('img', { name: /^QR code for adding Waymark/ });
  await expect(qr).toBeVisible();
  await expect(qr.locator('svg path')).toHaveCount(1);
  await expectNoAxeViolations(page);
  const { recoveryCodes } = await enrol(page, MANAGER);
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /^I have saved my recovery codes/ }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('button', { name: /^Sign out/ })).toBeVisible();

  // 2. Another browser: the password, then a code (the next one: the first was used to enrol).
  const elsewhere = await browser.newContext({ baseURL: runInfo().baseURL, javaScriptEnabled });
  try {
    const second = await elsewhere.newPage();
    await second.goto('/login');
    await second.getByLabel('Email address').fill(MANAGER);
    await second.getByLabel('Password', { exact: true }).fill(logins[MANAGER]);
    await second.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(second.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible();
    await expectNoAxeViolations(second);
    await enterCode(second, MANAGER);
    await expect(second).toHaveURL(/\/staff$/);

    // 3. Its sessions: two, this one marked; end the other.
    await goByNav(second, 'Your sessions');
    await expect(second.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
    const rows = second.locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'This session' })).toHaveCount(1);
    await expect(second.getByRole('main')).toContainText('10 unused recovery codes');
    await expectNoAxeViolations(second);
    await rows.filter({ hasNotText: 'This session' }).getByRole('button', { name: /^End/ }).click();
    await expect(second.getByRole('status')).toContainText('1 session ended.');
    await expect(rows).toHaveCount(1);
    await expect(second.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);

    // 4. The first browser is signed out, and told why.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('You were signed out');
    await expectNoAxeViolations(page);

    // 5. The administrator resets the manager's second factor: every session of theirs ends, and
    //    they set up a new one at their next sign-in (the other project does).
    await signIn(page, ADMIN, logins[ADMIN]);
    await goByNav(page, 'Team');
    await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
    const managerRow = page.locator('tbody tr').filter({ hasText: MANAGER });
    await expect(managerRow).toContainText('On');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: `Reset two-factor sign-in for ${MANAGER_NAME}` }).click();
    await expect(page.getByRole('status')).toContainText('was reset');
    await expect(managerRow).toContainText('Not set up');
    forgetKey(MANAGER);
    await second.reload();
    await expect(second.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(second.getByRole('status')).toContainText('You were signed out');
  } finally {
    await elsewhere.close();
  }
});
