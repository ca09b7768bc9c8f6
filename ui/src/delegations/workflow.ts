// The delegation workflow as the overview shows it: the main track of statuses, and what each
// move's button says (forward moves are verbs; moves back and cancelling ask once more).

import type { DelegationStatus } from '../lib/bindings.gen';
import { t } from '../lib/i18n/index.svelte';
import { statusLabel } from './labels';

/** The statuses in their normal order (cancelled stands aside). */
export const TRACK: DelegationStatus[] = ['draft', 'proposed', 'approved', 'confirmed', 'completed', 'reported'];

/** Is moving from `from` to `to` a step back (or out, when cancelling)? */
export function isBackward(from: DelegationStatus, to: DelegationStatus): boolean {
  if (to === 'cancelled') return true;
  if (from === 'cancelled') return false;
  return TRACK.indexOf(to) < TRACK.indexOf(from);
}

/** The button's text for the move from `from` to `to`. */
export function stepLabel(from: DelegationStatus, to: DelegationStatus): string {
  if (to === 'cancelled') return t('workflow.toCancelled');
  if (from === 'cancelled') return t('workflow.reopen');
  if (isBackward(from, to)) return t('workflow.backTo', { status: statusLabel(to) });
  switch (to) {
    case 'proposed':
      return t('workflow.toProposed');
    case 'approved':
      return t('workflow.toApproved');
    case 'confirmed':
      return t('workflow.toConfirmed');
    case 'completed':
      return t('workflow.toCompleted');
    case 'reported':
      return t('workflow.toReported');
    default:
      return statusLabel(to);
  }
}

/**
 * What a move asks before it is made: the approver's name (the core requires it for every move
 * to approved, even back from confirmed), a confirmation (moves back, cancelling), or nothing.
 */
export function promptFor(from: DelegationStatus, to: DelegationStatus): 'approver' | 'confirm' | null {
  if (to === 'approved') return 'approver';
  return isBackward(from, to) ? 'confirm' : null;
}
