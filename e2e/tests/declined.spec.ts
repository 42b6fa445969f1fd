// A survivor asks for help in Tigrinya and Harbour Light declines (issue 13).
// The survivor reads, in Tigrinya, where their request stands before and after
// the answer, and the caseworker's reason under a Tigrinya heading; the page
// says the translation is not yet reviewed. The caseworker sees the reason they
// gave on the referral afterwards. The person's pages are checked with axe.

import type { Browser, BrowserContext } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { tr } from '../locales';
import { openReplies, selfRefer } from '../person';
import { goByNav, newReferralRowNaming, signInFromStartPage, signOut } from '../staff';

const HARBOUR = 'Harbour Light Support (fictional)';
const CASEWORKER = 'caseworker@harbour.example';

async function context(browser: Browser, locale: string): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false, locale });
}

test('a survivor asking in Tigrinya is declined: they read the reason and every status in Tigrinya, and the caseworker sees it afterwards', async ({
  browser,
  logins,
}) => {
  test.setTimeout(180_000);
  const t = (id: string, args?: Record<string, string | number>) => tr('ti', id, args);
  const name = `Test Saba ${test.info().project.name} ${Date.now()}`;
  const reason = 'We have no room this month. Northern Lantern Trust can help: ask them for a place to stay.';

  // 1. The person asks in Tigrinya and gets a codename of digits.
  const person = await context(browser, 'ti');
  const p = await person.newPage();
  const codename = await selfRefer(p, 'Leeds', name, HARBOUR, 'ti');
  expect(codename).toMatch(/^[0-9]{4}( [0-9]{4}){6}$/);
  await openReplies(p, codename, 'ti');
  await expect(p.locator('#status')).toHaveText(t('channel-status-sent', { org: HARBOUR }));
  await expect(p.getByRole('note')).toHaveText(t('translation-note'));
  await expectNoAxeViolations(p);

  // 2. Harbour Light declines, with a reason written for the person.
  const staff = await context(browser, 'en-GB');
  const c = await staff.newPage();
  await c.goto('/');
  await signInFromStartPage(c, CASEWORKER, logins[CASEWORKER], HARBOUR);
  await goByNav(c, 'Referrals received');
  const row = await newReferralRowNaming(c, name);
  await row.getByRole('link').click();
  const referral = new URL(c.url()).pathname;
  await expect(c.getByLabel(/^Or decline: the reason, which the person reads through their codename/)).toBeVisible();
  await c.getByLabel(/^Or decline/).fill(reason);
  await c.getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(c.getByRole('status')).toContainText('The referral was declined');
  // Afterwards the caseworker still sees the reason they gave.
  await c.goto(referral);
  await expect(c.getByRole('heading', { level: 2, name: 'The reason you gave' })).toBeVisible();
  await expect(c.locator('#decline-reason')).toHaveText(reason);
  await signOut(c);
  await staff.close();

  // 3. The person reads the answer and the reason, in Tigrinya.
  await openReplies(p, codename, 'ti');
  await expect(p.locator('#status')).toHaveText(t('channel-status-declined', { org: HARBOUR }));
  await expect(p.getByRole('heading', { level: 2, name: t('channel-decline-reason'), exact: true })).toBeVisible();
  await expect(p.locator('#decline-reason')).toHaveText(reason);
  await expect(p.getByRole('note')).toHaveText(t('translation-note'));
  await expectNoAxeViolations(p);
  await person.close();
});
