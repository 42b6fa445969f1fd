// Training for community helpers (issue 6), with JavaScript on and off: a
// helper reads a module and marks it read, fails the quiz and sees why each
// wrong answer is wrong, passes, opens the certificate and downloads its PDF;
// then a stranger (no account, a fresh browser) checks the certificate's code
// on the public page. Every page on the way is checked with axe.

import { test, expect, expectNoAxeViolations } from '../fixtures';
import { signInFromStartPage } from '../staff';

const HELPER = 'helper@church.example';
const COURSE = 'england-and-wales';

test('a helper learns, fails, passes and gets a certificate a stranger can check', async ({ page, browser, logins }) => {
  test.setTimeout(180_000);

  // Reading needs no account.
  await page.goto('/training');
  await expect(page.getByRole('heading', { level: 1, name: 'Training for community helpers' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /England and Wales$/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/training/${COURSE}$`));
  await expectNoAxeViolations(page);

  // Signed in as a helper: read a module and mark it read (each project its own module: the demo
  // account keeps what the other project marked).
  await page.goto('/');
  await signInFromStartPage(page, HELPER, logins[HELPER]);
  const module = test.info().project.name === 'js-off' ? '02-the-signs' : '01-the-law';
  await page.goto(`/training/${COURSE}/${module}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Mark this module as read' }).click();
  await expect(page.getByText('You marked this module as read.')).toBeVisible();

  // The quiz: nothing answered is a fail, with every right answer explained.
  await page.getByRole('link', { name: "The course's quiz" }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Quiz:/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const groups = page.locator('form fieldset');
  const total = await groups.count();
  expect(total).toBeGreaterThanOrEqual(15);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const result = page.locator('#result');
  await expect(result).toContainText(`Not passed yet: 0 of ${total} right (0%)`);
  await expect(page.getByText('Not answered.')).toHaveCount(total);
  const explanations = page.locator('.explanation');
  await expect(explanations).toHaveCount(total);
  await expectNoAxeViolations(page);

  // Learn from the marking: choose, for each question, the answer the marking called right.
  const rightAnswers: string[] = [];
  for (const item of await page.locator('ol.marked > li').all()) {
    const text = (await item.locator('p').nth(1).textContent()) ?? '';
    rightAnswers.push(text.replace(/^Not answered\.\s*The right answer:\s*/, '').trim());
  }
  await page.getByRole('link', { name: 'Take the quiz again' }).click();
  for (let i = 0; i < total; i++) {
    await groups.nth(i).getByLabel(rightAnswers[i], { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(result).toContainText(`You passed: ${total} of ${total} right (100%)`);
  await expectNoAxeViolations(page);

  // The certificate: a page to print, a PDF, and a code.
  await page.getByRole('link', { name: 'Your certificate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Certificate/ })).toBeVisible();
  const code = ((await page.locator('#certificate-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^WM(-[0-9A-Z]{4}){4}$/);
  await expectNoAxeViolations(page);
  // On a 320 px phone the page, its long signed token included, is no wider than the screen.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(wider, 'the certificate page scrolls sideways at 320 px').toBe(0);
  if (size) await page.setViewportSize(size);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the certificate (PDF)' }).click();
  const pdf = await download;
  const path = await pdf.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain(code);

  // A stranger checks the code on the public page.
  const stranger = await browser.newContext({
    javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false,
  });
  try {
    const s = await stranger.newPage();
    await s.goto('/certificates/verify');
    await expect(s.getByRole('heading', { level: 1, name: 'Check a certificate' })).toBeVisible();
    await expectNoAxeViolations(s);
    await s.getByLabel('Certificate code').fill(code.toLowerCase());
    await s.getByRole('button', { name: 'Check' }).click();
    const answer = s.locator('#verification');
    await expect(answer).toContainText('This certificate is valid');
    await expect(answer).toContainText('Demo Helper');
    await expect(answer).not.toContainText('church.example');
    await expectNoAxeViolations(s);
    // An altered code is not found.
    await s.getByLabel('Certificate code').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
    await s.getByRole('button', { name: 'Check' }).click();
    await expect(answer).toContainText('No certificate has this code');
  } finally {
    await stranger.close();
  }
});
