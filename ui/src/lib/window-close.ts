// The window's close asks too while a form has unsaved changes. A page's `beforeunload` is not
// asked by Tauri's close button, so the app listens for the window's close request: once it
// listens, Tauri leaves the closing to it (the window is destroyed unless the handler prevents
// it), which is why the capability grants `core:event:allow-listen` and `core:window:allow-destroy`.

import { getCurrentWindow } from '@tauri-apps/api/window';
import { mayLeave } from './unsaved.svelte';

/** Asks before the window closes on unsaved changes (in the app's window only). */
export function guardWindowClose(): void {
  if (!('__TAURI_INTERNALS__' in window)) return;
  void getCurrentWindow()
    .onCloseRequested(async (event) => {
      if (!(await mayLeave())) event.preventDefault();
    })
    .catch((e: unknown) => console.error('the window close is not guarded', e));
}
