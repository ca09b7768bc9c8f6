// The "log interaction" form's model: what the officer types (the date and time on this
// computer's clock) and the `Interaction` sent to `create_record`, with the instant in UTC.

import type { FieldError, Interaction, InteractionKind } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { textOrNull } from '../lib/form-text';
import { localInputValue, utcFromLocalInput } from '../lib/format';

export type InteractionDraft = {
  kind: InteractionKind;
  /** A `datetime-local` value: local wall-clock time, "2026-03-01T09:30". */
  occurred_at: string;
  summary: string;
  notes: string;
  contact_ids: number[];
  /** The linked delegation's id, '' for none. */
  delegation_id: string;
  /** The linked itinerary item's id (one of that delegation's), '' for none. */
  itinerary_item_id: string;
};

/** The fields the form shows, each next to its input. */
export const INTERACTION_FIELDS = [
  'kind',
  'occurred_at',
  'summary',
  'notes',
  'contact_ids',
  'delegation_id',
  'itinerary_item_id',
] as const satisfies readonly (keyof Interaction)[];

/** A new interaction happening now, with these people attending. */
export function interactionDraft(now: Date, contactIds: number[] = []): InteractionDraft {
  return {
    kind: 'meeting',
    occurred_at: localInputValue(now),
    summary: '',
    notes: '',
    contact_ids: [...contactIds],
    delegation_id: '',
    itinerary_item_id: '',
  };
}

/**
 * The record to create for `organizationId`, or the errors found before sending (a date and
 * time that is missing or cannot be read). Everything else is the core's to check.
 */
export function interactionFields(
  d: InteractionDraft,
  organizationId: number | null,
): { fields: Interaction } | { errors: FieldError[] } {
  const occurred = utcFromLocalInput(d.occurred_at);
  if (occurred === null) {
    const empty = d.occurred_at.trim() === '';
    return {
      errors: [
        empty
          ? clientError('occurred_at', 'required', 'common.required')
          : clientError('occurred_at', 'invalid_instant', 'interactions.whenInvalid'),
      ],
    };
  }
  return {
    fields: {
      occurred_at: occurred,
      kind: d.kind,
      summary: d.summary.trim(),
      organization_id: organizationId,
      contact_ids: [...d.contact_ids],
      delegation_id: d.delegation_id ? Number(d.delegation_id) : null,
      // An item belongs to the delegation chosen: without one there is no item.
      itinerary_item_id: d.delegation_id && d.itinerary_item_id ? Number(d.itinerary_item_id) : null,
      notes: textOrNull(d.notes),
    },
  };
}

/**
 * A symbol for each kind of interaction, shown beside its name (plain text symbols that common
 * fonts have, not colour emoji, which a Linux webview may not be able to draw).
 */
export const KIND_ICONS: Record<InteractionKind, string> = {
  meeting: '⇄',
  call: '☎',
  email: '✉',
  site_visit: '⌂',
  event: '★',
  note: '✎',
};
