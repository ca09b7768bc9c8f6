// Test set-up: DOM matchers, and a clean slate (no IPC mock, Vietnamese, no route, no cached
// picture) after each test.
import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { setLanguage } from './lib/i18n/index.svelte';
import { router } from './lib/router.svelte';

afterEach(async () => {
  clearMocks();
  // Imported late: a static import here would load lib/api.ts before a test file's vi.mock of
  // the dialog plugin takes effect.
  (await import('./lib/image-data')).clearImageData();
  setLanguage('vi');
  history.replaceState(null, '', '/');
  router.path = '/';
});
