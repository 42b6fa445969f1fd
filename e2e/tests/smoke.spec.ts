import { test, expect } from '../fixtures';
import { tr } from '../locales';

test('the server answers /healthz', async ({ page }) => {
  const response = await page.goto('/healthz');
  expect(response, 'no response for /healthz').not.toBeNull();
  expect(response!.status()).toBe(200);
});

test('/ leads to the start page in the browser’s language (English here)', async ({ page }) => {
  const response = await page.goto('/');
  expect(response, 'no response for /').not.toBeNull();
  expect(response!.status()).toBe(200);
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('heading', { level: 1, name: tr('en', 'home-title'), exact: true })).toBeVisible();
});
