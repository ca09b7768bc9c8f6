// Unsaved edits are never discarded silently. Every form's editor holds the way out while its
// draft differs from what was saved (RecordEditor registers itself here while dirty); whatever
// leaves the page (the router's navigate, a link, Back, the window's close) asks `mayLeave` first,
// which shows the one confirm dialog (LeaveConfirm.svelte) and resolves when it is answered.

/** Something with changes that are not saved (a form's editor). */
export interface UnsavedChanges {
  readonly dirty: boolean;
}

const holders = new Set<UnsavedChanges>();

/** The question on screen, if any: LeaveConfirm shows it while `asking`. */
export const leaving = $state({ asking: false });

let pending: Promise<boolean> | null = null;
let answer: ((discard: boolean) => void) | null = null;

/** Registers `holder`; returns the function that releases it (when saved, or when the form goes). */
export function holdLeaving(holder: UnsavedChanges): () => void {
  holders.add(holder);
  return () => {
    holders.delete(holder);
  };
}

/** Has any form on screen changes that are not saved? */
export function hasUnsavedChanges(): boolean {
  return [...holders].some((h) => h.dirty);
}

/**
 * May the page change? True at once when nothing is unsaved; otherwise asks (once, however many
 * ways out are tried meanwhile) and resolves true when the changes are discarded.
 */
export function mayLeave(): Promise<boolean> {
  if (!hasUnsavedChanges()) return Promise.resolve(true);
  if (pending) return pending;
  leaving.asking = true;
  pending = new Promise<boolean>((resolve) => {
    answer = (discard) => {
      // The forms still hold their drafts until they go: released here so that the way out
      // taken next is not asked about again.
      if (discard) holders.clear();
      leaving.asking = false;
      pending = null;
      answer = null;
      resolve(discard);
    };
  });
  return pending;
}

/** The dialog's answer: discard the changes (true) or keep editing (false). */
export function answerLeaving(discard: boolean): void {
  answer?.(discard);
}

/** Tests only: forgets every holder and any open question. */
export function forgetUnsaved(): void {
  answer?.(false);
  holders.clear();
}
