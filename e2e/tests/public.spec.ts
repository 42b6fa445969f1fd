// The public pages are what someone at risk, or a helper on a shared or
// watched phone, may open. Every one of them, in every language (en sq ar fa
// ro ti vi): the start page, "Your rights", "Support", "Privacy", the screening and its
// outcome, "Ask for help" and its first question, and "Read replies"; and the
// staff sign-in page. For each page load, in both projects:
//   - no response sets a cookie (nothing identifies the visitor);
//   - no request leaves Waymark's origin, and no URL of another origin is in
//     the HTML or CSS but the "Exit this page" link (no fonts, analytics or
//     CDNs that would tell a third party someone looked). We never follow
//     that link here: it is the one that leaves, on purpose;
//   - every response carries the security headers, and pages `no-store`;
//   - the first load (HTML, CSS, JS, images, fonts: the sum of the response
//     bodies, with the browser cache off) is at most 30 KB, for slow and
//     prepaid connections; the sizes are printed;
//   - axe finds no violation: every language with JavaScript on; English and
//     Arabic (right-to-left) with it off too.
// One test per language, one page load per page, in one browser context.
// And: `/` and `/screening` go to the browser's language; with JavaScript on,
// Shift pressed three times leaves at once.

import type { Page, Request, Response } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { LANGUAGES, RTL, literal, reviewed, tr, type Lang } from '../locales';

const MAX_FIRST_LOAD_BYTES = 30 * 1024;
const EXIT_URL = 'https://www.bbc.co.uk/weather';
const EXIT_HOST = new URL(EXIT_URL).host;
/** Languages checked with axe in the js-off project too (every language is, in js-on). */
const AXE_WITHOUT_JS: readonly Lang[] = ['en', 'ar'];

/** Headers every response must carry (name → value, or a pattern for it). */
const SECURITY_HEADERS: Record<string, string | RegExp> = {
  'content-security-policy': /^default-src 'self';.*frame-ancestors 'none'/,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function origin(): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('no baseURL: run through playwright.config.ts');
  return new URL(base).origin;
}

/** Absolute and protocol-relative URLs in a text (HTML or CSS). */
function absoluteUrls(text: string): string[] {
  return Array.from(text.matchAll(/(?:\b[a-z][a-z0-9+.-]*:)?\/\/[a-z0-9[][^\s"'<>()]*/gi), (m) => m[0]).filter(
    (url) => !/^(tel|mailto):/i.test(url),
  );
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The largest first load seen in this worker, for the summary line. */
const largest = { bytes: 0, what: '' };

/**
 * Watches every request the page makes: `load` runs one page load and checks
 * everything it fetched (see the top of this file), and returns its size.
 */
async function watch(page: Page) {
  const home = origin();
  const all: Request[] = [];
  page.on('request', (request) => all.push(request));
  // First load: nothing from the HTTP cache (Chromium's DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  return {
    /**
     * Runs `navigate` (a goto, or a click that submits a form), waits for the
     * page's level-1 heading and its load event, and checks every request
     * made since. Returns the main document's response.
     */
    async load(what: string, navigate: () => Promise<unknown>, heading: string): Promise<Response> {
      const since = all.length;
      await navigate();
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
      await page.waitForLoadState('load');
      const requests = all.slice(since);

      const offsite = requests.map((r) => r.url()).filter((url) => new URL(url).origin !== home);
      expect(offsite, `${what}: requests that left ${home}`).toEqual([]);

      let total = 0;
      let document: Response | null = null;
      const parts: string[] = [];
      for (const request of requests) {
        const response = await request.response();
        expect(response, `${what}: no response for ${request.url()}`).not.toBeNull();
        const headers = await response!.allHeaders();
        expect(headers['set-cookie'], `${what}: Set-Cookie on ${request.url()}`).toBeUndefined();
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          expect(headers[name], `${what}: ${name} on ${request.url()}`).toMatch(
            typeof value === 'string' ? new RegExp(`^${literal(value).source}$`) : value,
          );
        }
        await response!.finished();
        const type = request.resourceType();
        // A form answered with a redirect (POST, then 303 to the next question's GET page) has headers
        // to check but no body: the page is the GET that follows.
        const redirect = response!.status() >= 300 && response!.status() < 400;
        if (redirect) {
          expect(type, `${what}: a redirect of ${request.url()}`).toBe('document');
          parts.push(`${new URL(request.url()).pathname} ${response!.status()}`);
          continue;
        }
        if (type === 'document' || type === 'stylesheet') {
          const text = await response!.text();
          const foreign = absoluteUrls(text).filter((url) => {
            try {
              return new URL(url, home).origin !== home;
            } catch {
              return true;
            }
          });
          // The one link that leaves is "Exit this page", once, on every page — except the questions of
          // "Ask for help", where it first goes through /{lang}/help/exit to forget the answers.
          const question = /\/help\/question\?/.test(request.url());
          expect(foreign, `${what}: URLs of another origin in ${request.url()}`).toEqual(
            type === 'document' && !question ? [EXIT_URL] : [],
          );
          if (question) expect(text).toMatch(/id="exit-this-page" href="\/[a-z]{2}\/help\/exit\?d=[A-Za-z0-9_-]{43}"/);
        }
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
          document = response;
          expect(headers['cache-control'], `${what}: Cache-Control of the page`).toBe('no-store');
        }
        const { responseBodySize } = await request.sizes();
        total += responseBodySize;
        parts.push(`${new URL(request.url()).pathname} ${responseBodySize} B`);
      }
      expect(document, `${what}: no page was loaded`).not.toBeNull();

      const line = `[${test.info().project.name}] ${what}: first load ${total} B (${kb(total)}) = ${parts.join(' + ')}`;
      console.log(line);
      if (total > largest.bytes) Object.assign(largest, { bytes: total, what: `${what} [${test.info().project.name}]` });
      expect(total, `first load of ${what}`).toBeLessThanOrEqual(MAX_FIRST_LOAD_BYTES);
      return document!;
    },
  };
}

/** What every public page in `lang` shows: its language and direction, "Exit this page", the review note. */
async function expectPublicFrame(page: Page, lang: Lang): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', RTL.includes(lang) ? 'rtl' : 'ltr');
  const exit = page.getByRole('link', { name: tr(lang, 'exit-page'), exact: true });
  // On the questions of "Ask for help" it first forgets the answers (/{lang}/help/exit), then leaves.
  const question = new URL(page.url()).pathname === `/${lang}/help/question`;
  await expect(exit).toHaveAttribute(
    'href',
    question ? new RegExp(`^/${lang}/help/exit\\?d=[A-Za-z0-9_-]{43}$`) : EXIT_URL,
  );
  await expect(page.getByRole('contentinfo')).toContainText(tr(lang, 'exit-advice'));
  if (reviewed(lang)) {
    await expect(page.getByRole('note')).toHaveCount(0);
  } else {
    await expect(page.getByRole('note')).toHaveText(tr(lang, 'translation-note'));
  }
}

/** The language picker names every language in itself and links to `path` in it. */
async function expectLanguagePicker(page: Page, lang: Lang, path: string): Promise<void> {
  const picker = page.getByRole('navigation', { name: tr(lang, 'language-picker'), exact: true });
  await expect(picker.getByRole('listitem')).toHaveCount(LANGUAGES.length);
  await expect(picker.getByRole('link')).toHaveCount(LANGUAGES.length - 1);
  for (const other of LANGUAGES) {
    const name = tr(other, 'language-name');
    if (other === lang) {
      await expect(picker.locator('[aria-current="true"]')).toHaveText(name);
      await expect(picker.locator('[aria-current="true"]')).toHaveAttribute('lang', lang);
    } else {
      const link = picker.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('href', `/${other}${path}`);
      await expect(link).toHaveAttribute('lang', other);
    }
  }
}

test.describe('public pages', () => {
  test.afterAll(() => {
    if (largest.bytes > 0) console.log(`largest first load: ${kb(largest.bytes)} (${largest.bytes} B), ${largest.what}`);
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: every public page — no cookie, nothing off-site, security headers, first load ≤ 30 KB, axe clean`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const t = (id: string, args?: Record<string, string | number>) => tr(lang, id, args);
      const jsOn = test.info().project.use.javaScriptEnabled !== false;
      const axe = jsOn || AXE_WITHOUT_JS.includes(lang);
      const watcher = await watch(page);
      const checked = async () => {
        await expectPublicFrame(page, lang);
        if (axe) await expectNoAxeViolations(page);
      };

      // The start page.
      let response = await watcher.load(`/${lang}/`, () => page.goto(`/${lang}/`), t('home-title'));
      expect(response.status()).toBe(200);
      await expectLanguagePicker(page, lang, '/');
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: t('home-self-ask'), exact: true })).toHaveAttribute('href', `/${lang}/help`);
      await expect(main.getByRole('link', { name: t('home-self-codename'), exact: true })).toHaveAttribute(
        'href',
        `/${lang}/replies`,
      );
      await checked();

      // Your rights: the defence in each nation's law, whatever the person's status.
      response = await watcher.load(`/${lang}/rights`, () => page.goto(`/${lang}/rights`), t('rights-title'));
      expect(response.status()).toBe(200);
      await expectLanguagePicker(page, lang, '/rights');
      for (const nation of ['england_wales', 'scotland', 'northern_ireland']) {
        await expect(main).toContainText(t(`rights-defence-${nation}`));
      }
      await expect(main.getByRole('heading', { level: 2, name: t('rights-police-heading'), exact: true })).toBeVisible();
      await checked();

      // Support: every nation's helplines.
      response = await watcher.load(`/${lang}/support`, () => page.goto(`/${lang}/support`), t('support-title'));
      expect(response.status()).toBe(200);
      for (const nation of ['england_wales', 'scotland', 'northern_ireland']) {
        await expect(
          main.getByRole('heading', { level: 2, name: t('helplines-heading', { nation: t(`nation-${nation}`) }), exact: true }),
        ).toBeVisible();
      }
      await checked();

      // Privacy: who runs the service (the demo's fictional operator), named in every footer too.
      response = await watcher.load(`/${lang}/privacy`, () => page.goto(`/${lang}/privacy`), t('privacy-title'));
      expect(response.status()).toBe(200);
      await expect(page.locator('#privacy-operator')).toContainText('Waymark demo (a fictional operator)');
      await expect(page.locator('#operator')).toContainText('privacy@waymark-demo.example');
      await checked();

      // The screening, then its outcome (a form post: one more page load).
      response = await watcher.load(`/${lang}/screening`, () => page.goto(`/${lang}/screening`), t('screening-title'));
      expect(response.status()).toBe(200);
      await checked();
      await page.getByRole('group', { name: t('screening-danger'), exact: true }).getByRole('radio', { name: t('answer-no'), exact: true }).check();
      await page.getByRole('group', { name: t('screening-age'), exact: true }).getByRole('radio', { name: t('age-adult'), exact: true }).check();
      await page
        .getByRole('group', { name: t('screening-signs'), exact: true })
        .getByRole('checkbox', { name: t('indicator-retention_of_documents'), exact: true })
        .check();
      await page
        .getByRole('group', { name: t('screening-nation'), exact: true })
        .getByRole('radio', { name: t('nation-england_wales'), exact: true })
        .check();
      response = await watcher.load(
        `/${lang}/screening outcome (POST)`,
        () => page.getByRole('button', { name: t('screening-submit'), exact: true }).click(),
        t('outcome-possible_trafficking-title'),
      );
      expect(response.request().method()).toBe('POST');
      expect(response.status()).toBe(200);
      await expect(main.getByRole('link', { name: t('outcome-self'), exact: true })).toHaveAttribute(
        'href',
        `/${lang}/help?nation=england_wales&age=adult`,
      );
      await expect(main.getByRole('link', { name: t('outcome-helper'), exact: true })).toHaveAttribute(
        'href',
        '/referrals/new?nation=england_wales&age=adult&indicators=retention_of_documents',
      );
      await expect(
        main.getByRole('heading', { level: 2, name: t('helplines-heading', { nation: t('nation-england_wales') }), exact: true }),
      ).toBeVisible();
      await checked();

      // Ask for help, and its first question (a form post).
      response = await watcher.load(`/${lang}/help`, () => page.goto(`/${lang}/help`), t('help-title'));
      expect(response.status()).toBe(200);
      await checked();
      response = await watcher.load(
        `/${lang}/help question 1 (POST, then GET)`,
        () => page.getByRole('button', { name: t('help-start'), exact: true }).click(),
        t('help-nation'),
      );
      // The answer is posted once; the question is a GET page of its own, so Back never re-posts.
      expect(response.request().method()).toBe('GET');
      expect(response.request().redirectedFrom()?.method()).toBe('POST');
      expect(response.status()).toBe(200);
      await expect(main.getByText(t('help-progress', { step: 1, total: 8 }), { exact: true })).toBeVisible();
      await expect(page.getByRole('group', { name: t('help-nation'), exact: true }).getByRole('radio')).toHaveCount(3);
      await checked();

      // Read replies: the codename form.
      response = await watcher.load(`/${lang}/replies`, () => page.goto(`/${lang}/replies`), t('channel-title'));
      expect(response.status()).toBe(200);
      await expect(page.getByRole('textbox', { name: t('channel-codename'), exact: true })).toBeEditable();
      await checked();
    });
  }

  test('/login: no cookie, nothing off-site, security headers, first load ≤ 30 KB, axe clean', async ({ page }) => {
    const watcher = await watch(page);
    const response = await watcher.load('/login', () => page.goto('/login'), 'Sign in');
    expect(response.status()).toBe(200);
    await expectNoAxeViolations(page);
  });

  test('/ and /screening go to the first of the browser’s languages that Waymark has, else English', async ({ page }) => {
    const cases: [string, string, string][] = [
      ['/', 'ar-EG,ar;q=0.9,en;q=0.5', '/ar/'],
      ['/', 'de-DE,de;q=0.9,vi;q=0.8,en;q=0.5', '/vi/'],
      ['/', 'de-DE,fr;q=0.5', '/en/'],
      ['/screening', 'sq-AL', '/sq/screening'],
      ['/screening', 'fa-IR,ti;q=0.9', '/fa/screening'],
    ];
    for (const [path, acceptLanguage, location] of cases) {
      const response = await page.request.get(path, { headers: { 'accept-language': acceptLanguage }, maxRedirects: 0 });
      expect(response.status(), `${path} with Accept-Language: ${acceptLanguage}`).toBe(303);
      expect(response.headers()['location'], `${path} with Accept-Language: ${acceptLanguage}`).toBe(location);
      expect(response.headers()['set-cookie']).toBeUndefined();
      expect(response.headers()['cache-control']).toBe('no-store');
    }
    // The browser (English) follows it.
    await page.goto('/screening');
    await expect(page).toHaveURL(/\/en\/screening$/);
    await expect(page.getByRole('heading', { level: 1, name: tr('en', 'screening-title'), exact: true })).toBeVisible();
  });

  test('Shift pressed three times on /en/screening leaves the page (JavaScript on)', async ({ page }) => {
    test.skip(test.info().project.name !== 'js-on', 'the Shift shortcut needs JavaScript; the "Exit this page" link works without');
    const home = origin();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // The exit target never reaches the network: the browser gets a stand-in.
    await page.route(`https://${EXIT_HOST}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/plain', body: 'left' }),
    );
    await page.goto('/en/screening');
    await expect(page.getByRole('heading', { level: 1, name: tr('en', 'screening-title'), exact: true })).toBeVisible();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL((url) => url.host === EXIT_HOST);
    expect(new URL(page.url()).host).toBe(EXIT_HOST);
    await expect(page.locator('body')).toHaveText('left');
    // Nothing else left the origin on the way.
    expect(requests.filter((url) => new URL(url).origin !== home && new URL(url).host !== EXIT_HOST)).toEqual([]);
  });
});
