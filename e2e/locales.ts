// The public pages' texts, read from the same Fluent files the server
// compiles in (content/locales/<lang>/waymark.ftl), so a spec can walk a page
// in any language by the words a reader sees:
//
//     import { LANGUAGES, tr } from '../locales';
//     await page.getByRole('link', { name: tr('ar', 'nav-rights') }).click();
//
// Every message in these files is one line `id = text`, with `{ $name }`
// placeables and no selectors; the server renders them without bidi
// isolation marks (crates/web/src/i18n.rs), so `tr` gives exactly the text
// on the page. A message the file lacks is an error here, not a fallback.

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The public pages' languages, in the order the language picker lists them. */
export const LANGUAGES = ['en', 'sq', 'ar', 'fa', 'ro', 'ti', 'vi'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Right-to-left languages. */
export const RTL: readonly Lang[] = ['ar', 'fa'];

const LOCALES_DIR = path.resolve(__dirname, '..', 'content', 'locales');
const MESSAGE = /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s?(.*)$/;

const cache = new Map<Lang, Map<string, string>>();

function messages(lang: Lang): Map<string, string> {
  let found = cache.get(lang);
  if (found) return found;
  found = new Map();
  const file = path.join(LOCALES_DIR, lang, 'waymark.ftl');
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (/^\s/.test(line)) {
      throw new Error(`${file}: a multi-line message ("${line.trim()}"); e2e/locales.ts reads one-line messages only`);
    }
    const m = MESSAGE.exec(line);
    if (!m) throw new Error(`${file}: cannot read the line "${line}"`);
    found.set(m[1], m[2].trim());
  }
  cache.set(lang, found);
  return found;
}

/** The text of message `id` in `lang`, with its `{ $name }` placeables filled from `args`. */
export function tr(lang: Lang, id: string, args: Record<string, string | number> = {}): string {
  const text = messages(lang).get(id);
  if (text === undefined) throw new Error(`no message "${id}" in content/locales/${lang}/waymark.ftl`);
  return text.replace(/\{\s*\$([a-zA-Z_][a-zA-Z0-9_-]*)\s*\}/g, (_, name: string) => {
    if (!(name in args)) throw new Error(`message "${id}" (${lang}) needs the argument $${name}`);
    return String(args[name]);
  });
}

/** Whether a native speaker has signed the locale off (`translation-reviewed = yes`). */
export function reviewed(lang: Lang): boolean {
  return tr(lang, 'translation-reviewed') === 'yes';
}

/** A RegExp that matches `text` literally. */
export function literal(text: string, flags = ''): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}
