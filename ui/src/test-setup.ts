// Test set-up: DOM matchers, and a clean slate (no IPC mock, Vietnamese, no route) after each test.
import '@testing-library/jest-dom/vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { setLanguage } from './lib/i18n/index.svelte';
import { router } from './lib/router.svelte';

afterEach(() => {
  clearMocks();
  setLanguage('vi');
  history.replaceState(null, '', '/');
  router.path = '/';
});
