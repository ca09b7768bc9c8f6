// The person form's model. Emails and phones are label + value rows; a row left entirely blank
// is dropped, so error paths such as "emails[1].value" count only the rows that are sent.

import type { Contact, Labelled } from '../lib/bindings.gen';
import { splitTags, textOrNull } from '../lib/form-text';

export type PersonDraft = Pick<Contact, 'consent_basis' | 'emails' | 'phones'> &
  Record<
    Extract<
      keyof Contact,
      'full_name' | 'title' | 'organization_id' | 'languages' | 'nationality' | 'notes' | 'consent_date' | 'consent_source'
    >,
    string
  >;

export const PERSON_FIELDS = [
  'full_name',
  'title',
  'organization_id',
  'emails',
  'phones',
  'languages',
  'nationality',
  'notes',
  'consent_basis',
  'consent_date',
  'consent_source',
] as const satisfies readonly (keyof Contact)[];

export function personDraft(c?: Contact): PersonDraft {
  return {
    full_name: c?.full_name ?? '',
    title: c?.title ?? '',
    organization_id: c?.organization_id ? String(c.organization_id) : '',
    emails: (c?.emails ?? []).map((e) => ({ ...e })),
    phones: (c?.phones ?? []).map((p) => ({ ...p })),
    languages: (c?.languages ?? []).join(', '),
    nationality: c?.nationality ?? '',
    notes: c?.notes ?? '',
    consent_basis: c?.consent_basis ?? 'unknown',
    consent_date: c?.consent_date ?? '',
    consent_source: c?.consent_source ?? '',
  };
}

function rows(items: Labelled[]): Labelled[] {
  return items
    .map((r) => ({ label: r.label.trim(), value: r.value.trim() }))
    .filter((r) => r.label !== '' || r.value !== '');
}

export function personFields(d: PersonDraft): Contact {
  const nationality = d.nationality.trim().toUpperCase();
  return {
    full_name: d.full_name.trim(),
    title: textOrNull(d.title),
    organization_id: d.organization_id ? Number(d.organization_id) : null,
    emails: rows(d.emails),
    phones: rows(d.phones),
    languages: splitTags(d.languages),
    nationality: nationality === '' ? null : nationality,
    notes: textOrNull(d.notes),
    consent_basis: d.consent_basis,
    consent_date: textOrNull(d.consent_date),
    consent_source: textOrNull(d.consent_source),
  };
}
