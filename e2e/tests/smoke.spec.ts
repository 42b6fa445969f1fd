import { test, expect } from '../fixtures';

test('the server answers /healthz', async ({ page }) => {
  const response = await page.goto('/healthz');
  expect(response, 'no response for /healthz').not.toBeNull();
  expect(response!.status()).toBe(200);
});
