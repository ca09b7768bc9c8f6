// The member form's model: a person from the contact book or a staff member named directly
// (exactly one of the two, as the core requires), their role, travel documents and needs.

import type { FieldError, Member, MemberRole, VisaStatus } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { textOrNull } from '../lib/form-text';

export type MemberDraft = {
  source: 'contact' | 'staff';
  contact_id: number | null;
  staff_name: string;
  role: MemberRole;
  passport_number: string;
  passport_expiry: string;
  visa_status: VisaStatus;
  dietary_notes: string;
  protocol_notes: string;
};

export const MEMBER_FIELDS = [
  'contact_id',
  'staff_name',
  'role',
  'passport_number',
  'passport_expiry',
  'visa_status',
  'dietary_notes',
  'protocol_notes',
] as const satisfies readonly (keyof Member)[];

export function memberDraft(m?: Member): MemberDraft {
  return {
    source: m && m.contact_id === null ? 'staff' : 'contact',
    contact_id: m?.contact_id ?? null,
    staff_name: m?.staff_name ?? '',
    role: m?.role ?? 'member',
    passport_number: m?.passport_number ?? '',
    passport_expiry: m?.passport_expiry ?? '',
    visa_status: m?.visa_status ?? 'pending',
    dietary_notes: m?.dietary_notes ?? '',
    protocol_notes: m?.protocol_notes ?? '',
  };
}

/** The member record to save, or what is missing before anything is sent. */
export function memberFields(
  d: MemberDraft,
  delegationId: number,
): { ok: true; fields: Member } | { ok: false; errors: FieldError[] } {
  if (d.source === 'contact' && d.contact_id === null) {
    return { ok: false, errors: [clientError('contact_id', 'required', 'members.chooseContact')] };
  }
  if (d.source === 'staff' && d.staff_name.trim() === '') {
    return { ok: false, errors: [clientError('staff_name', 'required', 'common.required')] };
  }
  return {
    ok: true,
    fields: {
      delegation_id: delegationId,
      contact_id: d.source === 'contact' ? d.contact_id : null,
      staff_name: d.source === 'staff' ? d.staff_name.trim() : null,
      role: d.role,
      passport_number: textOrNull(d.passport_number),
      passport_expiry: textOrNull(d.passport_expiry),
      visa_status: d.visa_status,
      dietary_notes: textOrNull(d.dietary_notes),
      protocol_notes: textOrNull(d.protocol_notes),
    },
  };
}
