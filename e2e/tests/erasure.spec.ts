// A survivor erases their information with their codename after Harbour Light
// referred them formally to the decision panel and onward to Northern Lantern
// (issue 12). Afterwards the panel and Northern Lantern each see only a notice
// that the record was erased at the person's request, and the facts that name
// no one: never the person's name; the panel's undecided referral is withdrawn.
// Every page on the way is checked with axe.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { openReplies, selfRefer } from '../person';
import { goByNav, newReferralRowNaming, signInFromStartPage, signOut } from '../staff';

const HARBOUR = 'Harbour Light Support (fictional)';
const LANTERN = 'Northern Lantern Trust (fictional)';
const PANEL = 'Independent Decision Panel (fictional)';
const REFERRER = 'caseworker@harbour.example';
const LANTERN_CASEWORKER = 'caseworker@lantern.example';
const DECISION_MAKER = 'caseworker@panel.example';

async function context(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false, locale: 'en-GB' });
}

/** Signs `email` in on a page of its own context. */
async function staff(browser: Browser, email: string, password: string, organisation: string): Promise<Page> {
  const page = await (await context(browser)).newPage();
  await page.goto('/');
  await signInFromStartPage(page, email, password, organisation);
  return page;
}

/** Records the person's consent to share `what` with `organisation`, on the case's sharing page. */
async function consent(page: Page, casePath: string, organisation: string, what: RegExp[]): Promise<void> {
  await page.goto(`${casePath}/sharing`);
  const scopes = page.getByRole('group', { name: 'What may be shared' });
  for (const scope of what) await scopes.getByRole('checkbox', { name: scope }).check();
  await page.getByLabel('With which organisation').selectOption({ label: organisation });
  await page.getByLabel('Why it is shared (the purpose)').fill('Support and a decision, as the person asked');
  await page.getByRole('group', { name: 'How consent was given' }).getByRole('radio', { name: 'In person' }).check();
  await page.getByRole('button', { name: 'Record the consent' }).click();
  await expect(page.getByRole('status')).toContainText('The consent was recorded.');
}

/** Opens each link of `links` until the page names `name`; returns its path. */
async function pathNaming(page: Page, hrefs: string[], name: string): Promise<string> {
  for (const href of hrefs.reverse()) {
    await page.goto(href);
    if ((await page.getByRole('main').textContent())?.includes(name)) return new URL(page.url()).pathname;
  }
  throw new Error(`no page names ${name}`);
}

test('a survivor erases with their codename: the decision body and the receiving organisation see only the notice', async ({
  browser,
  logins,
}) => {
  test.setTimeout(240_000);
  const tag = `${test.info().project.name} ${Date.now()}`;
  const name = `Test Hawi ${tag}`;

  // 1. The person asks for help and keeps a codename.
  const person = await context(browser);
  const codename = await selfRefer(await person.newPage(), 'Leeds', name, HARBOUR);
  await person.close();

  // 2. Harbour Light accepts, refers formally to the panel and onward to Northern Lantern.
  const r = await staff(browser, REFERRER, logins[REFERRER], HARBOUR);
  await goByNav(r, 'Referrals received');
  await (await newReferralRowNaming(r, name)).getByRole('link').click();
  await r.getByRole('button', { name: 'Accept and open a case' }).click();
  await expect(r).toHaveURL(/\/cases\/[^/]+$/);
  const casePath = new URL(r.url()).pathname;
  await consent(r, casePath, PANEL, [/^who they are/, /^their exploitation history/]);
  await consent(r, casePath, LANTERN, [/^who they are/, /^their needs$/]);
  await r.getByLabel('Refer to').selectOption({ label: LANTERN });
  await r.getByRole('group', { name: /^Under which consent/ }).getByRole('radio').first().check();
  await r.getByRole('button', { name: 'Send the onward referral' }).click();
  await expect(r.getByRole('status')).toContainText('The onward referral was sent');
  await r.goto(`${casePath}/formal-referral`);
  await r.getByLabel('Decision body').selectOption({ label: PANEL });
  await r.getByLabel("The person's consent").selectOption({ index: 1 });
  await r.getByRole('button', { name: 'Send the formal referral' }).click();
  await expect(r.getByRole('status')).toContainText('Formal referral sent');
  await signOut(r);

  // 3. Before the erasure, the panel and Northern Lantern read the person's name on their copies.
  const d = await staff(browser, DECISION_MAKER, logins[DECISION_MAKER], PANEL);
  await goByNav(d, 'Decisions');
  const opens = await d.getByRole('link', { name: 'Open' }).evaluateAll((ls) => ls.map((a) => a.getAttribute('href') ?? ''));
  const decisionPath = await pathNaming(d, opens, name);
  const l = await staff(browser, LANTERN_CASEWORKER, logins[LANTERN_CASEWORKER], LANTERN);
  await goByNav(l, 'Referrals received');
  const rows = l.locator('tbody tr').filter({ hasText: HARBOUR }).filter({ hasText: 'New' });
  const hrefs = await rows.getByRole('link').evaluateAll((ls) => ls.map((a) => a.getAttribute('href') ?? ''));
  const referralPath = await pathNaming(l, hrefs, name);

  // 4. The person deletes their information with their codename.
  const again = await context(browser);
  const s = await again.newPage();
  await openReplies(s, codename);
  await s.getByRole('checkbox', { name: 'Yes, delete my information' }).check();
  await s.getByRole('button', { name: 'Delete my information' }).click();
  await expect(s.getByRole('heading', { level: 1 })).toHaveText('Your information has been deleted');
  await expectNoAxeViolations(s);
  await again.close();

  // 5. The panel: a notice, the facts of the referral, and no name.
  await d.goto(decisionPath);
  await expect(d.locator('#erased-notice')).toContainText("erased at the person's request");
  await expect(d.getByRole('main')).toContainText('Where it stands');
  // Nobody is left to decide on: the referral is withdrawn instead of waiting for ever.
  await expect(d.getByRole('main')).toContainText(/Status\s*withdrawn/);
  await expect(d.getByRole('main')).not.toContainText(name);
  await expectNoAxeViolations(d);
  await signOut(d);

  // 6. Northern Lantern: the referral is withdrawn, with the notice, and names no one.
  await l.goto(referralPath);
  await expect(l.locator('#erasure-notice')).toContainText("erased at the person's request");
  await expect(l.getByRole('main')).not.toContainText(name);
  await expect(l.getByRole('button', { name: 'Accept and open a case' })).toHaveCount(0);
  await expectNoAxeViolations(l);
  await signOut(l);
});
