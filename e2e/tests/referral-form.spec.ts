// The helper's referral form shows every problem at once: one error summary
// whose links move focus to each field, the same message next to the field,
// no axe violations on the error page; then, filled in, it sends.
//
// Never sign in with a wrong password here: 5 of them lock a demo account.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { signIn } from '../staff';

const HELPER = 'helper@church.example';
const HARBOUR = 'Harbour Light Support (fictional)';

test('an empty referral shows every error at once, each leading to its field, then sends', async ({ page, logins }) => {
  await page.goto('/login?next=/referrals/new');
  await signIn(page, HELPER, logins[HELPER]);
  await expect(page).toHaveURL(/\/referrals\/new/);
  await page.getByRole('button', { name: 'Send the referral' }).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeVisible();
  const expected: [RegExp, string][] = [
    [/Choose the support organisation/, 'to_organisation'],
    [/Enter the person’s name|Enter the person's name/, 'name'],
    [/Enter a safe way to contact them/, 'contact'],
    [/Enter the language they prefer/, 'language'],
    [/Choose the person’s age|Choose the person's age/, 'age'],
    [/informed consent/, 'consent_given'],
  ];
  await expect(summary.getByRole('link')).toHaveCount(expected.length);
  for (const [name, id] of expected) {
    const link = summary.getByRole('link', { name });
    await expect(link).toHaveAttribute('href', `#${id}`);
    await expect(page.locator(`#${id}-error`)).toBeVisible();
    await link.click();
    await expect(page.locator(`#${id}`)).toBeFocused();
  }
  await expect(page.getByLabel('Name or the name they want to use')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  const name = `Test Form ${test.info().project.name} ${Date.now()}`;
  await page.getByRole('radio', { name: new RegExp(HARBOUR.split(' (')[0]) }).check();
  await page.getByLabel('Name or the name they want to use').fill(name);
  await page.getByLabel('A safe way to contact them').fill('Through the drop-in, Tuesdays');
  await page.getByLabel('Language they prefer').fill('Tigrinya');
  await page.getByRole('radio', { name: '18 or over', exact: true }).check();
  await page.getByLabel(/the person agreed to be referred/).check();
  await page.getByRole('button', { name: 'Send the referral' }).click();
  await expect(page).toHaveURL(/\/referrals\/sent\?sent=1/);
});
