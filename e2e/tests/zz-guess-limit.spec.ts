// Wrong codenames are limited per client: 10 wrong guesses in any 15 minutes
// (crates/domain/src/guess_limit.rs), then "Too many tries" (429) — on the
// pages and in the API alike, since they share one limiter. Right codenames
// are not counted.
//
// The limit is per client address, and every browser test comes from
// 127.0.0.1 to the one demo server both projects share. So this runs ONCE,
// with JavaScript on, in its own project ("guess-limit" in
// playwright.config.ts) that depends on js-on and js-off: it starts only
// after every other test — each that reads replies with a right codename —
// has run, and nothing after it guesses. It is serial, and it must stay the
// only place that types a wrong codename.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { tr } from '../locales';

test.describe.configure({ mode: 'serial' });

const PER_CLIENT = 10;
const HARBOUR = 'Harbour Light Support (fictional)';
const t = (id: string, args?: Record<string, string | number>) => tr('en', id, args);

/** Sends a real self-referral (by the API) and returns its codename: for the close guess, and to show the lock holds for it too. */
async function realCodename(request: import('@playwright/test').APIRequestContext): Promise<string> {
  // Harbour Light's id, as question 8 of "Ask for help" offers it.
  const page8 = await request.post('/en/help', {
    form: { step: '7', go: 'next', nation: 'england_wales', area: 'Leeds', age: 'adult', needs: 'safe_housing', urgency: 'this_week', language: 'English' },
  });
  expect(page8.status()).toBe(200);
  const html = await page8.text();
  const harbour = new RegExp(`id="org-([^"]+)"[^>]*>\\s*<label[^>]*><strong>${HARBOUR.replace(/[()]/g, '\\$&')}</strong>`).exec(html);
  expect(harbour, 'Harbour Light is offered on question 8').not.toBeNull();
  const created = await request.post('/api/v1/self-referrals', {
    data: {
      to_organisation: harbour![1],
      nation: 'england_wales',
      area: 'Leeds',
      needs: ['safe_housing'],
      language: 'English',
      urgency: 'not_urgent',
      age: 'adult',
      consent: { given: true },
    },
  });
  expect(created.status()).toBe(201);
  const { codename } = (await created.json()) as { codename: string };
  expect(codename.split(' ')).toHaveLength(7);
  return codename;
}

test('12 wrong codenames on /en/replies: 10 times "nothing found" (404), then "Too many tries" (429)', async ({ page }) => {
  test.setTimeout(120_000);
  const codename = await realCodename(page.request);
  const words = codename.split(' ');
  // A close guess (one word changed) and far ones: all wrong, and all answered alike.
  const close = [...words.slice(0, 6), words.find((w) => w !== words[6])!].join(' ');
  const guesses = [
    close,
    'not a codename at all',
    [...words].reverse().join(' '),
    'correct horse battery staple acorn bucket candle',
    words.slice(0, 6).join(' '),
    'password',
    `${codename} extra`,
    'abacus abdomen abdominal abide abiding ability ablaze',
    '12345',
    close.toUpperCase().replace(/ /g, '-'),
    'zoom zoom zoom zoom zoom zoom zoom',
    'yo-yo wharf vowel unwind tiptoe strut quilt',
  ];
  expect(guesses).toHaveLength(12);
  for (const guess of guesses) expect(guess.toLowerCase().replace(/-/g, ' ')).not.toBe(codename);

  await page.goto('/en/replies');
  await expect(page.getByRole('heading', { level: 1, name: t('channel-title'), exact: true })).toBeVisible();
  const field = page.getByRole('textbox', { name: t('channel-codename'), exact: true });
  const problem = page.getByRole('alert').filter({ hasText: t('error-summary-title') });
  let closeAnswer = '';

  for (const [i, guess] of guesses.entries()) {
    const n = i + 1;
    await field.fill(guess);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/en/replies'));
    await page.getByRole('button', { name: t('channel-open'), exact: true }).click();
    const response = await answered;
    const limited = n > PER_CLIENT;
    expect(response.status(), `wrong guess ${n}`).toBe(limited ? 429 : 404);
    // Limited: told for how long (15 minutes from the first wrong guess, a few seconds ago).
    await expect(problem.getByRole('link')).toHaveText(
      limited ? t('channel-limited', { minutes: 15 }) : t('channel-wrong'),
    );
    await expect(problem.getByRole('link')).toHaveAttribute('href', '#codename');
    // Nothing opened, and the form is back, empty.
    await expect(page.locator('#status')).toHaveCount(0);
    await expect(field).toHaveValue('');
    const main = await page.getByRole('main').innerHTML();
    expect(main, `wrong guess ${n} shows nothing of what was typed`).not.toContain(guess);
    if (n === 1) closeAnswer = main;
    // A close guess and a far one get the very same page.
    if (n > 1 && !limited) expect(main, `wrong guess ${n} looks like the close one`).toBe(closeAnswer);
    if (n === PER_CLIENT + 1) await expectNoAxeViolations(page);
  }

  // Locked for this client, whatever it types — its right codename too — on the pages and in the API.
  await field.fill(codename);
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/en/replies'));
  await page.getByRole('button', { name: t('channel-open'), exact: true }).click();
  expect((await answered).status()).toBe(429);
  await expect(problem.getByRole('link')).toHaveText(t('channel-limited', { minutes: 15 }));
  const api = await page.request.post('/api/v1/channel/inbox', { data: { codename } });
  expect(api.status()).toBe(429);
  expect((await api.json()).detail).toContain('try again in 15 minutes');
});
