// The office profile as a form holds it (every field a string) and as the core takes it (blank
// optional fields as null): shared by Settings' office profile and the first-run screen, which
// edit the same profile with the same fields (OfficeProfileFields.svelte).

import type { OfficeProfile } from '../lib/bindings.gen';

/** The profile being typed: every field a string. */
export type OfficeDraft = { [K in keyof OfficeProfile]-?: string };

/** The fields, in the order the form shows them (errors of other fields go to the form's top). */
export const OFFICE_FIELDS = ['name_vi', 'name_en', 'code', 'city', 'country', 'email'] as const;

/** The draft of `profile` (none: every field empty). */
export function officeDraftOf(profile: OfficeProfile | null | undefined): OfficeDraft {
  return {
    name_vi: profile?.name_vi ?? '',
    name_en: profile?.name_en ?? '',
    code: profile?.code ?? '',
    city: profile?.city ?? '',
    country: profile?.country ?? '',
    email: profile?.email ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The profile the core checks: texts trimmed, blank optional fields left out. */
export function officeProfileOf(draft: OfficeDraft): OfficeProfile {
  return {
    name_vi: draft.name_vi.trim(),
    name_en: draft.name_en.trim(),
    code: draft.code.trim(),
    city: orNull(draft.city),
    country: orNull(draft.country),
    email: orNull(draft.email),
  };
}

/** Whether nothing was typed (first run then sets no profile: it is set later in Settings). */
export function isBlankOffice(draft: OfficeDraft): boolean {
  return OFFICE_FIELDS.every((f) => draft[f].trim() === '');
}
