// What a person who asks for help themselves does in the browser, as the
// specs that follow a self-referral share it (decisions.spec.ts, erasure.spec.ts).

import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { tr, type Lang } from './locales';

/**
 * The person asks for help in `lang` (English unless given), in England and
 * Wales, chooses the council area `area` from the list (a name, such as
 * 'Leeds'), names themselves `name` and chooses the support organisation
 * `organisation`; returns the codename they keep (seven English words in
 * English, seven groups of four digits in the other languages). `onEachPage`
 * runs on every page of the way, before it is answered.
 */
export async function selfRefer(
  page: Page,
  area: string,
  name: string,
  organisation: string,
  lang: Lang = 'en',
  onEachPage: (what: string) => Promise<void> = async () => {},
): Promise<string> {
  const t = (id: string) => tr(lang, id);
  let step = 0;
  const next = async () => {
    await onEachPage(`question ${++step}`);
    await page.getByRole('button', { name: t('continue'), exact: true }).click();
  };
  await page.goto(`/${lang}/help`);
  await onEachPage('start');
  await page.getByRole('button', { name: t('help-start'), exact: true }).click();
  await page.getByRole('radio', { name: t('nation-england_wales'), exact: true }).check();
  await next();
  await page.getByRole('combobox', { name: t('help-area'), exact: true }).selectOption({ label: area });
  await next();
  await page.getByRole('radio', { name: t('age-adult'), exact: true }).check();
  await next();
  await page.getByRole('checkbox').first().check();
  await next();
  await page.getByRole('radio').first().check();
  await next();
  await page.getByRole('textbox').fill(lang === 'en' ? 'English' : t('language-name'));
  await next();
  await page.getByRole('textbox').first().fill(name);
  await next();
  await page.getByRole('radio', { name: new RegExp(`^${organisation.replace(/[()]/g, '\\$&')}`) }).check();
  await page.getByRole('checkbox').check();
  await onEachPage('question 8');
  await page.getByRole('button', { name: t('help-send'), exact: true }).click();
  await onEachPage('the codename');
  const words = (await page.locator('#codename li').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(7);
  return words.join(' ');
}

/** The person opens their replies with their codename, on the page in `lang`. */
export async function openReplies(page: Page, codename: string, lang: Lang = 'en'): Promise<void> {
  await page.goto(`/${lang}/replies`);
  await page.getByRole('textbox', { name: tr(lang, 'channel-codename'), exact: true }).fill(codename);
  await page.getByRole('button', { name: tr(lang, 'channel-open'), exact: true }).click();
}
