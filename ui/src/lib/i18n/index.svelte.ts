// The interface language and the `t` lookup. The language lives in one rune so every label
// in every component follows a switch at once.

import type { Bilingual, UiLanguage } from '../bindings.gen';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';

const dictionaries: Record<UiLanguage, Record<MessageKey, string>> = { vi, en };

export const locale = $state<{ lang: UiLanguage }>({ lang: 'vi' });

/** The label for `key` in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale.lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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
