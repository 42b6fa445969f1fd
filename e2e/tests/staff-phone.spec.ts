// Staff pages on a phone (issue 13): at 390 px no page is wider than the
// screen. A table wider than a phone scrolls inside its own box (which takes
// keyboard focus), never the page.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { signInFromStartPage } from '../staff';

const DUTY = 'duty@harbour.example';
const HARBOUR = 'Harbour Light Support (fictional)';

test('a caseworker’s pages fit a 390 px phone', async ({ page, logins }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/');
  await signInFromStartPage(page, DUTY, logins[DUTY], HARBOUR);
  for (const path of ['/staff', '/inbox', '/cases', '/cases/search', '/referrals/sent', '/notifications']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(wider, `${path} at 390 px: wider than the screen by`).toBeLessThanOrEqual(0);
    for (const box of await page.locator('.table-scroll').all()) {
      await expect(box).toHaveAttribute('tabindex', '0');
    }
  }
  await page.goto('/inbox');
  await expectNoAxeViolations(page);
});
