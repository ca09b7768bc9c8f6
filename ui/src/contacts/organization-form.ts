// The organisation form's model: input text to record fields and back.

import type { Organization } from '../lib/bindings.gen';
import { textOrNull } from '../lib/form-text';

export type OrganizationDraft = Pick<Organization, 'kind' | 'size' | 'sectors'> &
  Record<Extract<keyof Organization, 'name_vi' | 'name_en' | 'country' | 'city' | 'website' | 'notes'>, string>;

export const ORGANIZATION_FIELDS = [
  'kind',
  'name_vi',
  'name_en',
  'country',
  'city',
  'sectors',
  'size',
  'website',
  'notes',
] as const satisfies readonly (keyof Organization)[];

export function organizationDraft(o?: Organization): OrganizationDraft {
  return {
    kind: o?.kind ?? 'investor',
    size: o?.size ?? 'unknown',
    name_vi: o?.name_vi ?? '',
    name_en: o?.name_en ?? '',
    country: o?.country ?? '',
    city: o?.city ?? '',
    sectors: [...(o?.sectors ?? [])],
    website: o?.website ?? '',
    notes: o?.notes ?? '',
  };
}

export function organizationFields(d: OrganizationDraft): Organization {
  return {
    kind: d.kind,
    name_vi: d.name_vi.trim(),
    name_en: textOrNull(d.name_en),
    country: d.country.trim().toUpperCase(),
    city: textOrNull(d.city),
    sectors: [...d.sectors],
    size: d.size,
    website: textOrNull(d.website),
    notes: textOrNull(d.notes),
  };
}
