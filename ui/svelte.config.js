import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
    // Build the DOM node by node instead of parsing template strings through innerHTML, so that
    // nothing in the bundle assigns innerHTML (the CSP story stays simple to audit).
    fragments: 'tree',
  },
};
