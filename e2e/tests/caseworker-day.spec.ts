// A caseworker's day, in both projects (JavaScript on and off): a helper
// refers someone to Harbour Light; Harbour Light's caseworker signs in with a
// password and a TOTP code, accepts the referral (which opens the case),
// records the needs and a plan action, uploads a document, records the
// person's consent to share with Northern Lantern and refers them onward under
// it, closes the case with a move-on plan, and finds the follow-up check-ins in
// "My work". Northern Lantern's caseworker receives the onward referral and
// sees only what the consent covered. Every page on the way is checked with axe.
//
// Both projects share ONE demo server, so every name carries the project's
// name and the time; rows are found by that name or by reference, never by
// position in a list.

import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { goByNav, signIn, signInFromStartPage, signOut } from '../staff';

const HELPER = 'helper@church.example';
const HARBOUR_CASEWORKER = 'caseworker@harbour.example';
const LANTERN_CASEWORKER = 'caseworker@lantern.example';
const HARBOUR = 'Harbour Light Support (fictional)';
const LANTERN = 'Northern Lantern Trust (fictional)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The helper refers `name` to Harbour Light from the staff referral form; returns nothing personal. */
async function helperRefers(page: Page, logins: Record<string, string>, name: string, contact: string): Promise<void> {
  await page.goto('/login?next=/referrals/new%3Fnation%3Dengland_wales%26age%3Dadult');
  await signIn(page, HELPER, logins[HELPER]);
  await expect(page.getByRole('heading', { level: 1, name: 'Refer someone to a support organisation' })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(HARBOUR)}`) }).check();
  await page.getByLabel('Name or the name they want to use').fill(name);
  await page.getByLabel('A safe way to contact them').fill(contact);
  await page.getByLabel('Language they prefer').fill('Albanian');
  await page.getByRole('group', { name: 'How old are they?' }).getByRole('radio', { name: '18 or over' }).check();
  await page.getByLabel('Who did they first turn to for help?').selectOption({ label: 'A faith group' });
  const signs = page.getByRole('group', { name: 'Signs you noticed' });
  await signs.getByRole('checkbox', { name: 'Someone else holds their passport or ID' }).check();
  await signs.getByRole('checkbox', { name: 'They owe a debt (travel, rent, food) they can never pay off' }).check();
  await page.getByRole('checkbox', { name: /the person agreed to be referred/ }).check();
  await page.getByRole('button', { name: 'Send the referral' }).click();
  await expect(page).toHaveURL(/\/referrals\/sent\?sent=1$/);
  await signOut(page);
}

/**
 * On "Referrals received": opens each new referral from `from` until the one for `name` (both projects
 * share the server, so there may be others). Reads only what the caseworker would.
 */
async function openReferralNamed(page: Page, from: string, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals received' })).toBeVisible();
  const rows = page.locator('tbody tr').filter({ hasText: from }).filter({ hasText: 'New' });
  await expect(rows.first()).toBeVisible();
  const hrefs = await rows.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs.reverse()) {
    await page.goto(href);
    if ((await page.locator('#person-name').textContent())?.trim() === name) return;
  }
  throw new Error(`no new referral from ${from} for ${name} in the inbox`);
}

test.describe("a caseworker's day", () => {
  test.describe.configure({ timeout: 300_000 });

  test('sign in with TOTP, open a case from a referral, needs, plan, document, onward referral under consent, close, follow-up', async ({
    page,
    logins,
  }) => {
    const stamp = `${test.info().project.name} ${Date.now()}`;
    const name = `Test Day ${stamp}`;
    const contact = `Canary contact ${stamp}: ring the drop-in on Thursdays`;
    await helperRefers(page, logins, name, contact);

    // 1. Harbour Light's caseworker signs in: password, then a code from the authenticator.
    await signInFromStartPage(page, HARBOUR_CASEWORKER, logins[HARBOUR_CASEWORKER], HARBOUR);
    await expectNoAxeViolations(page);

    // 2. The new referral, from "Referrals received": accept it, which opens the case.
    await goByNav(page, 'Referrals received');
    await openReferralNamed(page, 'St Brigid', name);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accept and open a case' }).click();
    await expect(page).toHaveURL(/\/cases\/[^/]+$/);
    const casePath = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1, name: /^Case opened/ })).toBeVisible();
    await expect(page.locator('#person-name')).toHaveText(name);
    await expectNoAxeViolations(page);

    // 3. Needs.
    await page.getByRole('link', { name: 'Assess needs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Needs assessment' })).toBeVisible();
    await page.getByLabel('Safe housing').selectOption({ label: 'High' });
    await page.getByLabel('Mental health support').selectOption({ label: 'Medium' });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await expect(page).toHaveURL(new RegExp(`${casePath}\\?saved=needs(#.*)?$`));
    const needs = page.getByRole('region', { name: 'Needs', exact: true });
    await expect(needs).toContainText('Safe housing');
    await expect(needs).toContainText('Mental health support');

    // 4. A plan action.
    await page.getByRole('link', { name: 'Add an action to the plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add an action to the support plan' })).toBeVisible();
    await page.getByLabel('What needs to be done').fill(`Find a safe bed ${stamp}`);
    await page.getByLabel('Due date').fill('2027-01-15');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Add the action' }).click();
    await expect(page.getByRole('main')).toContainText(`Find a safe bed ${stamp}`);

    // 5. A document.
    await page.getByRole('link', { name: /^Upload a document/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Upload a document' })).toBeVisible();
    await page.getByLabel('Document').setInputFiles({
      name: 'tenancy-letter.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Letter from the housing office for ${name}\n`),
    });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('main')).toContainText('tenancy-letter.txt');
    await expectNoAxeViolations(page);

    // 6. The person agreed to Northern Lantern knowing who they are, their needs and their documents
    //    (not how to contact them). Before any consent, the page says nothing can be shared.
    await expect(page.locator('#consent-state')).toContainText('No consent to share is recorded');
    await page.getByRole('link', { name: 'See the consents, record one, or refer onward' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Consents and onward referrals' })).toBeVisible();
    await expect(page.locator('#no-consents')).toContainText('nothing can be shared');
    const wouldReceive = page.getByRole('table', { name: 'What each organisation would receive' });
    await expect(wouldReceive.getByRole('row', { name: new RegExp(escapeRegExp(LANTERN)) })).toContainText(
      'No consent covers this organisation',
    );
    await expectNoAxeViolations(page);
    const scopes = page.getByRole('group', { name: 'What may be shared' });
    for (const scope of [/^who they are/, /^their needs$/, /^their documents$/]) await scopes.getByRole('checkbox', { name: scope }).check();
    await expect(scopes.getByRole('checkbox', { name: /^how to contact them/ })).not.toBeChecked();
    await page.getByLabel('With which organisation').selectOption({ label: LANTERN });
    await page.getByLabel('Why it is shared (the purpose)').fill('Counselling in Glasgow, near their sister');
    await page.getByRole('group', { name: 'How consent was given' }).getByRole('radio', { name: 'Through an interpreter' }).check();
    await page.getByRole('button', { name: 'Record the consent' }).click();
    await expect(page.getByRole('status')).toContainText('The consent was recorded.');
    await expect(wouldReceive.getByRole('row', { name: new RegExp(escapeRegExp(LANTERN)) })).toContainText('Identity, Needs, Documents');
    await expectNoAxeViolations(page);

    await page.getByLabel('Refer to').selectOption({ label: LANTERN });
    await page.getByRole('group', { name: /^Under which consent/ }).getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Send the onward referral' }).click();
    await expect(page.getByRole('status')).toContainText('The onward referral was sent');
    const onward = page.getByRole('table', { name: 'Onward referrals from this case, newest first' });
    await expect(onward.getByRole('row').nth(1)).toContainText(LANTERN);
    await expect(onward.getByRole('row').nth(1)).toContainText('Sent, not answered yet');
    await expectNoAxeViolations(page);
    await signOut(page);

    // 7. Northern Lantern receives it: who the person is, their needs and the document; never the contact.
    await signInFromStartPage(page, LANTERN_CASEWORKER, logins[LANTERN_CASEWORKER], LANTERN);
    await goByNav(page, 'Referrals received');
    await openReferralNamed(page, HARBOUR, name);
    await expect(page.locator('#onward-notice')).toContainText(`Onward referral from ${HARBOUR}`);
    await expect(page.getByRole('main')).not.toContainText(contact);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Accept and open a case' }).click();
    await expect(page).toHaveURL(/\/cases\/[^/]+$/);
    await expect(page.locator('#person-name')).toHaveText(name);
    await expect(page.getByRole('region', { name: 'Needs', exact: true })).toContainText('Safe housing');
    await expect(page.getByRole('region', { name: 'Documents', exact: true })).toContainText('tenancy-letter.txt');
    await expect(page.getByRole('main')).not.toContainText(contact);
    await expectNoAxeViolations(page);
    await signOut(page);

    // 8. Back at Harbour Light: the answer is there; close the case with a move-on plan.
    await signInFromStartPage(page, HARBOUR_CASEWORKER, logins[HARBOUR_CASEWORKER], HARBOUR);
    await page.goto(`${casePath}/sharing`);
    await expect(onward.getByRole('row').nth(1)).toContainText('Accepted');
    await page.goto(casePath);
    await expect(page.locator('#consent-state')).toContainText('1 consent to share is in force');
    await page.getByRole('link', { name: /^Close this case/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Close case / })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Close the case and schedule the follow-ups' }).click();
    // Not without a move-on plan.
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
    await expectNoAxeViolations(page);
    const movingOn = `Moving to Glasgow with Northern Lantern ${stamp}; our number stays the same.`;
    await page.getByLabel('Move-on plan').fill(movingOn);
    await page.getByRole('button', { name: 'Close the case and schedule the follow-ups' }).click();
    await expect(page).toHaveURL(new RegExp(`${casePath}\\?saved=closed$`));
    await expect(page.locator('#case-closed')).toBeVisible();
    await expect(page.locator('#move-on-plan')).toHaveText(movingOn);
    await expect(page.locator('#follow-ups li')).toHaveCount(3);
    await expectNoAxeViolations(page);

    // 9. The follow-up check-ins are in "My work" without anyone having to remember them.
    await goByNav(page, 'My work');
    await expect(page.getByRole('heading', { level: 1, name: /^Signed in as / })).toBeVisible();
    const tasks = page.locator('tbody tr').filter({ has: page.locator(`a[href="${casePath}"]`) });
    await expect(tasks.filter({ hasText: 'Follow-up check-in (1 month after closing)' })).toHaveCount(1);
    await expect(tasks.filter({ hasText: 'Follow-up check-in (3 months after closing)' })).toHaveCount(1);
    await expect(tasks.filter({ hasText: 'Follow-up check-in (6 months after closing)' })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await signOut(page);
  });
});
