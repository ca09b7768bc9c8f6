// The time now in an office's zone, for knowing whether it is a good moment to call.

import { formatDateTime } from '../lib/format';
import { locale, t } from '../lib/i18n/index.svelte';

/** "Bây giờ: 14:32 27/11/2026" on the clocks of `zone`; '' for an unknown zone. */
export function localClock(now: Date, zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return '';
  }
  return t('directory.now', { time: formatDateTime(now.toISOString(), locale.lang, zone) });
}
