// The itinerary tab's days and clocks: every day of the delegation (so an empty day can be
// filled), plus any day holding an item outside its dates; each item read on the local clock of
// its place and on Hanoi's.

import type { DayView, Delegation, ItemView, UiLanguage } from '../lib/bindings.gen';
import { addDays, daysBetween, formatClockRange, formatDate } from '../lib/format';

/** A day of the programme: its date, its number within the delegation's dates, its items. */
export type ProgrammeDay = { date: string; dayNumber: number | null; items: ItemView[] };

/** The longest run of empty days shown for a delegation's dates (a typo in a year stays harmless). */
const MAX_SPAN = 62;

/**
 * Every day from the start to the end date, with the core's days (and their items) merged in,
 * in date order. A day outside the delegation's dates has no number.
 */
export function programmeDays(
  delegation: Pick<Delegation, 'start_date' | 'end_date'>,
  days: DayView[],
): ProgrammeDay[] {
  const { start_date: start, end_date: end } = delegation;
  const span = start && end ? daysBetween(start, end) : null;
  const numberOf = (date: string): number | null => {
    if (!start) return null;
    const n = daysBetween(start, date);
    if (n === null || n < 0 || (span !== null && n > span)) return null;
    return n + 1;
  };
  const byDate = new Map<string, ProgrammeDay>();
  if (start && span !== null && span >= 0 && span < MAX_SPAN) {
    for (let i = 0; i <= span; i++) {
      const date = addDays(start, i);
      byDate.set(date, { date, dayNumber: i + 1, items: [] });
    }
  }
  for (const d of days) {
    byDate.set(d.date, { date: d.date, dayNumber: numberOf(d.date), items: d.items });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The item on the clocks of its place: "09:30 – 11:00 JST" (both zones for a travel leg). */
export function localRange(v: ItemView, lang: UiLanguage): string {
  return formatClockRange(v.local_start, v.local_end, lang, v.start_zone_abbr, v.end_zone_abbr);
}

/** The item on Hanoi's clocks; its date is added when it is not the local day's. */
export function hanoiRange(v: ItemView, lang: UiLanguage): string {
  const range = formatClockRange(v.hanoi_start, v.hanoi_end, lang);
  const otherDay = v.hanoi_start.slice(0, 10) !== v.local_start.slice(0, 10);
  return otherDay ? `${formatDate(v.hanoi_start, lang)} ${range}` : range;
}

/** "1 giờ 30 phút" / "1 h 30 min" for a duration in minutes. */
export function durationText(minutes: number, lang: UiLanguage): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = lang === 'vi' ? ['giờ', 'phút'] : ['h', 'min'];
  if (h === 0) return `${m} ${mu}`;
  return m === 0 ? `${h} ${hu}` : `${h} ${hu} ${m} ${mu}`;
}
