// A survivor asks for help themselves, in their own language, and reads the
// answer with their codename — in English, in Arabic (right to left) and in
// Vietnamese, with JavaScript on and off (the two projects):
//
//   1. The survivor's browser asks for their language, so `/` opens the start
//      page in it. They read "Your rights", go to "Ask for help" and answer
//      the eight questions one page each (the progress text on each; Back
//      once, and the answer is still there), see Harbour Light's data-sharing
//      policy before the consent box, send, get a 7-word codename, type a
//      wrong word back and then the right one.
//   2. Harbour Light's caseworker signs in, opens the request from "Referrals
//      received", sees the survivor's message, replies through the form and
//      accepts it.
//   3. The survivor, in a new browser context with no cookies, opens "Read
//      replies" in the same language, enters the codename, sees the reply and
//      that the request was accepted, writes back and sees it listed.
//
// axe checks every public page on the way (and the caseworker's pages with
// the conversation). The texts come from content/locales (e2e/locales.ts).
//
// Both projects share ONE demo server: the name and messages carry the
// project, the language and the time, and the caseworker finds the request by
// opening the new ones until one names the person (the area is from a closed
// list, so it no longer tells requests apart). No test here types a wrong codename into
// "Read replies": wrong guesses are limited per client address, and every
// browser test comes from 127.0.0.1 (see zz-guess-limit.spec.ts). Right
// codenames do not count against the limit.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from '../fixtures';
import { RTL, literal, reviewed, tr, type Lang } from '../locales';
import { goByNav, newReferralRowNaming, signInFromStartPage, signOut } from '../staff';

// The caseworker on duty answers self-referrals (the other Harbour Light
// caseworker signs in for the referral route, the caseworker's day and the
// decisions, so the two take turns with their authenticator codes less often).
const CASEWORKER = 'duty@harbour.example';
const CASEWORKER_NAME = 'Demo Duty Caseworker (Harbour Light)';
const HARBOUR = 'Harbour Light Support (fictional)';
const STEPS = 8;

interface Survivor {
  lang: Lang;
  /** The browser's language (Accept-Language). */
  locale: string;
  /** What they answer to "Which language do you want to use?". */
  language: string;
  /** The name they give (made unique per run). */
  name: string;
  /** Their first message, and the one they write back after the reply (both made unique). */
  message: string;
  answer: string;
}

const SURVIVORS: Survivor[] = [
  {
    lang: 'en',
    locale: 'en-GB',
    language: 'English',
    name: 'Test Sam',
    message: 'I work at a car wash. The boss keeps my passport and I sleep in the back room.',
    answer: 'Thank you. Tuesday is safest for me, after 10 in the morning.',
  },
  {
    lang: 'ar',
    locale: 'ar',
    language: 'العربية',
    name: 'Test أمل',
    message: 'أعمل في مغسلة سيارات. صاحب العمل يحتفظ بجواز سفري وأنام في الغرفة الخلفية.',
    answer: 'شكراً لكم. يوم الثلاثاء هو الأكثر أماناً لي، بعد الساعة العاشرة صباحاً.',
  },
  {
    lang: 'vi',
    locale: 'vi-VN',
    language: 'Tiếng Việt',
    name: 'Test Lan',
    message: 'Tôi làm ở tiệm làm móng. Chủ giữ hộ chiếu của tôi và tôi ngủ ở phòng sau.',
    answer: 'Cảm ơn. Thứ Ba là an toàn nhất cho tôi, sau 10 giờ sáng.',
  },
];

/** A new browser context like the test's own (the project's JavaScript setting), in `locale`, with no cookies. */
async function newContext(browser: Browser, locale: string): Promise<BrowserContext> {
  const use = test.info().project.use;
  return browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: use.javaScriptEnabled !== false, locale });
}

/** Every public page in `lang`: its language and direction, the review note, and axe. */
async function publicPage(page: Page, lang: Lang, heading: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', RTL.includes(lang) ? 'rtl' : 'ltr');
  if (!reviewed(lang)) await expect(page.getByRole('note')).toHaveText(tr(lang, 'translation-note'));
  await expectNoAxeViolations(page);
}

/** The page lays out right to left: `main` runs rtl, and the main menu starts at the right. */
async function expectRightToLeft(page: Page, lang: Lang): Promise<void> {
  await expect(page.locator(`html[dir="rtl"][lang="${lang}"]`)).toHaveCount(1);
  expect(await page.getByRole('main').evaluate((main) => getComputedStyle(main).direction)).toBe('rtl');
  const items = page.getByRole('navigation', { name: tr(lang, 'nav-main'), exact: true }).getByRole('listitem');
  await expect(items).toHaveCount(5);
  const first = (await items.first().boundingBox())!;
  const second = (await items.nth(1).boundingBox())!;
  const last = (await items.last().boundingBox())!;
  expect(first.x, 'the first menu item is to the right of the last').toBeGreaterThanOrEqual(last.x + last.width);
  expect(first.x, 'the first menu item is to the right of the second').toBeGreaterThanOrEqual(second.x + second.width);
  // And the heading's text is set against the right edge of its line, not the left.
  const { text, block } = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const r = range.getBoundingClientRect();
    const b = h1.getBoundingClientRect();
    return { text: { left: r.left, right: r.right }, block: { left: b.left, right: b.right } };
  });
  expect(Math.abs(block.right - text.right), 'the heading text ends at the right edge').toBeLessThan(2);
  expect(text.left - block.left, 'the heading text leaves room at the left').toBeGreaterThan(10);
}

/** The question page `step` of 8: its progress text and question, and axe. */
async function question(page: Page, lang: Lang, step: number, heading: string): Promise<void> {
  await expect(page.getByRole('main').getByText(tr(lang, 'help-progress', { step, total: STEPS }), { exact: true })).toBeVisible();
  await publicPage(page, lang, heading);
}

for (const survivor of SURVIVORS) {
  const { lang } = survivor;
  const t = (id: string, args?: Record<string, string | number>) => tr(lang, id, args);

  test.describe(`a survivor asks for help in ${t('language-name')} (${lang})`, () => {
    test.use({ locale: survivor.locale });

    test(`self-referral, codename, the organisation's reply, and the answer back (${lang})`, async ({ page, browser, logins }) => {
      test.setTimeout(180_000);
      const tag = `${test.info().project.name} ${lang} ${Date.now()}`;
      const name = `${survivor.name} ${tag}`;
      const message = `${survivor.message} [${tag}]`;
      const reply = `Hello, this is Harbour Light. We can meet you on Tuesday at 11 near Leeds station. [${tag}]`;
      const answer = `${survivor.answer} [${tag}]`;
      const main = page.getByRole('main');
      const next = () => page.getByRole('button', { name: t('continue'), exact: true }).click();

      // 1. The start page, in the browser's language.
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
      await publicPage(page, lang, t('home-title'));
      if (RTL.includes(lang)) await expectRightToLeft(page, lang);

      // "Your rights", from the main menu.
      await page.getByRole('navigation', { name: t('nav-main'), exact: true }).getByRole('link', { name: t('nav-rights'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/rights$`));
      await publicPage(page, lang, t('rights-title'));
      await expect(main).toContainText(t('rights-status-body'));
      await expect(main).toContainText(t('rights-police-body'));

      // "Ask for help", from the end of that page.
      await main.getByRole('link', { name: t('home-self-ask'), exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/help$`));
      await publicPage(page, lang, t('help-title'));
      await page.getByRole('button', { name: t('help-start'), exact: true }).click();

      // Eight questions, one a page.
      await question(page, lang, 1, t('help-nation'));
      await page.getByRole('radio', { name: t('nation-england_wales'), exact: true }).check();
      await next();

      await question(page, lang, 2, t('help-area'));
      // Only England and Wales's council areas, "not sure" first; nothing is typed.
      const areas = page.getByRole('combobox', { name: t('help-area'), exact: true });
      await expect(areas.getByRole('option').first()).toHaveText(t('help-area-unsure'));
      await expect(areas.getByRole('option', { name: 'Glasgow City', exact: true })).toHaveCount(0);
      await areas.selectOption({ label: 'Leeds' });
      await next();

      await question(page, lang, 3, t('help-age'));
      const adult = page.getByRole('radio', { name: t('age-adult'), exact: true });
      await adult.check();
      await next();

      await question(page, lang, 4, t('help-needs'));
      const needs = [t('need-safe_housing'), t('need-interpreter')];
      for (const need of needs) await page.getByRole('checkbox', { name: need, exact: true }).check();
      // Back once: the previous answer is still there, and so is this page's on the way forward again.
      await page.getByRole('button', { name: t('back'), exact: true }).click();
      await expect(main.getByText(t('help-progress', { step: 3, total: STEPS }), { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: t('help-age'), exact: true })).toBeVisible();
      await expect(adult).toBeChecked();
      await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
      await next();
      await expect(main.getByText(t('help-progress', { step: 4, total: STEPS }), { exact: true })).toBeVisible();
      for (const need of needs) await expect(page.getByRole('checkbox', { name: need, exact: true })).toBeChecked();
      await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(needs.length);
      await next();

      await question(page, lang, 5, t('help-urgency'));
      await page.getByRole('radio', { name: t('urgency-this_week'), exact: true }).check();
      await next();

      await question(page, lang, 6, t('help-language'));
      await page.getByRole('textbox', { name: t('help-language'), exact: true }).fill(survivor.language);
      await next();

      await question(page, lang, 7, t('help-about'));
      await page.getByRole('textbox', { name: `${t('help-name')} ${t('optional')}`, exact: true }).fill(name);
      await page.getByRole('textbox', { name: `${t('help-message')} ${t('optional')}`, exact: true }).fill(message);
      await next();

      // The organisation's data-sharing policy, before the consent box, in the person's language
      // (Harbour Light keeps Waymark's default policy, which every language has).
      await question(page, lang, 8, t('help-org'));
      const harbour = page.getByRole('radio', { name: new RegExp(`^${literal(HARBOUR).source}`) });
      const harbourPolicy = t('policy-default');
      await expect(harbour).toHaveAccessibleDescription(
        new RegExp(`^${literal(t('help-org-policy', { org: HARBOUR })).source}\\s*${literal(harbourPolicy).source}`),
      );
      const policy = page.locator('.org').filter({ has: harbour }).locator('.policy');
      await expect(policy).toBeVisible();
      await expect(policy).toContainText(harbourPolicy);
      await expect(policy.locator(`[lang="${lang}"]`)).toContainText(harbourPolicy);
      const consent = page.getByRole('checkbox', { name: t('help-consent'), exact: true });
      await expect(consent).not.toBeChecked();
      const policyBox = (await policy.boundingBox())!;
      const consentBox = (await consent.boundingBox())!;
      expect(policyBox.y + policyBox.height, 'the policy ends above the consent box').toBeLessThanOrEqual(consentBox.y);
      await harbour.check();
      await consent.check();
      await page.getByRole('button', { name: t('help-send'), exact: true }).click();

      // The codename, shown once: seven English words in English; seven groups of four digits in the
      // other languages (no word list of enough reviewed words exists for them yet).
      await publicPage(page, lang, t('codename-title'));
      const words = (await page.locator('#codename li').allTextContents()).map((w) => w.trim());
      expect(words, 'a codename of seven parts').toHaveLength(7);
      for (const word of words) expect(word).toMatch(lang === 'en' ? /^[a-z]+$/ : /^[0-9]{4}$/);
      await expect(page.locator('#codename')).toHaveAttribute('dir', 'ltr');
      const codename = words.join(' ');
      const label = (await page.locator('label[for="word"]').textContent())!.trim();
      const n = words.findIndex((_, i) => label === t('codename-check', { n: i + 1 })) + 1;
      expect(n, `the check asks for one word by its number: "${label}"`).toBeGreaterThan(0);
      const wordBox = page.getByRole('textbox', { name: label, exact: true });

      // A wrong word (another of its words): refused, and the codename is still there.
      const wrong = words.find((w) => w !== words[n - 1])!;
      await wordBox.fill(wrong);
      const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/${lang}/help/check`));
      await page.getByRole('button', { name: t('codename-check-submit'), exact: true }).click();
      expect((await refused).status()).toBe(422);
      const problem = page.getByRole('alert').filter({ hasText: t('error-summary-title') });
      await expect(problem.getByRole('link', { name: t('codename-check-error', { n }), exact: true })).toHaveAttribute('href', '#word');
      await expect(page.locator('#codename li')).toHaveText(words);
      await publicPage(page, lang, t('codename-title'));

      // The right word.
      await wordBox.fill(words[n - 1]);
      await page.getByRole('button', { name: t('codename-check-submit'), exact: true }).click();
      await publicPage(page, lang, t('codename-saved-title'));
      await expect(main.getByRole('link', { name: t('nav-codename'), exact: true })).toHaveAttribute('href', `/${lang}/replies`);

      // 2. Harbour Light: the request arrives like any referral.
      const staff = await newContext(browser, 'en-GB');
      try {
        const c = await staff.newPage();
        await c.goto('/');
        await signInFromStartPage(c, CASEWORKER, logins[CASEWORKER], HARBOUR);
        await goByNav(c, 'Referrals received');
        await expect(c.getByRole('heading', { level: 1, name: 'Referrals received' })).toBeVisible();
        const row = await newReferralRowNaming(c, name);
        await expect(row).toHaveCount(1);
        await expect(row.getByRole('cell', { name: 'Leeds', exact: true })).toHaveCount(1);
        await expect(row).toContainText('The person themselves — needs help this week');
        await expect(row).toContainText('18 or over');
        await expect(row).toContainText('Safe housing');
        await expect(row).toContainText('An interpreter');
        await expect(row.getByRole('cell').last()).toHaveText('New');
        await row.getByRole('link').click();
        await expect(c).toHaveURL(/\/inbox\/[^/?]+$/);
        await expect(c.getByRole('heading', { level: 1, name: /^Referral received/ })).toBeVisible();
        await expect(c.locator('#person-name')).toHaveText(name);
        await expect(c.getByRole('definition').filter({ hasText: message })).toHaveText(message);
        await expect(c.getByRole('definition').filter({ hasText: survivor.language })).toHaveText(survivor.language);
        const conversation = c.getByRole('region', { name: 'Messages with the person (through their codename)' });
        await expect(conversation.getByRole('listitem')).toHaveCount(1);
        await expect(conversation.getByRole('listitem').first()).toContainText('The person');
        await expect(conversation.getByRole('listitem').first().locator('.body')).toHaveText(message);

        // The reply, through the form.
        await conversation.getByRole('textbox', { name: 'Reply to the person' }).fill(reply);
        await conversation.getByRole('button', { name: 'Send reply' }).click();
        await expect(c).toHaveURL(/\/inbox\/[^/?]+\?replied=1$/);
        await expect(c.getByRole('status')).toHaveText('Your reply was sent. The person reads it with their codename.');
        await expect(conversation.getByRole('listitem')).toHaveCount(2);
        await expect(conversation.getByRole('listitem').last()).toContainText(CASEWORKER_NAME);
        await expect(conversation.getByRole('listitem').last().locator('.body')).toHaveText(reply);
        await expectNoAxeViolations(c);

        // Accepted: a case, with the conversation.
        await c.getByRole('button', { name: 'Accept and open a case' }).click();
        await expect(c).toHaveURL(/\/cases\/[^/]+$/);
        await expect(c.getByRole('heading', { level: 1, name: /^Case opened/ })).toBeVisible();
        await expect(c.locator('#person-name')).toHaveText(name);
        await expect(conversation.locator('.body')).toHaveText([message, reply]);
        await expectNoAxeViolations(c);
        await signOut(c);
      } finally {
        await staff.close();
      }

      // 3. The survivor again, on a browser with nothing kept: the codename is all they need.
      const later = await newContext(browser, survivor.locale);
      try {
        const s = await later.newPage();
        expect(await later.cookies()).toEqual([]);
        await s.goto('/');
        await expect(s).toHaveURL(new RegExp(`/${lang}/$`));
        await s.getByRole('navigation', { name: t('nav-main'), exact: true }).getByRole('link', { name: t('nav-codename'), exact: true }).click();
        await expect(s).toHaveURL(new RegExp(`/${lang}/replies$`));
        await publicPage(s, lang, t('channel-title'));
        await s.getByRole('textbox', { name: t('channel-codename'), exact: true }).fill(codename);
        await s.getByRole('button', { name: t('channel-open'), exact: true }).click();

        const status = s.locator('#status');
        await expect(status).toHaveText(t('channel-status-accepted', { org: HARBOUR }));
        await expect(status).toHaveAttribute('data-status', 'accepted');
        const messages = s.getByRole('main').locator('ol.messages > li');
        await expect(messages).toHaveCount(2);
        await expect(messages.nth(0).locator('.from')).toContainText(t('channel-from-you'));
        await expect(messages.nth(0).locator('.body')).toHaveText(message);
        await expect(messages.nth(1).locator('.from')).toContainText(HARBOUR);
        await expect(messages.nth(1).locator('.body')).toHaveText(reply);
        await publicPage(s, lang, t('channel-title'));
        if (RTL.includes(lang)) await expectRightToLeft(s, lang);

        // Writing back.
        await s.getByRole('textbox', { name: t('channel-write'), exact: true }).fill(answer);
        await s.getByRole('button', { name: t('channel-send'), exact: true }).click();
        await expect(s.getByRole('status')).toHaveText(t('channel-sent'));
        await expect(messages).toHaveCount(3);
        await expect(messages.nth(2).locator('.from')).toContainText(t('channel-from-you'));
        await expect(messages.nth(2).locator('.body')).toHaveText(answer);
        await expect(status).toHaveAttribute('data-status', 'accepted');
        await expect(s.getByRole('textbox', { name: t('channel-write'), exact: true })).toHaveValue('');
        await publicPage(s, lang, t('channel-title'));
        expect(await later.cookies(), 'no cookie after reading and writing').toEqual([]);
      } finally {
        await later.close();
      }
    });
  });
}
