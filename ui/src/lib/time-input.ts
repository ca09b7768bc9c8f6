// Times of day typed as people type them: "14:00", "1400", "14h", "14h30", "14.00", "9:05",
// "930", "9". A native time input reads "1400" as 00:30 in WebKit (the digits fill the fields
// from the right), so every time field is a text input read here and bound as "HH:MM".

import type { FieldError } from './bindings.gen';
import { clientError } from './client-errors';

/** The "HH:MM" a typed time means, or null when it is not a time of day. */
export function parseTimeInput(text: string): string | null {
  const s = text.trim().toLowerCase();
  const m =
    /^(\d{1,2})\s*(?:[:.h]\s*(\d{2})?)?$/.exec(s) ?? // 14, 14:00, 14.00, 14h, 14h30
    /^(\d{1,2})(\d{2})$/.exec(s); // 930, 1400
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** What a time field binds: the time read, or the text as typed (which the form then refuses). */
export function boundTimeValue(text: string): string {
  return parseTimeInput(text) ?? text;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Client errors for the time fields of a draft that hold text no time could be read from. */
export function invalidTimeErrors<D extends Record<string, unknown>>(
  draft: D,
  fields: readonly (keyof D & string)[],
): FieldError[] {
  return fields
    .filter((f) => {
      const v = draft[f];
      return typeof v === 'string' && v !== '' && !HH_MM.test(v);
    })
    .map((f) => clientError(f, 'invalid_time', 'time.invalid'));
}
