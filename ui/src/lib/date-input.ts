// Calendar dates typed as officers write them, whatever the operating system's locale: the
// webview's native date input follows the OS order (01/12/2027 under an English locale), so date
// fields are text inputs read here and shown in the interface language's order (`formatDate`).

import type { FieldError, UiLanguage } from './bindings.gen';
import { clientError } from './client-errors';
import { formatDate } from './format';

const MONTH_NAMES = [
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may', 'may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

const pad = (n: number) => String(n).padStart(2, '0');

/** Is `value` a calendar date as the store keeps it (`yyyy-mm-dd`, a day that exists)? */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthOfName(name: string): number | null {
  const index = MONTH_NAMES.findIndex((names) => names.includes(name.toLowerCase()));
  return index < 0 ? null : index + 1;
}

/**
 * A typed date as `yyyy-mm-dd`, or null when it is not one. Day first in both languages, as the
 * screens show dates: "8/3/2027", "08/03/2027" (also with '.' or '-'), "2027-03-08", and the
 * English display form "8 Mar 2027". A day that does not exist (31/02/2027) is not a date.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let year: number;
  let month: number | null;
  let day: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s))) {
    [day, month, year] = [Number(m[1]), monthOfName(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (month === null || !isCalendarDay(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** What a date field shows for a stored date: the date as every screen writes it in `lang`. */
export function formatDateInput(value: string, lang: UiLanguage): string {
  return isIsoDate(value) ? formatDate(value, lang) : value;
}

/**
 * What a date field binds for what is typed: the ISO date, '' when blank, and otherwise the text
 * itself, so a form sees (and refuses) a date it cannot read instead of saving the field empty.
 */
export function boundDateValue(text: string): string {
  if (text.trim() === '') return '';
  return parseDateInput(text) ?? text.trim();
}

/** Client errors for the date fields of a draft that hold text no date could be read from. */
export function invalidDateErrors<D extends Record<string, unknown>>(
  draft: D,
  fields: readonly (keyof D & string)[],
): FieldError[] {
  return fields
    .filter((f) => {
      const v = draft[f];
      return typeof v === 'string' && v !== '' && !isIsoDate(v);
    })
    .map((f) => clientError(f, 'invalid_date', 'date.invalid'));
}
