// The interface language as a setting: read from the store at start, saved on every switch.

import type { UiLanguage } from '../lib/bindings.gen';
import { getSettings, saveSettings } from '../lib/api';
import { setLanguage } from '../lib/i18n/index.svelte';

/** Applies the saved language; keeps Vietnamese when the settings cannot be read. */
export async function loadLanguage(): Promise<void> {
  try {
    const settings = await getSettings();
    setLanguage(settings.ui_language);
  } catch {
    setLanguage('vi');
  }
}

/** Switches the interface at once, then saves the choice (the save's failure is returned). */
export async function switchLanguage(lang: UiLanguage): Promise<void> {
  setLanguage(lang);
  await saveSettings({ ui_language: lang });
}
