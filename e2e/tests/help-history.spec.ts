// The phone's Back and Forward buttons in "Ask for help" (issue 13; the
// history finding of the security review): each answer is sent once and the
// next question is a page of its own (POST, then a redirect to a GET page),
// so Back and Forward move through the questions with the answers kept and
// never ask to send anything again. After the request is sent and the
// codename kept, Back shows nothing of it; "Exit this page" on these pages
// forgets the answers before it leaves.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { tr } from '../locales';

const t = (id: string, args?: Record<string, string | number>) => tr('en', id, args);

test('Back and Forward move through the questions with the answers kept, and nothing is sent again', async ({ page }) => {
  test.setTimeout(120_000);
  const progress = (step: number) => page.getByText(t('help-progress', { step, total: 8 }), { exact: true });
  // Every request the browser makes: Back and Forward must never send a form again.
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(new URL(r.url()).pathname);
  });

  await page.goto('/en/help');
  await page.getByRole('button', { name: t('help-start'), exact: true }).click();
  await page.getByRole('radio', { name: t('nation-scotland'), exact: true }).check();
  await page.getByRole('button', { name: t('continue'), exact: true }).click();
  await expect(progress(2)).toBeVisible();
  await page.getByRole('combobox', { name: t('help-area'), exact: true }).selectOption({ label: 'Glasgow City' });
  await page.getByRole('button', { name: t('continue'), exact: true }).click();
  await expect(progress(3)).toBeVisible();
  await page.getByRole('radio', { name: t('age-adult'), exact: true }).check();
  await page.getByRole('button', { name: t('continue'), exact: true }).click();
  await expect(progress(4)).toBeVisible();
  const sent = posts.length;

  // Back twice: question 3, then 2, each as it was answered; no form is sent again.
  const back3 = await page.goBack();
  expect(back3?.request().method()).toBe('GET');
  await expect(progress(3)).toBeVisible();
  await expect(page.getByRole('radio', { name: t('age-adult'), exact: true })).toBeChecked();
  await page.goBack();
  await expect(progress(2)).toBeVisible();
  await expect(page.getByRole('combobox', { name: t('help-area'), exact: true })).toHaveValue('S12000049');
  // Forward again: question 3.
  await page.goForward();
  await expect(progress(3)).toBeVisible();
  expect(posts.length, 'Back and Forward sent nothing').toBe(sent);
  await expectNoAxeViolations(page);

  // "Exit this page" here forgets the answers on its way out: the question's address shows nothing after.
  const question = page.url();
  const exit = await page.getByRole('link', { name: t('exit-page'), exact: true }).getAttribute('href');
  expect(exit).toMatch(/^\/en\/help\/exit\?d=[A-Za-z0-9_-]{43}$/);
  const left = await page.request.get(exit!, { maxRedirects: 0 });
  expect(left.status()).toBe(303);
  expect(left.headers()['location']).toBe('https://www.bbc.co.uk/weather');
  const gone = await page.goto(question);
  expect(gone?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: t('help-expired-title'), exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: t('age-adult'), exact: true })).toHaveCount(0);
});

test('after the codename is kept, Back shows nothing of the request and sends nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const answer = async () => page.getByRole('button', { name: t('continue'), exact: true }).click();
  await page.goto('/en/help');
  await page.getByRole('button', { name: t('help-start'), exact: true }).click();
  await page.getByRole('radio', { name: t('nation-england_wales'), exact: true }).check();
  await answer();
  await page.getByRole('combobox', { name: t('help-area'), exact: true }).selectOption({ label: 'Leeds' });
  await answer();
  await page.getByRole('radio', { name: t('age-adult'), exact: true }).check();
  await answer();
  await page.getByRole('checkbox').first().check();
  await answer();
  await page.getByRole('radio').first().check();
  await answer();
  await page.getByRole('textbox').fill('English');
  await answer();
  await page.getByRole('textbox').first().fill(`Test History ${Date.now()}`);
  await answer();
  await page.getByRole('radio', { name: /^Harbour Light Support \(fictional\)/ }).check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: t('help-send'), exact: true }).click();

  const words = (await page.locator('#codename li').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(7);
  // The codename is on the page, never in its address or its form.
  expect(page.url()).not.toContain(words[0]);
  expect(await page.locator('form input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(' '))).not.toContain(words[0]);
  const label = (await page.locator('label[for="word"]').textContent())!.trim();
  const n = words.findIndex((_, i) => label === t('codename-check', { n: i + 1 })) + 1;
  await page.getByRole('textbox', { name: label, exact: true }).fill(words[n - 1]);
  await page.getByRole('button', { name: t('codename-check-submit'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('codename-saved-title'), exact: true })).toBeVisible();

  // Back: the codename's page has expired and shows none of it.
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  const back = await page.goBack();
  expect(back?.request().method()).toBe('GET');
  expect(back?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: t('help-expired-title'), exact: true })).toBeVisible();
  for (const w of words) await expect(page.getByRole('main')).not.toContainText(w);
  // And the question before it shows nothing either.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: t('help-expired-title'), exact: true })).toBeVisible();
  expect(posts, 'Back sent nothing').toHaveLength(0);
  await expectNoAxeViolations(page);
});
