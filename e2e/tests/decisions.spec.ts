// The independent decision body, end to end (issue 5), with JavaScript on and
// off (the decisions-js-on and decisions-js-off projects, which run after all
// the other specs because this one moves the server's clock: clock.ts).
//
// A person asks for help themselves and keeps a codename; Harbour Light (a
// first responder) accepts, records the person's consent naming the decision
// body and refers them formally. The panel's decision maker records a positive
// reasonable-grounds decision: the recovery period appears with its end date
// (30 days in England and Wales). The conclusive decision is refused before its
// earliest date; a month later (the server's clock moved) it is accepted. The
// referrer sees each outcome on the case, and the person reads the news with
// their codename. Every staff page on the way is checked with axe.

import type { Browser, BrowserContext } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { addDays, advanceServerClock, longDate, serverToday } from '../clock';
import { signInFromStartPage, signOut, goByNav, newReferralRowNaming } from '../staff';
import { openReplies, selfRefer } from '../person';
import { tr } from '../locales';

const HARBOUR = 'Harbour Light Support (fictional)';
const PANEL = 'Independent Decision Panel (fictional)';
const REFERRER = 'caseworker@harbour.example';
const DECISION_MAKER = 'caseworker@panel.example';

async function context(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false, locale: 'en-GB' });
}

test('a consenting adult is referred formally, decided on at reasonable and conclusive grounds, and told', async ({
  browser,
  logins,
  request,
}) => {
  test.setTimeout(300_000);
  const tag = `${test.info().project.name} ${Date.now()}`;
  const name = `Test Noor ${tag}`;

  // 1. The person asks for help and keeps a codename.
  const person = await context(browser);
  const p = await person.newPage();
  const codename = await selfRefer(p, 'Leeds', name, HARBOUR);
  await person.close();

  // 2. Harbour Light accepts, records consent naming the panel, and refers formally.
  const referrer = await context(browser);
  const r = await referrer.newPage();
  await r.goto('/');
  await signInFromStartPage(r, REFERRER, logins[REFERRER], HARBOUR);
  await goByNav(r, 'Referrals received');
  await (await newReferralRowNaming(r, name)).getByRole('link').click();
  await r.getByRole('button', { name: 'Accept and open a case' }).click();
  await expect(r).toHaveURL(/\/cases\/[^/]+$/);
  const casePath = new URL(r.url()).pathname;
  await r.goto(`${casePath}/sharing`);
  const scopes = r.getByRole('group', { name: 'What may be shared' });
  await scopes.getByRole('checkbox', { name: /^who they are/ }).check();
  await scopes.getByRole('checkbox', { name: /^their exploitation history/ }).check();
  await r.getByLabel('With which organisation').selectOption({ label: PANEL });
  await r.getByLabel('Why it is shared (the purpose)').fill('A decision on whether they are a survivor of trafficking');
  await r.getByRole('group', { name: 'How consent was given' }).getByRole('radio', { name: 'In person' }).check();
  await r.getByRole('button', { name: 'Record the consent' }).click();
  await expect(r.getByRole('status')).toContainText('The consent was recorded.');

  await r.goto(`${casePath}/formal-referral`);
  await expect(r.getByRole('heading', { level: 1, name: 'Formal referral to a decision body' })).toBeVisible();
  await expect(r.getByRole('main')).toContainText('Exactly which fields will go');
  await expectNoAxeViolations(r);
  await r.getByLabel('Decision body').selectOption({ label: PANEL });
  await r.getByLabel("The person's consent").selectOption({ index: 1 });
  await r.getByRole('button', { name: 'Send the formal referral' }).click();
  await expect(r.getByRole('status')).toContainText('Formal referral sent');
  await expect(r.getByRole('main')).toContainText('waiting for the reasonable-grounds decision');

  // 3. The decision maker: a positive reasonable-grounds decision starts the recovery period.
  const body = await context(browser);
  const d = await body.newPage();
  await d.goto('/');
  await signInFromStartPage(d, DECISION_MAKER, logins[DECISION_MAKER], PANEL);
  await goByNav(d, 'Decisions');
  await expect(d.getByRole('heading', { level: 1, name: 'Decisions' })).toBeVisible();
  await expectNoAxeViolations(d);
  const waiting = d.locator('tbody tr').filter({ hasText: 'waiting for the reasonable-grounds decision' });
  await waiting.first().getByRole('link', { name: 'Open' }).click();
  await expect(d.getByRole('main')).toContainText(name);
  const decisionPath = new URL(d.url()).pathname;
  await expect(d.getByRole('main')).toContainText('The threshold in force');
  await expectNoAxeViolations(d);
  const decidedOn = serverToday();
  await d.locator('#rg').getByRole('radio', { name: 'Positive' }).check();
  await d.locator('#rg-reasons').fill('A consistent account with indicators of labour exploitation');
  await d.getByRole('button', { name: 'Record the reasonable-grounds decision' }).click();
  const ends = longDate(addDays(decidedOn, 30));
  const earliest = longDate(addDays(decidedOn, 30));
  const standing = d.getByRole('definition');
  await expect(d.getByRole('main')).toContainText(`Recovery period ends`);
  await expect(standing.filter({ hasText: ends }).first()).toBeVisible();

  // 4. The conclusive decision is refused before its earliest date.
  await d.locator('#cg').getByRole('radio', { name: 'Positive' }).check();
  await d.locator('#cg-reasons').fill('On the balance of probabilities, a survivor of labour exploitation');
  await d.getByRole('button', { name: 'Record the conclusive decision' }).click();
  const problem = d.getByRole('alert');
  await expect(problem).toContainText(`cannot be made before`);
  await expect(d.locator('#cg-reasons')).toHaveValue('On the balance of probabilities, a survivor of labour exploitation');
  await expectNoAxeViolations(d);

  // The referrer sees the outcome and the recovery period's end on the case.
  await r.goto(`${casePath}/formal-referral`);
  await expect(r.getByRole('main')).toContainText('in the recovery period');
  await expect(r.getByRole('main')).toContainText(ends);
  await expectNoAxeViolations(r);
  await referrer.close();
  await body.close();

  // 5. A month later (the server's clock moves 30 days on; every session has ended).
  await advanceServerClock(request, 30);
  const later = await context(browser);
  const d2 = await later.newPage();
  await d2.goto('/');
  await signInFromStartPage(d2, DECISION_MAKER, logins[DECISION_MAKER], PANEL);
  await d2.goto(decisionPath);
  await expect(d2.getByRole('main')).toContainText(earliest);
  await d2.locator('#cg').getByRole('radio', { name: 'Positive' }).check();
  await d2.locator('#cg-reasons').fill('On the balance of probabilities, a survivor of labour exploitation');
  await d2.getByRole('button', { name: 'Record the conclusive decision' }).click();
  await expect(d2.getByRole('main')).toContainText('positive conclusive decision');
  await expectNoAxeViolations(d2);
  await signOut(d2);
  await later.close();

  // 6. The referrer sees the conclusive decision on the case.
  const referrer2 = await context(browser);
  const r2 = await referrer2.newPage();
  await r2.goto('/');
  await signInFromStartPage(r2, REFERRER, logins[REFERRER], HARBOUR);
  await r2.goto(`${casePath}/formal-referral`);
  await expect(r2.getByRole('main')).toContainText('positive conclusive decision');
  await referrer2.close();

  // 7. The person reads the news with their codename, in plain words.
  const again = await context(browser);
  const s = await again.newPage();
  await openReplies(s, codename);
  const messages = s.getByRole('main').locator('ol.messages > li');
  await expect(messages.filter({ hasText: `There is news about your referral to ${PANEL}` })).toHaveCount(2);
  await expect(messages.filter({ hasText: 'first decision is yes' })).toHaveCount(1);
  await expect(messages.filter({ hasText: 'final decision is yes' })).toHaveCount(1);
  await expectNoAxeViolations(s);

  // 8. The same news in Tigrinya, for a person who reads Tigrinya: the automatic messages are said in
  // the page's language (what people wrote stays as they wrote it).
  await openReplies(s, codename, 'ti');
  const inTigrinya = s.getByRole('main').locator('ol.messages > li');
  await expect(inTigrinya.filter({ hasText: tr('ti', 'notice-news', { body: PANEL }) })).toHaveCount(2);
  await expect(inTigrinya.filter({ hasText: tr('ti', 'notice-decision-conclusive_positive') })).toHaveCount(1);
  await expect(inTigrinya.filter({ hasText: 'first decision is yes' })).toHaveCount(0);
  await again.close();
});
