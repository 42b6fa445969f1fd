// Import `test` and `expect` from here in every spec:
//
//     import { test, expect, expectNoAxeViolations } from '../fixtures';
//
//     test('home page', async ({ page, logins }) => { ... });
//
// `logins` maps each demo account's email to its one-time password, as
// printed by `waymark demo` (see global-setup.ts); `demoAccounts` lists them
// with their role and organisation.

import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { DemoAccount, RunInfo } from './global-setup';

export type { DemoAccount, RunInfo };

let cached: RunInfo | null = null;

/** What global-setup.ts recorded about the running demo server. */
export function runInfo(): RunInfo {
  if (cached !== null) return cached;
  const file = process.env.WAYMARK_LOGINS_FILE;
  if (!file) {
    throw new Error('WAYMARK_LOGINS_FILE is not set: the tests must run through playwright.config.ts (global-setup.ts)');
  }
  cached = JSON.parse(readFileSync(file, 'utf8')) as RunInfo;
  return cached;
}

// Whether the current test's browser context runs the page's JavaScript
// (the js-on and js-off projects); set by the auto fixture below.
let javaScriptEnabledInThisTest = true;

export const test = base.extend<{
  logins: Record<string, string>;
  demoAccounts: DemoAccount[];
  _recordJavaScriptEnabled: void;
}>({
  logins: async ({}, use) => {
    const { logins } = runInfo();
    if (Object.keys(logins).length === 0) {
      throw new Error('`waymark demo` printed no "login: EMAIL PASSWORD" lines, so there are no logins to use');
    }
    await use(logins);
  },
  demoAccounts: async ({}, use) => {
    await use(runInfo().accounts);
  },
  _recordJavaScriptEnabled: [
    async ({ javaScriptEnabled }, use) => {
      javaScriptEnabledInThisTest = javaScriptEnabled !== false;
      await use();
    },
    { auto: true },
  ],
});

export { expect };

/** The WCAG levels every page must meet. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeOptions {
  /** Only check inside this selector. */
  include?: string;
  /** Leave these selectors out. */
  exclude?: string[];
  /** Rule ids to turn off; say why in the spec. */
  disableRules?: string[];
}

/** The page js-off snapshots are loaded in, one per browser (see jsOffSnapshot). */
interface SnapshotPage {
  page: Page;
  /** The HTML the next navigation of `page` is answered with. */
  html: string;
}
const snapshotPages = new WeakMap<Browser, Promise<SnapshotPage>>();

async function openSnapshotPage(browser: Browser): Promise<SnapshotPage> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  const snapshot: SnapshotPage = { page, html: '' };
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        body: snapshot.html,
      });
    } else if (request.resourceType() === 'script') {
      await route.abort();
    } else {
      await route.continue();
    }
  });
  return snapshot;
}

/**
 * axe-core needs the page's JavaScript event loop, which a js-off context
 * doesn't run (its evaluations that wait on a timer never finish). There we
 * check a copy instead: the DOM exactly as the js-off browser built it
 * (<noscript> content included, as plain elements) loaded at the same URL
 * (without its #fragment) in a JS-enabled context with the same cookies and
 * viewport, where a CSP header keeps the page's own scripts from running and
 * changing it. That context and page are opened once per browser and reused
 * (a new context for every check cost a second each on a 2-core machine); its
 * cookies are replaced with the checked page's before each load.
 */
async function jsOffSnapshot(page: Page): Promise<{ page: Page; close: () => Promise<void> }> {
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const noscript of Array.from(root.querySelectorAll('noscript'))) {
      const div = document.createElement('div');
      for (const attribute of Array.from(noscript.attributes)) div.setAttribute(attribute.name, attribute.value);
      div.setAttribute('data-axe-was-noscript', '');
      div.append(...Array.from(noscript.childNodes));
      noscript.replaceWith(div);
    }
    return (document.doctype ? '<!DOCTYPE html>\n' : '') + root.outerHTML;
  });
  const url = new URL(page.url());
  url.hash = '';
  const browser = page.context().browser();
  if (browser === null) throw new Error('expectNoAxeViolations: the page has no browser to open a copy in');
  let opening = snapshotPages.get(browser);
  if (opening === undefined) {
    opening = openSnapshotPage(browser);
    snapshotPages.set(browser, opening);
  }
  const snapshot = await opening;
  const copy = snapshot.page;
  await copy.context().clearCookies();
  const { cookies } = await page.context().storageState();
  if (cookies.length > 0) await copy.context().addCookies(cookies);
  const viewport = page.viewportSize();
  if (viewport) await copy.setViewportSize(viewport);
  snapshot.html = html;
  await copy.goto(url.href, { waitUntil: 'load' });
  return { page: copy, close: async () => {} };
}

/**
 * Runs axe-core on the page as it is now and fails, listing each violation's
 * id, help text and offending nodes, if it finds any. Works in both projects
 * (see jsOffSnapshot for js-off).
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  const target = javaScriptEnabledInThisTest ? { page, close: async () => {} } : await jsOffSnapshot(page);
  let violations;
  try {
    // Legacy mode: axe runs in the page itself, injected once. Waymark's pages have no frames, so the
    // default (axe.runPartial in each frame, then a blank page to combine the results) would only cost
    // a second page and a second injection per check.
    let builder = new AxeBuilder({ page: target.page }).withTags(AXE_TAGS).setLegacyMode(true);
    if (options.include) builder = builder.include(options.include);
    for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
    if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
    ({ violations } = await builder.analyze());
  } finally {
    await target.close();
  }
  const report = violations.map((violation) => {
    const nodes = violation.nodes.map((node) => `    - ${node.target.join(' ')}`).join('\n');
    return `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
  });
  const where = `${page.url()}${javaScriptEnabledInThisTest ? '' : ' (JavaScript off)'}`;
  expect(violations.length, `${violations.length} accessibility violation(s) on ${where}:\n${report.join('\n')}`).toBe(0);
}
