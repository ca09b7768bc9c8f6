// The lead form's model: input text to record fields and back. The capital is typed in major
// units and sent as integer minor units; the due date and time are typed on this computer's clock
// and sent as a UTC instant. A new lead starts at the first stage; after that the stage is not
// here: it moves on the lead's page and the board, where "lost" asks for its reason.

import type { FieldError, Lead } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { amountText, localInputValue, minorDigits, parseAmount, utcFromLocalInput } from '../lib/format';
import { textOrNull } from '../lib/form-text';

export type LeadDraft = {
  /** The organisation's id as the picker holds it, '' for none chosen yet. */
  organization_id: string;
  title: string;
  sectors: string[];
  /** The expected capital in major units, as typed ("150000000" or "1.5e8" is refused). */
  capital: string;
  expected_capital_currency: string;
  jobs: number | null;
  owner: string;
  next_action: string;
  /** A `datetime-local` value ("2026-12-01T17:00"), '' for none. */
  due_at: string;
  notes: string;
};

/** The record fields the form edits, each shown with its errors next to its input. */
export const LEAD_FIELDS = [
  'organization_id',
  'title',
  'sectors',
  'expected_capital_minor',
  'expected_capital_currency',
  'jobs',
  'owner',
  'next_action',
  'due_at',
  'notes',
] as const satisfies readonly (keyof Lead)[];

/**
 * What the form sends. With no organisation chosen the field is left out: the core refuses its
 * default (none) as missing, shown next to the picker. The stage is sent only for a new lead (the
 * first one); an edit never sends it, so it cannot undo a move made on the board meanwhile.
 */
export type LeadFields = Omit<Pick<Lead, (typeof LEAD_FIELDS)[number]>, 'organization_id'> &
  Partial<Pick<Lead, 'organization_id' | 'stage'>>;

/** The draft of a stored lead, or of a new one (of organisation `organizationId` when given). */
export function leadDraft(l?: Lead, organizationId?: number): LeadDraft {
  const currency = l?.expected_capital_currency ?? 'USD';
  const organization = l?.organization_id ?? organizationId;
  return {
    organization_id: organization ? String(organization) : '',
    title: l?.title ?? '',
    sectors: [...(l?.sectors ?? [])],
    capital: amountText(l?.expected_capital_minor, currency),
    expected_capital_currency: currency,
    jobs: l?.jobs ?? null,
    owner: l?.owner ?? '',
    next_action: l?.next_action ?? '',
    due_at: l?.due_at ? localInputValue(new Date(l.due_at)) : '',
    notes: l?.notes ?? '',
  };
}

/**
 * The fields of a draft, or the errors that keep it from being sent. A due time left as it was
 * keeps the stored instant (the input has no seconds, so reading it back could change it).
 */
export function leadFields(
  d: LeadDraft,
  stored: Lead | null = null,
): { ok: true; fields: LeadFields } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const currency = d.expected_capital_currency.trim().toUpperCase();
  let capital: number | null = null;
  const amount = parseAmount(d.capital, currency || 'USD');
  if ('problem' in amount) {
    errors.push(
      amount.problem === 'decimals'
        ? clientError('expected_capital_minor', 'too_many_decimals', 'money.decimals', { currency, digits: minorDigits(currency) })
        : clientError('expected_capital_minor', 'invalid_amount', amount.problem === 'negative' ? 'money.negative' : 'money.invalid'),
    );
  } else {
    capital = amount.minor;
  }
  if (d.jobs !== null && !(Number.isInteger(d.jobs) && d.jobs >= 0)) {
    errors.push(clientError('jobs', 'invalid_number', 'number.invalid'));
  }
  let due: string | null = null;
  if (stored && d.due_at === leadDraft(stored).due_at) {
    due = stored.due_at;
  } else if (d.due_at.trim() !== '') {
    due = utcFromLocalInput(d.due_at);
    if (due === null) errors.push(clientError('due_at', 'invalid_instant', 'interactions.whenInvalid'));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      ...(d.organization_id !== '' ? { organization_id: Number(d.organization_id) } : {}),
      ...(stored ? {} : { stage: 'lead' as const }),
      title: d.title.trim(),
      sectors: [...d.sectors],
      expected_capital_minor: capital,
      expected_capital_currency: currency,
      jobs: d.jobs,
      owner: textOrNull(d.owner),
      next_action: textOrNull(d.next_action),
      due_at: due,
      notes: textOrNull(d.notes),
    },
  };
}
