// Signing staff in and out, as route.spec.ts and survivor.spec.ts do it.
//
// Never sign in with a wrong password in the specs: 5 of them lock a demo
// account for the rest of the run.

import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { tr } from './locales';

/** The English public start page's footer link to the sign-in page. */
const STAFF_SIGN_IN = tr('en', 'nav-staff');

/** On the sign-in page: signs in and lands on `/staff` (or the page that sent there). */
export async function signIn(page: Page, email: string, password: string | undefined): Promise<void> {
  expect(password, `no demo login for ${email}`).toBeTruthy();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password!);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Sign out/ })).toBeVisible();
}

/**
 * From the public start page (where signing out lands): the footer's "Staff
 * sign in" link, then the form; lands on the staff page, which names the
 * account's organisation.
 */
export async function signInFromStartPage(
  page: Page,
  email: string,
  password: string | undefined,
  organisation?: string,
): Promise<void> {
  await page.getByRole('contentinfo').getByRole('link', { name: STAFF_SIGN_IN, exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Signed in as / })).toBeVisible();
  if (organisation) await expect(page.getByRole('main')).toContainText(organisation);
}

/** Signs out: back on the English public start page, with its "Staff sign in" link. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('heading', { level: 1, name: tr('en', 'home-title') })).toBeVisible();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: STAFF_SIGN_IN, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sign out/ })).toHaveCount(0);
}

/** A link of the staff pages' "Main" navigation. */
export async function goByNav(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}
