// Records named in both languages (organisations, opportunities): which name to show first.

import type { ListQuery } from './bindings.gen';
import { locale } from './i18n/index.svelte';

type Named = { name_vi: string; name_en: string | null };

/** The name in the interface language (Vietnamese when there is no English one). */
export function localName(o: Named): string {
  return locale.lang === 'en' && o.name_en ? o.name_en : o.name_vi;
}

/** The other language's name, shown under the first, when there is one. */
export function otherName(o: Named): string | null {
  if (!o.name_en) return null;
  return locale.lang === 'en' ? o.name_vi : o.name_en;
}

/**
 * The core's order of a list by the name `localName` shows: in English the English name, else the
 * Vietnamese one (so "Thang Long" sorts under T among the English names, not by its Vietnamese
 * name among them); in Vietnamese the Vietnamese name.
 */
export function shownNameOrder(): Pick<ListQuery, 'sort' | 'sort_else'> {
  return locale.lang === 'en' ? { sort: 'name_en', sort_else: 'name_vi' } : { sort: 'name_vi', sort_else: null };
}
