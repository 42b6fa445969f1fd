// The public pages on the narrowest phones, in every language (issue 13):
//   - at 320 px and 390 px wide, no page is wider than the screen (nothing
//     to scroll sideways, nothing hidden off the edge), in left-to-right and
//     right-to-left languages alike; and at 320 px, every step of asking for
//     help and the codename page;
//   - every phone number reads in the right order. In Arabic and Persian a
//     number written with spaces ("08000 121 700") is reordered by the
//     browser unless it is isolated as left-to-right, and reads "700 121
//     08000": whoever reads it out or copies it calls the wrong number. The
//     test looks at where each digit is drawn, not at the text: digit after
//     digit, each must be drawn to the right of the one before.

import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { LANGUAGES, tr, type Lang } from '../locales';
import { selfRefer } from '../person';

const WIDTHS = [320, 390] as const;

/** The page's width beyond the screen's, in CSS pixels (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * For each phone number link on the page: its text, and whether its digits
 * are drawn left to right in the order they are written.
 */
async function phoneNumbers(page: Page): Promise<{ text: string; inOrder: boolean }[]> {
  return page.locator('a[href^="tel:"]').evaluateAll((links) =>
    links.map((link) => {
      const text = link.textContent ?? '';
      const lefts: number[] = [];
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) {
          if (!/[0-9]/.test(value[i])) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          lefts.push(rect.left);
        }
      }
      const inOrder = lefts.every((left, i) => i === 0 || left > lefts[i - 1]);
      return { text, inOrder };
    }),
  );
}

async function check(page: Page, what: string): Promise<number> {
  expect(await overflow(page), `${what}: wider than the screen by`).toBeLessThanOrEqual(0);
  const numbers = await phoneNumbers(page);
  for (const n of numbers) {
    expect(n.inOrder, `${what}: the phone number "${n.text}" is drawn out of order`).toBe(true);
  }
  return numbers.length;
}

for (const lang of LANGUAGES) {
  test(`${lang}: at 320 and 390 px no public page is wider than the screen, and phone numbers read in order`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const t = (id: string) => tr(lang as Lang, id);
    let numbers = 0;
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 720 });
      for (const path of ['/', '/rights', '/support', '/privacy', '/screening', '/help', '/replies']) {
        await page.goto(`/${lang}${path}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        numbers += await check(page, `${width} px /${lang}${path}`);
      }
      // The screening's outcome: the helplines of the nation chosen.
      await page.goto(`/${lang}/screening`);
      await page.getByRole('group', { name: t('screening-danger'), exact: true }).getByRole('radio', { name: t('answer-no'), exact: true }).check();
      await page.getByRole('group', { name: t('screening-age'), exact: true }).getByRole('radio', { name: t('age-adult'), exact: true }).check();
      await page
        .getByRole('group', { name: t('screening-nation'), exact: true })
        .getByRole('radio', { name: t('nation-scotland'), exact: true })
        .check();
      await page.getByRole('button', { name: t('screening-submit'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      numbers += await check(page, `${width} px /${lang}/screening outcome`);
    }
    // The support page lists every nation's helplines: the check above saw them.
    expect(numbers, 'phone numbers checked').toBeGreaterThan(5);

    // Every step of asking for help, and the codename, at the narrowest width.
    await page.setViewportSize({ width: 320, height: 720 });
    const pages: string[] = [];
    await selfRefer(page, 'Leeds', `Test Width ${lang} ${Date.now()}`, 'Harbour Light Support (fictional)', lang as Lang, async (what) => {
      pages.push(what);
      await check(page, `320 px /${lang}/help ${what}`);
    });
    expect(pages, 'the start, eight questions and the codename').toHaveLength(10);
  });
}
