import type { Opportunity } from '../lib/bindings.gen';
import { locale } from '../lib/i18n/index.svelte';

/** The opportunity's name in the interface language (Vietnamese when there is no English one). */
export function opportunityName(o: Pick<Opportunity, 'name_vi' | 'name_en'>): string {
  return locale.lang === 'en' && o.name_en ? o.name_en : o.name_vi;
}

/** The other language's name, shown under the first when there is one. */
export function otherName(o: Pick<Opportunity, 'name_vi' | 'name_en'>): string | null {
  if (!o.name_en) return null;
  return locale.lang === 'en' ? o.name_vi : o.name_en;
}
