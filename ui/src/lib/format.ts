// Dates, times and money as officers read them: dd/MM/yyyy in Vietnamese, "27 Nov 2026" in English.
// Every function takes the language explicitly so it can be tested without the UI.

import type { UiLanguage } from './bindings.gen';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const HANOI_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad = (n: number) => String(n).padStart(2, '0');

function numberLocale(lang: UiLanguage): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

function joinDate(lang: UiLanguage, year: number, month: number, day: number): string {
  return lang === 'vi'
    ? `${pad(day)}/${pad(month)}/${year}`
    : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A calendar date (`yyyy-mm-dd`, as the store keeps it) for display; '' when absent. */
export function formatDate(value: string | null | undefined, lang: UiLanguage): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  return joinDate(lang, Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A date range such as "12/03/2026 – 18/03/2026"; one side may be missing. */
export function formatDateRange(
  start: string | null | undefined,
  end: string | null | undefined,
  lang: UiLanguage,
): string {
  const a = formatDate(start, lang);
  const b = formatDate(end, lang);
  if (a && b) return a === b ? a : `${a} – ${b}`;
  return a || b;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

// The wall-clock reading of an instant in a zone (the browser's zone when absent), from Intl parts
// so the layout does not depend on the engine's locale data. Null for an unreadable instant.
function wallClock(value: string, timeZone?: string): WallClock | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    // An unknown zone name: the browser's zone rather than nothing.
    return timeZone ? wallClock(value) : null;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
  };
}

const clockTime = (w: WallClock) => `${pad(w.hour)}:${pad(w.minute)}`;

function joinDateTime(w: WallClock, lang: UiLanguage): string {
  const day = joinDate(lang, w.year, w.month, w.day);
  return lang === 'vi' ? `${clockTime(w)} ${day}` : `${day}, ${clockTime(w)}`;
}

/**
 * An instant (RFC 3339) as the date and time on the clocks of `timeZone` (IANA; the browser's
 * zone when absent): "14:30 27/11/2026" in Vietnamese, "27 Nov 2026, 14:30" in English.
 */
export function formatDateTime(
  value: string | null | undefined,
  lang: UiLanguage,
  timeZone?: string,
): string {
  if (!value) return '';
  const w = wallClock(value, timeZone);
  return w ? joinDateTime(w, lang) : value;
}

/**
 * From `start` to `end` on the clocks of `timeZone` (the end on those of `endTimeZone` when given,
 * as for a flight); the end's date is left out when it is the start's.
 */
export function formatTimeRange(
  start: string,
  end: string,
  lang: UiLanguage,
  timeZone: string,
  endTimeZone?: string | null,
): string {
  const a = wallClock(start, timeZone);
  const b = wallClock(end, endTimeZone || timeZone);
  if (!a || !b) return `${start} – ${end}`;
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  return `${joinDateTime(a, lang)} – ${sameDay ? clockTime(b) : joinDateTime(b, lang)}`;
}

/** Decimal places of a currency's minor unit per ISO 4217 (VND 0, JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

// Money reads one way per language, here and in the core's documents (crates/core/src/numbers.rs):
// Vietnamese puts the code after ("8.000.000 USD", "105–120 USD/m²"), English before
// ("USD 8,000,000", "USD 105–120/m²"); a whole amount shows no decimals.

function majorUnits(minor: number, digits: number, decimals: boolean, lang: UiLanguage): string {
  const shown = decimals ? digits : 0;
  return new Intl.NumberFormat(numberLocale(lang), {
    minimumFractionDigits: shown,
    maximumFractionDigits: shown,
  }).format(minor / 10 ** digits);
}

const hasFraction = (minor: number, digits: number) => minor % 10 ** digits !== 0;

function withCurrency(figures: string, currency: string, lang: UiLanguage, unit = ''): string {
  return lang === 'vi' ? `${figures} ${currency}${unit}` : `${currency} ${figures}${unit}`;
}

/**
 * An amount in minor units as money with the currency's code: 150000000 VND → "150.000.000 VND"
 * in Vietnamese, 1250050 USD → "USD 12,500.50" in English. `whole` rounds to major units (for
 * totals and overviews).
 */
export function formatMoney(
  minor: number | null | undefined,
  currency: string | null | undefined,
  lang: UiLanguage,
  { whole = false }: { whole?: boolean } = {},
): string {
  if (minor === null || minor === undefined) return '';
  if (!currency) return formatNumber(minor, lang);
  const digits = minorDigits(currency);
  const shown = whole ? Math.round(minor / 10 ** digits) * 10 ** digits : minor;
  return withCurrency(majorUnits(shown, digits, hasFraction(shown, digits), lang), currency, lang);
}

/** "/m²" for the unit "m²" (or "USD/m²", whose currency the amount already says); '' for none. */
export function perUnit(unit: string | null | undefined, currency: string): string {
  let u = (unit ?? '').trim();
  if (u.startsWith(currency)) u = u.slice(currency.length).trimStart();
  if (u === '') return '';
  return u.startsWith('/') ? u : `/${u}`;
}

/**
 * A range of amounts per unit: "105–120 USD/m² (50 năm)" / "USD 105–120/m² (50 năm)"; one
 * figure when both ends are the same or one is missing; '' without either or a currency.
 */
export function formatMoneyRange(
  min: number | null | undefined,
  max: number | null | undefined,
  currency: string | null | undefined,
  unit: string | null | undefined,
  lang: UiLanguage,
): string {
  if (!currency) return '';
  const ends = [min, max].filter((m): m is number => m !== null && m !== undefined);
  if (ends.length === 0) return '';
  const digits = minorDigits(currency);
  const decimals = ends.some((m) => hasFraction(m, digits));
  const figures = [...new Set(ends)].map((m) => majorUnits(m, digits, decimals, lang)).join('–');
  return withCurrency(figures, currency, lang, perUnit(unit, currency));
}

/** A plain number with the language's grouping and decimal marks. */
export function formatNumber(value: number | null | undefined, lang: UiLanguage): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: 2 }).format(value);
}

/** Why an amount typed in major units could not be read. */
export type AmountProblem = 'invalid' | 'negative' | 'decimals';

/**
 * Reads an amount typed in major units into integer minor units of `currency`, exactly (no
 * floating point). Accepts "1500000", "1.500.000" or "1 500 000" (grouping), "12500.50" or
 * "12.500,50" (decimal mark). For a currency without decimals (VND, JPY) a single mark followed by
 * three digits is read as grouping, as Vietnamese writes "1.500".
 */
export function parseAmount(
  text: string,
  currency: string,
): { minor: number | null } | { problem: AmountProblem } {
  const s = text.replace(/[\s\u00a0_]/g, '');
  if (s === '') return { minor: null };
  if (s.startsWith('-')) return { problem: 'negative' };
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { problem: 'invalid' };
  const digits = minorDigits(currency);
  const marks = s.match(/[.,]/g) ?? [];
  let whole = s;
  let fraction = '';
  const lastMark = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  const kinds = new Set(marks);
  const oneMark = marks.length === 1;
  const groupingOnly =
    (kinds.size === 1 && marks.length > 1) ||
    (oneMark && digits === 0 && s.length - lastMark - 1 === 3);
  if (marks.length > 0 && !groupingOnly) {
    whole = s.slice(0, lastMark);
    fraction = s.slice(lastMark + 1);
    if (whole.includes(s[lastMark])) return { problem: 'invalid' };
  }
  if (marks.length > 0 && !checkGroups(whole)) return { problem: 'invalid' };
  whole = whole.replace(/[.,]/g, '');
  if (fraction.length > digits) {
    if (/^0*$/.test(fraction.slice(digits))) fraction = fraction.slice(0, digits);
    else return { problem: 'decimals' };
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return { problem: 'invalid' };
  return { minor };
}

// Grouping marks must separate groups of three digits ("1.500.000", not "15.00.000").
function checkGroups(whole: string): boolean {
  const groups = whole.split(/[.,]/);
  return groups.length === 1 || (groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3));
}

/** Minor units back to the plain major-unit text a form shows for editing ("12500.5" → "12500.50"). */
export function amountText(minor: number | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined) return '';
  const digits = minorDigits(currency || 'USD');
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

// ── Calendar days and local clock times (naive values the core computed in a zone) ─────────

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayNumberOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

function dateOfDayNumber(n: number): string {
  const d = new Date(n * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `date` (yyyy-mm-dd) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const n = dayNumberOf(date);
  return n === null ? date : dateOfDayNumber(n + days);
}

/** Whole calendar days from `a` to `b` (both yyyy-mm-dd); null when one is unreadable. */
export function daysBetween(a: string, b: string): number | null {
  const x = dayNumberOf(a);
  const y = dayNumberOf(b);
  return x === null || y === null ? null : y - x;
}

/** The day of the week of a calendar date: "Thứ Hai" / "Monday". */
export function weekdayName(date: string, lang: UiLanguage): string {
  const n = dayNumberOf(date);
  if (n === null) return '';
  const day = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday.
  return (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[day];
}

/**
 * A day of a programme: "Ngày 1 — Thứ Hai 08/03/2027" / "Day 1 — Monday 8 Mar 2027"; without
 * the day number when there is none (a delegation without dates, a day outside them).
 */
export function formatDayHeading(date: string, dayNumber: number | null, lang: UiLanguage): string {
  const day = `${weekdayName(date, lang)} ${formatDate(date, lang)}`;
  if (dayNumber === null) return day;
  return `${lang === 'vi' ? 'Ngày' : 'Day'} ${dayNumber} — ${day}`;
}

/** "HH:MM" of a naive local date-time ("2027-03-08T09:30:00"). */
export function clockOf(value: string): string {
  const m = /T(\d{2}):(\d{2})/.exec(value);
  return m ? `${m[1]}:${m[2]}` : value;
}

/**
 * A local time range read on the place's clocks: "09:30 – 11:00 JST"; a travel leg shows both
 * zones ("10:00 JST – 14:30 +07"), and an end on another day its date ("23:00 – 01:00 (09/03/2027) JST").
 * `zones` false leaves the abbreviations out (Hanoi time, named by its column).
 */
export function formatClockRange(
  start: string,
  end: string,
  lang: UiLanguage,
  startZone = '',
  endZone = '',
): string {
  const sameZone = startZone === endZone;
  const from = `${clockOf(start)}${!sameZone && startZone ? ` ${startZone}` : ''}`;
  const otherDay = start.slice(0, 10) !== end.slice(0, 10);
  const to = `${clockOf(end)}${otherDay ? ` (${formatDate(end, lang)})` : ''}`;
  const zone = endZone ? ` ${endZone}` : '';
  return `${from} – ${to}${zone}`;
}

/** A file size: "820 B", "47,5 KB" / "47.5 KB", "1,2 MB". */
export function formatFileSize(bytes: number, lang: UiLanguage): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${formatNumber(Math.round(kb * 10) / 10, lang)} KB`;
  return `${formatNumber(Math.round((kb / 1024) * 10) / 10, lang)} MB`;
}

// ── Instants typed and read on this computer's clock ──────────────────────────────────────

/**
 * An instant as a timestamp on this computer's clock, date first: "27/11/2026 14:30" in
 * Vietnamese, "27 Nov 2026, 14:30" in English (timelines, due dates).
 */
export function formatStamp(value: string | null | undefined, lang: UiLanguage, timeZone?: string): string {
  if (!value) return '';
  const w = wallClock(value, timeZone);
  if (!w) return value;
  const day = joinDate(lang, w.year, w.month, w.day);
  return lang === 'vi' ? `${day} ${clockTime(w)}` : `${day}, ${clockTime(w)}`;
}

/** The value of a `datetime-local` input for `date` on this computer's clock ("2026-03-01T09:30"). */
export function localInputValue(date: Date): string {
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

/**
 * What a `datetime-local` input holds (local wall-clock time, "2026-03-01T09:30") as the UTC
 * instant the core stores ("2026-03-01T02:30:00Z" in Hanoi); null when it is empty or unreadable.
 */
export function utcFromLocalInput(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(date.getTime()) || date.getMonth() !== Number(mo) - 1) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
