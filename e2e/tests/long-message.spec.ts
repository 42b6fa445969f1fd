// A survivor who types 5,000 characters into a field that holds 4,000 can
// always finish (issue 13): the limit is shown before typing, the page they
// typed it on says so at once, with the count, the error linked to the field
// and everything typed kept; they shorten it and send.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { tr } from '../locales';
import { selfRefer } from '../person';

test('a survivor who types 5,000 characters is told on that page, shortens it and sends', async ({ page }) => {
  test.setTimeout(120_000);
  const t = (id: string, args?: Record<string, string | number>) => tr('en', id, args);
  const long = 'x'.repeat(5000);
  let toldOnItsPage = false;
  const codename = await selfRefer(page, 'Leeds', `Test Long ${Date.now()}`, 'Harbour Light Support (fictional)', 'en', async (what) => {
    if (what !== 'question 7') return;
    const message = page.getByRole('textbox', { name: `${t('help-message')} ${t('optional')}`, exact: true });
    await expect(page.locator('#message-hint')).toHaveText(t('help-limit', { max: 4000 }));
    await message.fill(long);
    await page.getByRole('button', { name: t('continue'), exact: true }).click();
    // Still question 7, told why, the error linked to the field, and nothing lost.
    await expect(page.getByText(t('help-progress', { step: 7, total: 8 }), { exact: true })).toBeVisible();
    const summary = page.getByRole('alert').filter({ hasText: t('error-summary-title') });
    const link = summary.getByRole('link', { name: t('help-too-long', { count: 5000, max: 4000 }), exact: true });
    await expect(link).toHaveAttribute('href', '#message');
    await expect(message).toHaveValue(long);
    await expectNoAxeViolations(page);
    await message.fill('I need somewhere safe to stay. I can talk after six.');
    toldOnItsPage = true;
  });
  expect(toldOnItsPage, 'question 7 was reached').toBe(true);
  expect(codename.split(' ')).toHaveLength(7);
});
