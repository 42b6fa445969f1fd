import { defineConfig } from '@playwright/test';

// Waymark's browser tests. Run them with `cargo xtask e2e` (or as part of
// `cargo xtask test`), which builds the binary, installs Debian's Chromium
// and the npm packages, and sets WAYMARK_BIN.
//
// global-setup.ts starts `$WAYMARK_BIN demo` on a free port with a fresh data
// directory and puts its address in WAYMARK_BASE_URL before the workers
// start; the workers load this file again and so see it as `baseURL`.

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The spec that uses up 127.0.0.1's codename guesses: see the projects below. */
const GUESS_LIMIT = /zz-guess-limit\.spec\.ts$/;

/** The specs that move the server's clock forward (clock.ts): they run after all the others. */
const DECISIONS = /decisions\.spec\.ts$/;

export default defineConfig({
  testDir: './tests',
  // 2-core machines: one browser at a time, tests in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL: process.env.WAYMARK_BASE_URL,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // Debian's Chromium as root, on a machine with no network but loopback:
      // no sandbox, and none of the background traffic it would try to send.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
  // Every spec runs twice, with JavaScript on and off — but the codename
  // guess limit's. That limit is per client address, every test comes from
  // 127.0.0.1 to the one shared server, and 10 wrong guesses lock the channel
  // for 15 minutes, right codenames included: so it runs once (JavaScript
  // on), in a project of its own that starts only when both others are done.
  // (One worker runs a whole project's files before the next project's, so a
  // spec named to sort last in js-on would still run before js-off's.)
  projects: [
    { name: 'js-on', testIgnore: [GUESS_LIMIT, DECISIONS], use: { javaScriptEnabled: true } },
    { name: 'js-off', testIgnore: [GUESS_LIMIT, DECISIONS], use: { javaScriptEnabled: false } },
    // Moving the server's clock by a month ends every session and moves every
    // due date, so these run once the specs above are done (and before the
    // guess limit's, which does not mind the clock).
    {
      name: 'decisions-js-on',
      testMatch: DECISIONS,
      dependencies: ['js-on', 'js-off'],
      use: { javaScriptEnabled: true },
    },
    {
      name: 'decisions-js-off',
      testMatch: DECISIONS,
      dependencies: ['decisions-js-on'],
      use: { javaScriptEnabled: false },
    },
    {
      name: 'guess-limit',
      testMatch: GUESS_LIMIT,
      dependencies: ['decisions-js-off'],
      use: { javaScriptEnabled: true },
    },
  ],
});
