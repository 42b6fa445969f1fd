// The public pages — the start page, the screening form and its outcome, the
// sign-in page — are what someone at risk, or a helper on a shared or watched
// phone, may open. For each, in both projects:
//   - no response sets a cookie (nothing identifies the visitor);
//   - no request leaves Waymark's origin (no fonts, analytics or CDNs that
//     would tell a third party someone looked). We never follow "Exit this
//     page" here: it is the one link that leaves, on purpose;
//   - the first load (HTML, CSS, JS: the sum of the response bodies, with the
//     browser cache off) is at most 30 KB, for slow and prepaid connections.
// And, with JavaScript on, the quick exit: Shift pressed three times leaves.

import type { Page, Request } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';

const MAX_FIRST_LOAD_BYTES = 30 * 1024;
const EXIT_HOST = 'www.bbc.co.uk';

function baseURL(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('no baseURL: run through playwright.config.ts');
  return base.replace(/\/+$/, '') + '/';
}

/**
 * Watches every request the page makes from now on: fails (at `check`) on any
 * that leaves the origin or any response with Set-Cookie, and sums the
 * response body sizes of the requests made since `mark()`.
 */
async function watch(page: Page) {
  const origin = baseURL();
  const all: Request[] = [];
  let since = 0;
  page.on('request', (request) => all.push(request));
  // First load: nothing from the HTTP cache (Chromium's DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    /** Start counting a new page load here. */
    mark() {
      since = all.length;
    },
    async check(what: string): Promise<number> {
      await page.waitForLoadState('load');
      const offsite = all.map((r) => r.url()).filter((url) => !url.startsWith(origin));
      expect(offsite, `requests that left ${origin}`).toEqual([]);
      const lines: string[] = [];
      let total = 0;
      for (const request of all.slice(since)) {
        const response = await request.response();
        expect(response, `no response for ${request.url()}`).not.toBeNull();
        expect(await response!.headerValue('set-cookie'), `Set-Cookie on ${request.url()}`).toBeNull();
        await response!.finished();
        const { responseBodySize } = await request.sizes();
        total += responseBodySize;
        lines.push(`${request.method()} ${new URL(request.url()).pathname} ${response!.status()}: ${responseBodySize} B`);
      }
      const summary = `${what} [${test.info().project.name}] first load ${total} B (${(total / 1024).toFixed(1)} KB):\n  ${lines.join('\n  ')}`;
      console.log(summary);
      await test.info().attach(`first load of ${what}`, { body: summary, contentType: 'text/plain' });
      expect(total, `first load of ${what}`).toBeLessThanOrEqual(MAX_FIRST_LOAD_BYTES);
      return total;
    },
  };
}

const PAGES: { path: string; heading: string }[] = [
  { path: '/', heading: 'Help someone into safe support' },
  { path: '/screening', heading: 'Check a concern' },
  { path: '/login', heading: 'Sign in' },
];

test.describe('public pages', () => {
  for (const { path, heading } of PAGES) {
    test(`${path}: no cookie, nothing off-site, first load ≤ 30 KB, axe clean`, async ({ page }) => {
      const watcher = await watch(page);
      const response = await page.goto(path);
      expect(response!.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await watcher.check(path);
      await expectNoAxeViolations(page);
    });
  }

  test('the screening outcome: no cookie, nothing off-site, first load ≤ 30 KB, axe clean', async ({ page }) => {
    const watcher = await watch(page);
    await page.goto('/screening');
    await page.getByRole('group', { name: 'Is anyone in danger right now?' }).getByRole('radio', { name: 'No' }).check();
    await page.getByRole('group', { name: 'How old is the person?' }).getByRole('radio', { name: '18 or over' }).check();
    await page.getByRole('checkbox', { name: 'Someone else holds their passport or ID' }).check();
    await page.getByRole('group', { name: 'Where in the UK are they?' }).getByRole('radio', { name: 'England and Wales' }).check();
    watcher.mark();
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/screening'));
    await page.getByRole('button', { name: 'See what to do' }).click();
    const response = await posted;
    expect(response.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'This may be trafficking or modern slavery' })).toBeVisible();
    await watcher.check('the screening outcome (POST /screening)');
    await expectNoAxeViolations(page);
  });

  test('Shift pressed three times on /screening leaves the page (JavaScript on)', async ({ page }) => {
    test.skip(test.info().project.name !== 'js-on', 'the Shift shortcut needs JavaScript; the "Exit this page" link works without');
    const origin = baseURL();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // The exit target never reaches the network: the browser gets a stand-in.
    await page.route(`https://${EXIT_HOST}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'left' }),
    );
    await page.goto('/screening');
    await expect(page.getByRole('heading', { level: 1, name: 'Check a concern' })).toBeVisible();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL((url) => url.host === EXIT_HOST);
    expect(new URL(page.url()).host).toBe(EXIT_HOST);
    await expect(page.locator('body')).toHaveText('left');
    // Nothing else left the origin on the way.
    expect(requests.filter((url) => !url.startsWith(origin) && new URL(url).host !== EXIT_HOST)).toEqual([]);
  });
});
