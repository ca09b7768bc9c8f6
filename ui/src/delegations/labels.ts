// How a delegation's kind and status read and look, shared by the list, the detail and the dashboard.

import type { DelegationStatus } from '../lib/bindings.gen';
import type { Tone } from '../lib/components/Badge.svelte';
import { DELEGATION_KINDS, DELEGATION_STATUSES, isOneOf } from '../lib/enums';
import { label } from '../lib/i18n/index.svelte';
import { DELEGATION_KIND, DELEGATION_STATUS } from '../lib/labels.gen';

const TONES: Record<DelegationStatus, Tone> = {
  draft: 'neutral',
  proposed: 'info',
  approved: 'success',
  confirmed: 'success',
  completed: 'neutral',
  reported: 'neutral',
  cancelled: 'danger',
};

export function statusTone(status: string): Tone {
  return isOneOf(DELEGATION_STATUSES, status) ? TONES[status] : 'neutral';
}

/** The status's label; an unknown value (from a newer store) is shown as it is. */
export function statusLabel(status: string): string {
  return isOneOf(DELEGATION_STATUSES, status) ? label(DELEGATION_STATUS, status) : status;
}

export function kindLabel(kind: string): string {
  return isOneOf(DELEGATION_KINDS, kind) ? label(DELEGATION_KIND, kind) : kind;
}

/** "Tokyo, JP" or just "JP". */
export function destination(country: string, city: string | null): string {
  return city ? `${city}, ${country}` : country;
}
