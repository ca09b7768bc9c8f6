// Test set-up: DOM matchers, and a clean slate (no IPC mock, Vietnamese, no route, no cached
// picture, no settings read, no remembered list filters, no erase report, no unsaved form,
// no sector list read, no office prompt put off, no store health known) after each test; a test whose fake core was asked something the core's
// generated answers lack fails.
import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { takeMissingAnswers } from './fixtures/core-answers';
import { setLanguage } from './lib/i18n/index.svelte';
import { lastList, pathOf, router } from './lib/router.svelte';

afterEach(async () => {
  clearMocks();
  const missing = takeMissingAnswers();
  // Imported late: a static import here would load lib/api.ts before a test file's vi.mock of
  // the dialog plugin takes effect.
  (await import('./lib/image-data')).clearImageData();
  (await import('./settings/language')).forgetSettings();
  (await import('./search/palette.svelte')).closePalette();
  (await import('./contacts/erase-notice.svelte')).eraseNotice.current = null;
  (await import('./lib/unsaved.svelte')).forgetUnsaved();
  (await import('./lib/sectors.svelte')).forgetSectors();
  (await import('./exchange/office-prompt.svelte')).officePrompt.dismissed = false;
  (await import('./health/store-health.svelte')).storeHealthState.current = null;
  setLanguage('vi');
  history.replaceState(null, '', '/');
  router.path = '/';
  lastList.delegations = pathOf({ name: 'delegations' });
  if (missing.length > 0) throw new Error(missing.join('\n'));
});
