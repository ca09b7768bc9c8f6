// The delegation form's model: the text the inputs hold, and its conversion to and from the
// record (blank → null, tags, budget in major units → integer minor units).

import type { Delegation, FieldError } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { amountText, minorDigits, parseAmount } from '../lib/format';
import { textOrNull } from '../lib/form-text';

type TextField = Extract<
  keyof Delegation,
  | 'title'
  | 'purpose'
  | 'destination_country'
  | 'destination_city'
  | 'time_zone'
  | 'start_date'
  | 'end_date'
  | 'lead_officer'
  | 'budget_currency'
  | 'notes'
>;

/** What the inputs hold: enums as they are, everything else as text. The status is not here: it
 * changes only through the workflow (`delegation_transition`), which the core enforces. */
export type DelegationDraft = Pick<Delegation, 'kind'> &
  Record<TextField, string> & { counsellor_id: string; budget: string; sectors: string[] };

/** The record fields the form edits, each shown next to its own input. */
export const FORM_FIELDS = [
  'kind',
  'title',
  'purpose',
  'destination_country',
  'destination_city',
  'time_zone',
  'start_date',
  'end_date',
  'lead_officer',
  'counsellor_id',
  'budget_minor',
  'budget_currency',
  'sectors',
  'notes',
] as const satisfies readonly (keyof Delegation)[];

/** The draft of an existing delegation, or of a new one. */
export function draftOf(d?: Delegation): DelegationDraft {
  return {
    kind: d?.kind ?? 'outbound',
    title: d?.title ?? '',
    purpose: d?.purpose ?? '',
    destination_country: d?.destination_country ?? '',
    destination_city: d?.destination_city ?? '',
    time_zone: d?.time_zone ?? '',
    start_date: d?.start_date ?? '',
    end_date: d?.end_date ?? '',
    lead_officer: d?.lead_officer ?? '',
    counsellor_id: d?.counsellor_id ? String(d.counsellor_id) : '',
    budget: amountText(d?.budget_minor, d?.budget_currency),
    budget_currency: d?.budget_currency ?? 'VND',
    sectors: [...(d?.sectors ?? [])],
    notes: d?.notes ?? '',
  };
}

export type DelegationFields = Pick<Delegation, (typeof FORM_FIELDS)[number]>;

/** The record fields of a draft, or the errors that keep it from being sent. */
export function fieldsOf(
  draft: DelegationDraft,
): { ok: true; fields: DelegationFields } | { ok: false; errors: FieldError[] } {
  const currency = draft.budget_currency.trim().toUpperCase();
  let budgetMinor: number | null = null;
  if (draft.budget.trim() !== '') {
    if (currency === '') {
      return { ok: false, errors: [clientError('budget_currency', 'required', 'money.needsCurrency')] };
    }
    const amount = parseAmount(draft.budget, currency);
    if ('problem' in amount) {
      const error =
        amount.problem === 'decimals'
          ? clientError('budget_minor', 'too_many_decimals', 'money.decimals', {
              currency,
              digits: minorDigits(currency),
            })
          : clientError('budget_minor', `invalid_amount`, amount.problem === 'negative' ? 'money.negative' : 'money.invalid');
      return { ok: false, errors: [error] };
    }
    budgetMinor = amount.minor;
  }
  return {
    ok: true,
    fields: {
      kind: draft.kind,
      title: draft.title.trim(),
      purpose: textOrNull(draft.purpose),
      destination_country: draft.destination_country.trim().toUpperCase(),
      destination_city: textOrNull(draft.destination_city),
      time_zone: draft.time_zone.trim(),
      start_date: textOrNull(draft.start_date),
      end_date: textOrNull(draft.end_date),
      lead_officer: textOrNull(draft.lead_officer),
      counsellor_id: draft.counsellor_id ? Number(draft.counsellor_id) : null,
      budget_minor: budgetMinor,
      budget_currency: budgetMinor === null ? null : currency,
      sectors: [...draft.sectors],
      notes: textOrNull(draft.notes),
    },
  };
}
