// The whole referral route, as the people who use it would walk it, in both
// projects (JavaScript on and off): a helper checks a concern on the public
// (English) screening page, refers the person with their consent, the support
// organisation accepts and opens a case, and the helper sees the answer.
// Every page on the way is checked with axe.
//
// Both projects share ONE demo server (and its database), so every person's
// name carries the project's name and the time, and each test finds its own
// referral by its reference (the last 8 characters of its id, shown on
// "Sent referrals" and in the inbox link), never by position in a list.
//
// Never sign in with a wrong password here: 5 of them lock a demo account for
// the rest of the run.

import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { tr } from '../locales';
import { goByNav, signIn, signInFromStartPage, signOut } from '../staff';

const HELPER = 'helper@church.example';
const HARBOUR_CASEWORKER = 'caseworker@harbour.example';
const LANTERN_CASEWORKER = 'caseworker@lantern.example';
const HARBOUR = 'Harbour Light Support (fictional)';

// The signs the helper ticks: as the public screening page words them (from
// the English locale), and as the staff referral form does.
interface Sign {
  screening: string;
  referral: string;
}
const DEBT_BONDAGE: Sign = {
  screening: tr('en', 'indicator-debt_bondage'),
  referral: 'They owe a debt (travel, rent, food) they can never pay off',
};
const DOCUMENTS_HELD: Sign = {
  screening: tr('en', 'indicator-retention_of_documents'),
  referral: 'Someone else holds their passport or ID',
};
const NO_PAY: Sign = {
  screening: tr('en', 'indicator-withholding_of_wages'),
  referral: 'They work for no pay, or someone keeps their pay',
};
const SIGNS = [DEBT_BONDAGE, DOCUMENTS_HELD, NO_PAY];

/** A fictional name no other test or project uses on this server. */
function uniqueName(what: string): string {
  return `Test ${what} ${test.info().project.name} ${Date.now()}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The references on the signed-in helper's "Sent referrals" page, read in
 * the background (bookkeeping, so the test can tell its own referral from
 * the others on the shared server; not part of what the user does).
 */
async function sentReferences(page: Page): Promise<Set<string>> {
  const response = await page.request.get('/referrals/sent');
  expect(response.status()).toBe(200);
  const html = await response.text();
  return new Set(Array.from(html.matchAll(/<tr><td>([^<]+)<\/td>/g), (m) => m[1]));
}

/** On "Referrals your group sent": the one reference that was not there before. */
async function newReference(page: Page, before: Set<string>): Promise<string> {
  const cells = await page.locator('tbody tr td:first-child').allTextContents();
  const fresh = cells.map((c) => c.trim()).filter((c) => !before.has(c));
  expect(fresh, 'exactly one new row on "Sent referrals"').toHaveLength(1);
  return fresh[0];
}

function rowWithReference(page: Page, reference: string) {
  return page.locator('tbody tr').filter({ has: page.locator(`a[href$="${reference}"]`) });
}

/** Answers the public screening form on /en/screening and submits it; `age` is a screening age id. */
async function screen(page: Page, age: 'adult' | 'under_18' | 'unsure', signs: Sign[]): Promise<void> {
  await expect(page).toHaveURL(/\/en\/screening$/);
  await expect(page.getByRole('heading', { level: 1, name: tr('en', 'screening-title') })).toBeVisible();
  await page
    .getByRole('group', { name: tr('en', 'screening-danger') })
    .getByRole('radio', { name: tr('en', 'answer-no'), exact: true })
    .check();
  await page
    .getByRole('group', { name: tr('en', 'screening-age') })
    .getByRole('radio', { name: tr('en', `age-${age}`), exact: true })
    .check();
  const noticed = page.getByRole('group', { name: tr('en', 'screening-signs') });
  for (const sign of signs) await noticed.getByRole('checkbox', { name: sign.screening, exact: true }).check();
  await page
    .getByRole('group', { name: tr('en', 'screening-nation') })
    .getByRole('radio', { name: tr('en', 'nation-england_wales'), exact: true })
    .check();
  await page.getByRole('button', { name: tr('en', 'screening-submit') }).click();
}

interface Person {
  name: string;
  contact: string;
  language: string;
}

/** Fills section 2 (Harbour Light) and section 3 of the referral form. */
async function fillReferral(page: Page, person: Person, age: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(HARBOUR)}`) }).check();
  await page.getByLabel('Name or the name they want to use').fill(person.name);
  await page.getByLabel('A safe way to contact them').fill(person.contact);
  await page.getByLabel('Language they prefer').fill(person.language);
  await page.getByRole('group', { name: 'How old are they?' }).getByRole('radio', { name: age }).check();
  await page.getByLabel('Who did they first turn to for help?').selectOption({ label: 'A faith group' });
}

test.describe('the referral route', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a helper checks a concern and refers an adult with consent; Harbour Light accepts it and opens a case', async ({
    page,
    logins,
  }) => {
    const person: Person = {
      name: uniqueName('Person'),
      contact: 'Through the helper at St Brigid’s, Tuesday mornings',
      language: 'Tigrinya',
    };

    // 1. The start page, public and not signed in: `/` goes to the browser's language (English).
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(page.getByRole('heading', { level: 1, name: tr('en', 'home-title') })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('main').getByRole('link', { name: tr('en', 'home-other-check'), exact: true }).click();
    await expectNoAxeViolations(page);

    await screen(page, 'adult', SIGNS);
    await expect(
      page.getByRole('heading', { level: 1, name: tr('en', 'outcome-possible_trafficking-title') }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { name: tr('en', 'helplines-heading', { nation: tr('en', 'nation-england_wales') }) }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: '08000 121 700' })).toHaveAttribute('href', 'tel:08000121700');
    // Two ways on: the person asks for help themselves, or the helper refers them.
    await expect(page.getByRole('link', { name: tr('en', 'outcome-self'), exact: true })).toHaveAttribute(
      'href',
      '/en/help?nation=england_wales&age=adult',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: tr('en', 'outcome-helper'), exact: true }).click();
    await expect(page).toHaveURL(/\/login\?next=\/referrals\/new%3Fnation%3Dengland_wales%26age%3Dadult%26indicators%3D/);
    await expectNoAxeViolations(page);
    await signIn(page, HELPER, logins[HELPER]);

    // Back at the referral form, with what the screening found.
    await expect(page).toHaveURL(/\/referrals\/new\?/);
    await expect(page.getByRole('heading', { level: 1, name: 'Refer someone to a support organisation' })).toBeVisible();
    const signs = page.getByRole('group', { name: 'Signs you noticed' });
    for (const sign of SIGNS) await expect(signs.getByRole('checkbox', { name: sign.referral })).toBeChecked();
    await expect(signs.getByRole('checkbox', { checked: true })).toHaveCount(SIGNS.length);
    await expect(page.getByRole('group', { name: 'How old are they?' }).getByRole('radio', { name: '18 or over' })).toBeChecked();
    await expectNoAxeViolations(page);
    const before = await sentReferences(page);

    // 2. Harbour Light's data policy is shown next to its choice, above the consent.
    const harbour = page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(HARBOUR)}`) });
    await expect(harbour).toHaveAccessibleDescription(/How Harbour Light Support \(fictional\) handles the person's data:/);
    const policy = page.locator('.org').filter({ has: harbour }).locator('.policy');
    await expect(policy).toBeVisible();
    await expect(policy).toContainText('We keep what you tell us private');
    const consent = page.getByRole('checkbox', { name: /the person agreed to be referred/ });
    const policyBox = await policy.boundingBox();
    const consentBox = await consent.boundingBox();
    expect(policyBox!.y, 'the data policy comes before the consent question').toBeLessThan(consentBox!.y);

    await fillReferral(page, person, '18 or over');
    await expect(consent).not.toBeChecked();
    await page.getByRole('button', { name: 'Send the referral' }).click();

    // Refused without consent; nothing typed is lost.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /consent/ })).toHaveAttribute('href', '#consent_given');
    await expect(page.getByLabel('Name or the name they want to use')).toHaveValue(person.name);
    await expect(page.getByLabel('A safe way to contact them')).toHaveValue(person.contact);
    await expect(page.getByLabel('Language they prefer')).toHaveValue(person.language);
    await expect(harbour).toBeChecked();
    for (const sign of SIGNS) await expect(signs.getByRole('checkbox', { name: sign.referral })).toBeChecked();
    await expectNoAxeViolations(page);

    await consent.check();
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await expect(page).toHaveURL(/\/referrals\/sent\?sent=1$/);
    await expect(page.getByRole('status')).toContainText('Referral sent');
    const reference = await newReference(page, before);
    const sentRow = page.locator('tbody tr').filter({ has: page.getByRole('cell', { name: reference, exact: true }) });
    await expect(sentRow).toContainText(HARBOUR);
    await expect(sentRow.getByRole('cell').last()).toHaveText('Waiting for an answer');
    await expectNoAxeViolations(page);

    // 3. Harbour Light's caseworker: the inbox lists it without the name.
    await signOut(page);
    await signInFromStartPage(page, HARBOUR_CASEWORKER, logins[HARBOUR_CASEWORKER], HARBOUR);
    await goByNav(page, 'Referrals received');
    await expect(page.getByRole('heading', { level: 1, name: 'Referrals received' })).toBeVisible();
    const inboxRow = rowWithReference(page, reference);
    await expect(inboxRow).toHaveCount(1);
    await expect(inboxRow).toContainText('St Brigid');
    await expect(inboxRow).toContainText('18 or over');
    await expect(inboxRow).toContainText('New');
    await expect(inboxRow).not.toContainText('(child safeguarding)');
    await expect(page.getByRole('main')).not.toContainText(person.name);
    await expectNoAxeViolations(page);

    await inboxRow.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/inbox/[^/]*${reference}$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Referral received/ })).toBeVisible();
    await expect(page.locator('#person-name')).toHaveText(person.name);
    await expect(page.locator('#person-contact')).toHaveText(person.contact);
    await expect(page.getByRole('definition').filter({ hasText: person.language })).toHaveText(person.language);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Accept and open a case' }).click();
    await expect(page).toHaveURL(/\/cases\/[^/]+$/);
    const casePath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1, name: /^Case opened/ })).toBeVisible();
    await expect(page.locator('#person-name')).toHaveText(person.name);
    await expect(page.getByRole('main')).toContainText('The person consented');
    await expectNoAxeViolations(page);

    await goByNav(page, 'Cases');
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await expect(page.locator(`main a[href="${casePath}"]`)).toBeVisible();
    await expectNoAxeViolations(page);

    // 4. The helper sees the answer.
    await signOut(page);
    await signInFromStartPage(page, HELPER, logins[HELPER]);
    await goByNav(page, 'Sent referrals');
    await expect(sentRow.getByRole('cell').last()).toHaveText('Accepted');
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  test('another organisation cannot open Harbour Light’s referral: 404, and never the name', async ({ page, logins }) => {
    const person: Person = { name: uniqueName('Lantern'), contact: 'Through the helper', language: 'Polish' };

    // The helper sends a referral to Harbour Light.
    await page.goto('/login?next=/referrals/new');
    await signIn(page, HELPER, logins[HELPER]);
    await expect(page).toHaveURL(/\/referrals\/new$/);
    const before = await sentReferences(page);
    await fillReferral(page, person, '18 or over');
    await page.getByRole('checkbox', { name: /the person agreed to be referred/ }).check();
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await expect(page).toHaveURL(/\/referrals\/sent\?sent=1$/);
    const reference = await newReference(page, before);
    await signOut(page);

    // Harbour Light's caseworker has its address.
    await signInFromStartPage(page, HARBOUR_CASEWORKER, logins[HARBOUR_CASEWORKER], HARBOUR);
    await goByNav(page, 'Referrals received');
    const href = await rowWithReference(page, reference).getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/inbox\//);
    await signOut(page);

    // Northern Lantern's caseworker neither sees it nor can open it.
    await signInFromStartPage(page, LANTERN_CASEWORKER, logins[LANTERN_CASEWORKER]);
    await goByNav(page, 'Referrals received');
    await expect(page.locator(`a[href="${href}"]`)).toHaveCount(0);
    const response = await page.goto(href!);
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(await page.content()).not.toContain(person.name);
    await expectNoAxeViolations(page);
    await page.goto('/staff');
    await signOut(page);
  });

  test('a child: children’s services are named before the referral goes, and the inbox marks it', async ({ page, logins }) => {
    const person: Person = { name: uniqueName('Child'), contact: 'Through the youth worker at St Brigid’s', language: 'Vietnamese' };

    // The old address of the screening still works: it goes to the browser's language.
    await page.goto('/screening');
    await screen(page, 'unsure', [DEBT_BONDAGE]);
    await expect(
      page.getByRole('heading', { level: 1, name: tr('en', 'outcome-child_safeguarding-title') }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      tr('en', 'outcome-child_safeguarding-2', { children_services: tr('en', 'children-services-england_wales') }),
    );
    await expect(page.getByRole('link', { name: '0800 043 4303' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: tr('en', 'outcome-helper'), exact: true }).click();
    await expect(page).toHaveURL(/\/login\?next=\/referrals\/new%3Fnation%3Dengland_wales%26age%3Dunsure%26indicators%3Ddebt_bondage$/);
    await signIn(page, HELPER, logins[HELPER]);
    await expect(page).toHaveURL(/\/referrals\/new\?/);
    await expect(
      page.getByRole('group', { name: 'How old are they?' }).getByRole('radio', { name: 'Not sure (treated as under 18)' }),
    ).toBeChecked();
    await expect(page.getByRole('checkbox', { name: DEBT_BONDAGE.referral })).toBeChecked();
    const before = await sentReferences(page);

    await fillReferral(page, person, 'Not sure (treated as under 18)');
    await page.getByRole('button', { name: 'Send the referral' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary.getByRole('link', { name: /children's services/ })).toHaveAttribute(
      'href',
      '#children_services_notified',
    );
    await expect(page.getByLabel('Name or the name they want to use')).toHaveValue(person.name);
    await expect(page.getByLabel('A safe way to contact them')).toHaveValue(person.contact);
    await expectNoAxeViolations(page);

    await page
      .getByLabel("If they are or may be under 18: which children's services did you tell?")
      .fill("Leeds City Council children's social care");
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await expect(page).toHaveURL(/\/referrals\/sent\?sent=1$/);
    await expect(page.getByRole('status')).toContainText('Referral sent');
    const reference = await newReference(page, before);
    await signOut(page);

    await signInFromStartPage(page, HARBOUR_CASEWORKER, logins[HARBOUR_CASEWORKER], HARBOUR);
    await goByNav(page, 'Referrals received');
    const row = rowWithReference(page, reference);
    await expect(row).toContainText('Not sure (treated as under 18) (child safeguarding)');
    await expect(page.getByRole('main')).not.toContainText(person.name);
    await expectNoAxeViolations(page);
    await row.getByRole('link').click();
    await expect(page.locator('#person-name')).toHaveText(person.name);
    await expect(page.getByRole('main')).toContainText(
      "Child safeguarding: Leeds City Council children's social care notified",
    );
    await expectNoAxeViolations(page);
    await signOut(page);
  });
});
