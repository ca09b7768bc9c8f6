// The office and counsellor forms' models: the text the inputs hold and the record they save.

import type { Counsellor, FieldError, Office } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { splitTags, textOrNull } from '../lib/form-text';

export type OfficeDraft = Record<
  'name_vi' | 'name_en' | 'country' | 'city' | 'time_zone' | 'address' | 'phone' | 'email' | 'languages' | 'notes',
  string
>;

export const OFFICE_FIELDS = [
  'name_vi',
  'name_en',
  'country',
  'city',
  'time_zone',
  'address',
  'phone',
  'email',
  'languages',
  'notes',
] as const satisfies readonly (keyof Office)[];

export function officeDraft(o?: Office): OfficeDraft {
  return {
    name_vi: o?.name_vi ?? '',
    name_en: o?.name_en ?? '',
    country: o?.country ?? '',
    city: o?.city ?? '',
    time_zone: o?.time_zone ?? '',
    address: o?.address ?? '',
    phone: o?.phone ?? '',
    email: o?.email ?? '',
    languages: (o?.languages ?? []).join(', '),
    notes: o?.notes ?? '',
  };
}

export function officeFields(d: OfficeDraft): Office {
  return {
    name_vi: d.name_vi.trim(),
    name_en: textOrNull(d.name_en),
    country: d.country.trim().toUpperCase(),
    city: d.city.trim(),
    time_zone: d.time_zone.trim(),
    address: textOrNull(d.address),
    phone: textOrNull(d.phone),
    email: textOrNull(d.email),
    languages: splitTags(d.languages),
    notes: textOrNull(d.notes),
  };
}

export type CounsellorDraft = Record<
  'office_id' | 'full_name' | 'title' | 'email' | 'phone' | 'languages' | 'notes',
  string
>;

export const COUNSELLOR_FIELDS = [
  'office_id',
  'full_name',
  'title',
  'email',
  'phone',
  'languages',
  'notes',
] as const satisfies readonly (keyof Counsellor)[];

export function counsellorDraft(c?: Counsellor, officeId?: number): CounsellorDraft {
  return {
    office_id: c?.office_id ? String(c.office_id) : officeId ? String(officeId) : '',
    full_name: c?.full_name ?? '',
    title: c?.title ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    languages: (c?.languages ?? []).join(', '),
    notes: c?.notes ?? '',
  };
}

export function counsellorFields(
  d: CounsellorDraft,
): { ok: true; fields: Counsellor } | { ok: false; errors: FieldError[] } {
  if (!d.office_id) return { ok: false, errors: [clientError('office_id', 'required', 'directory.chooseOffice')] };
  return {
    ok: true,
    fields: {
      office_id: Number(d.office_id),
      full_name: d.full_name.trim(),
      title: textOrNull(d.title),
      email: textOrNull(d.email),
      phone: textOrNull(d.phone),
      languages: splitTags(d.languages),
      notes: textOrNull(d.notes),
    },
  };
}
