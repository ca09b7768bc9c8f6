// The ways a received file reaches its preview (`#/exchange/preview?path=…`): the open dialog,
// the file the app was started with (a bundle opened from the file manager, kept by the shell
// until `launch_bundle` takes it), the file a later launch brought while the window was open (the
// shell keeps it the same way and emits `launch-bundle`: src-tauri/src/second_launch.rs), and a
// file dropped on the window (Tauri's drag-drop event, which gives the dropped file's path). The
// preview checks the content, never the name.

import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { chooseBundlePath, launchBundle } from '../lib/exchange-api';
import { navigate, pathOf } from '../lib/router.svelte';

/** Opens the preview of the file at `path`. */
export function previewFile(path: string): void {
  navigate(pathOf({ name: 'exchange-preview' }, { path }));
}

/** Asks for a file (the open dialog, filtered by `dialogName`'s types) and previews it. */
export async function chooseAndPreview(dialogName: string): Promise<void> {
  try {
    const path = await chooseBundlePath(dialogName);
    if (path) previewFile(path);
  } catch (e) {
    console.error('the open dialog failed', e);
  }
}

/** Previews the file the app was started with, if any (asked once, at start). */
export async function previewLaunchBundle(): Promise<void> {
  try {
    const path = await launchBundle();
    if (path) previewFile(path);
  } catch (e) {
    console.error('the file the app was started with is not known', e);
  }
}

/** The shell's event: a later launch (a bundle double-clicked while the window is open) brought a file. */
export const LAUNCH_BUNDLE = 'launch-bundle';

/** Previews each file a later launch brings. In the app only. */
export function previewLaterLaunchBundles(): void {
  if (!('__TAURI_INTERNALS__' in window)) return;
  listen(LAUNCH_BUNDLE, () => void previewLaunchBundle()).catch((e: unknown) =>
    console.error('files opened while the window is open are not followed', e),
  );
}

/** Previews a file dropped on the window (the first one, when several are). In the app only. */
export function previewDroppedFiles(): void {
  if (!('__TAURI_INTERNALS__' in window)) return;
  void getCurrentWebview()
    .onDragDropEvent((event) => {
      if (event.payload.type === 'drop' && event.payload.paths.length > 0) previewFile(event.payload.paths[0]);
    })
    .catch((e: unknown) => console.error('dropped files are not followed', e));
}
