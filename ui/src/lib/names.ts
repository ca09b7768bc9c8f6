// Records named in both languages (organisations, opportunities): which name to show first.

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
