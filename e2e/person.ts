// What a person who asks for help themselves does in the browser, as the
// specs that follow a self-referral share it (decisions.spec.ts, erasure.spec.ts).

import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * The person asks for help in English, in England and Wales, chooses the
 * council area `area` from the list (a name, such as 'Leeds'), names
 * themselves `name` and chooses the support organisation `organisation`;
 * returns the codename they keep (seven English words, as the page is in English).
 */
export async function selfRefer(page: Page, area: string, name: string, organisation: string): Promise<string> {
  const next = () => page.getByRole('button', { name: 'Continue', exact: true }).click();
  await page.goto('/en/help');
  await page.getByRole('button', { name: /^Start/ }).click();
  await page.getByRole('radio', { name: 'England and Wales' }).check();
  await next();
  await page.getByRole('combobox', { name: 'Which council area are you in?' }).selectOption({ label: area });
  await next();
  await page.getByRole('radio', { name: /18 or over/ }).check();
  await next();
  await page.getByRole('checkbox').first().check();
  await next();
  await page.getByRole('radio').first().check();
  await next();
  await page.getByRole('textbox').fill('English');
  await next();
  await page.getByRole('textbox').first().fill(name);
  await next();
  await page.getByRole('radio', { name: new RegExp(`^${organisation.replace(/[()]/g, '\\$&')}`) }).check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Send/ }).click();
  const words = (await page.locator('#codename li').allTextContents()).map((w) => w.trim());
  expect(words).toHaveLength(7);
  return words.join(' ');
}

/** The person opens their replies with their codename. */
export async function openReplies(page: Page, codename: string): Promise<void> {
  await page.goto('/en/replies');
  await page.getByRole('textbox', { name: /codename/i }).fill(codename);
  await page.getByRole('button', { name: /^Open/ }).click();
}
