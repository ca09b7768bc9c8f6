// The itinerary item form's model: what the officer types, in the local time of the place, and
// the `ItemEntry` sent to `save_itinerary_item`. The core converts to UTC and checks it; its
// errors name the entry's fields, except a few record-level ones mapped here to the inputs.

import type { ErrorPayload, ItemEntry, ItineraryKind } from '../lib/bindings.gen';
import { textOrNull } from '../lib/form-text';

export type ItemDraft = {
  kind: ItineraryKind;
  title: string;
  start_date: string;
  start_time: string;
  end_date: string;
  end_time: string;
  time_zone: string;
  end_time_zone: string;
  venue: string;
  address: string;
  organization_id: string;
  counsellor_id: string;
  contact_ids: number[];
  attendee_ids: number[];
  notes: string;
};

/** The entry fields the form shows, each next to its input. */
export const ITEM_FIELDS = [
  'kind',
  'title',
  'start_date',
  'start_time',
  'end_date',
  'end_time',
  'time_zone',
  'end_time_zone',
  'venue',
  'address',
  'organization_id',
  'counsellor_id',
  'contact_ids',
  'attendee_ids',
  'notes',
] as const satisfies readonly (keyof ItemEntry)[];

/** "09:30:00" → "09:30" for a time input (seconds are kept when they are not zero). */
function timeText(value: string | null): string {
  if (!value) return '';
  return value.length === 8 && value.endsWith(':00') ? value.slice(0, 5) : value;
}

/** "09:30" → "09:30:00" (what the core reads); other text is sent as typed, for the core to judge. */
export function timeValue(text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  return /^\d{2}:\d{2}$/.test(s) ? `${s}:00` : s;
}

/** A new item on `date`, in the delegation's zone; or the draft of an existing item's entry. */
export function itemDraft(
  init: { date?: string | null; timeZone: string; counsellorId?: number | null } | ItemEntry,
): ItemDraft {
  if ('delegation_id' in init) {
    const e = init;
    return {
      kind: e.kind,
      title: e.title,
      start_date: e.start_date ?? '',
      start_time: timeText(e.start_time),
      // The end date is shown only when it is not the start's (an overnight item, a flight).
      end_date: e.end_date && e.end_date !== e.start_date ? e.end_date : '',
      end_time: timeText(e.end_time),
      time_zone: e.time_zone,
      end_time_zone: e.end_time_zone ?? '',
      venue: e.venue ?? '',
      address: e.address ?? '',
      organization_id: e.organization_id ? String(e.organization_id) : '',
      counsellor_id: e.counsellor_id ? String(e.counsellor_id) : '',
      contact_ids: [...e.contact_ids],
      attendee_ids: [...e.attendee_ids],
      notes: e.notes ?? '',
    };
  }
  return {
    kind: 'meeting',
    title: '',
    start_date: init.date ?? '',
    start_time: '',
    end_date: '',
    end_time: '',
    time_zone: init.timeZone,
    end_time_zone: '',
    venue: '',
    address: '',
    organization_id: '',
    // A new item is arranged by the delegation's counsellor unless the officer picks another.
    counsellor_id: init.counsellorId ? String(init.counsellorId) : '',
    contact_ids: [],
    attendee_ids: [],
    notes: '',
  };
}

/** The entry to send. The arrival zone goes only with a travel leg, and only when it differs. */
export function entryOf(d: ItemDraft, delegationId: number): ItemEntry {
  const zone = d.time_zone.trim();
  const arrival = d.end_time_zone.trim();
  return {
    delegation_id: delegationId,
    kind: d.kind,
    title: d.title.trim(),
    start_date: textOrNull(d.start_date),
    start_time: timeValue(d.start_time),
    end_date: textOrNull(d.end_date),
    end_time: timeValue(d.end_time),
    time_zone: zone,
    end_time_zone: d.kind === 'travel' && arrival !== '' && arrival !== zone ? arrival : null,
    venue: textOrNull(d.venue),
    address: textOrNull(d.address),
    organization_id: d.organization_id ? Number(d.organization_id) : null,
    counsellor_id: d.counsellor_id ? Number(d.counsellor_id) : null,
    contact_ids: [...d.contact_ids],
    attendee_ids: [...d.attendee_ids],
    notes: textOrNull(d.notes),
  };
}

// Record-level field names the core may use, and the input each belongs to.
const RECORD_TO_ENTRY: Record<string, string> = { starts_at: 'start_time', ends_at: 'end_time' };

/** The payload with record-level field names moved onto the form's inputs. */
export function entryErrors(payload: ErrorPayload): ErrorPayload {
  return {
    ...payload,
    fields: payload.fields.map((f) => {
      const [head, ...rest] = f.field.split(/(?=[.[])/);
      const mapped = RECORD_TO_ENTRY[head];
      return mapped ? { ...f, field: [mapped, ...rest].join('') } : f;
    }),
  };
}
