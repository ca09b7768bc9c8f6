// The interface language and the `t` lookup. The language lives in one rune so every label
// in every component follows a switch at once.

import type { Bilingual, UiLanguage } from '../bindings.gen';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';

/**
 * A message that counts something: its forms by the language's plural category
 * (`Intl.PluralRules`). English needs `one` and `other`; Vietnamese has one form, so its
 * dictionary holds a plain string. The count is always the `{n}` placeholder.
 */
export type PluralForms = { one: string; other: string };

/** A dictionary entry: plain text, or the forms of a counted phrase. */
export type Message = string | PluralForms;

const dictionaries: Record<UiLanguage, Record<MessageKey, Message>> = { vi, en };

const pluralRules: Record<UiLanguage, Intl.PluralRules> = {
  vi: new Intl.PluralRules('vi'),
  en: new Intl.PluralRules('en'),
};

export const locale = $state<{ lang: UiLanguage }>({ lang: 'vi' });

/**
 * The text of one form of `message` for the count `n` in `lang`. The count may come already
 * formatted for the language ("1,000"): its grouping marks are dropped before choosing.
 */
export function pluralForm(message: Message, lang: UiLanguage, n: unknown): string {
  if (typeof message === 'string') return message;
  const count = typeof n === 'string' ? Number(n.replace(/[,\s\u00a0]/g, '')) : n;
  const category =
    typeof count === 'number' && Number.isFinite(count) ? pluralRules[lang].select(count) : 'other';
  return category === 'one' ? message.one : message.other;
}

/** `key` in `lang`, its plural form chosen by `params.n`, with `{name}` placeholders filled. */
export function message(
  lang: UiLanguage,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = pluralForm(dictionaries[lang][key], lang, params?.n);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The label for `key` in the current language, with `{name}` placeholders filled from `params`;
 * a counted phrase takes its count as `n` and reads "1 contact" / "2 contacts".
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return message(locale.lang, key, params);
}

/**
 * A counted phrase cut around its count, for screens that set the number apart ("**3** rows
 * read"): the text before `{n}`, the count as given, and the text after.
 */
export function countParts(key: MessageKey, n: string): { before: string; count: string; after: string } {
  const text = pluralForm(dictionaries[locale.lang][key], locale.lang, n);
  const at = text.indexOf('{n}');
  if (at < 0) return { before: text, count: '', after: '' };
  return { before: text.slice(0, at), count: n, after: text.slice(at + 3) };
}

/** Sets the language of the interface (and of the document, for screen readers and hyphenation). */
export function setLanguage(lang: UiLanguage): void {
  locale.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Picks the Vietnamese or English text of a bilingual pair, such as an error's messages. */
export function pick(vi: string, en: string | null | undefined): string {
  return locale.lang === 'en' && en ? en : vi;
}

/**
 * The label of an enum value or sector tag in the current language, from a map of
 * `labels.gen.ts` (generated from Rust, so screens, PDFs and exports use the same words).
 * A value the map does not know (from a newer store) is shown as it is.
 */
export function label<K extends string>(labels: Readonly<Record<K, Bilingual>>, value: K): string {
  const found: Bilingual | undefined = labels[value];
  return found ? found[locale.lang] : value;
}
