/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tauri serves ui/dist from its own origin; the webview is WebKit (webkit2gtk on Linux,
// WKWebView on macOS) or WebView2, so a modern Safari target covers all of them.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // test-ids.test.ts reads the end-to-end tests' sources to check the ids they look for;
    // the hostile-text tests read the shared corpus; Help and About bundle the user guide and
    // the generated licence list.
    fs: { allow: ['.', '../tests/e2e', '../tests/fixtures', '../docs/guide', '../assets/licences'] },
  },
  build: {
    target: 'safari15',
    outDir: 'dist',
    emptyOutDir: true,
    // Keep every asset a separate file: the production CSP forbids inline scripts and styles.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
