// The user's settings: the interface language (read at start, applied at once on a switch) and
// the travel buffer the conflict check uses. The core saves them together, so every save sends
// the whole settings as last read, with the one change.

import type { Settings, UiLanguage } from '../lib/bindings.gen';
import { getSettings, saveSettings } from '../lib/api';
import { setLanguage } from '../lib/i18n/index.svelte';

/** The settings as last read or saved (null until read). */
let known: Settings | null = null;

/** The settings, read from the core once. */
export async function currentSettings(): Promise<Settings> {
  if (!known) known = await getSettings();
  return known;
}

/** Forgets the settings read (tests start from a clean slate). */
export function forgetSettings(): void {
  known = null;
}

async function save(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await currentSettings()), ...change };
  await saveSettings(next);
  known = next;
  return next;
}

/** Applies the saved language; keeps Vietnamese when the settings cannot be read. */
export async function loadLanguage(): Promise<void> {
  try {
    known = await getSettings();
    setLanguage(known.ui_language);
  } catch {
    setLanguage('vi');
  }
}

/** Switches the interface at once, then saves the choice (the save's failure is returned). */
export async function switchLanguage(lang: UiLanguage): Promise<void> {
  setLanguage(lang);
  await save({ ui_language: lang });
}

/** Saves the minutes needed between two items at different venues. */
export async function saveTravelBuffer(minutes: number): Promise<Settings> {
  return save({ travel_buffer_minutes: minutes });
}
