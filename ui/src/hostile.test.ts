import { describe, expect, it } from 'vitest';

// Every screen shows records as text: Svelte escapes `{value}`, and nothing may bypass it.
const SOURCES: Record<string, string> = import.meta.glob(['./**/*.svelte', './**/*.ts', '!./**/*.test.ts', '!./hostile.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const RAW_HTML = /\{@html|innerHTML|outerHTML|insertAdjacentHTML|document\.write|new Function\(|\beval\(/;

describe('hostile text on screens', () => {
  it('no source writes markup from text', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    const offenders = Object.entries(SOURCES).filter(([, text]) => RAW_HTML.test(text)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('every link to mailto or tel goes through linkHref', () => {
    const inline = Object.entries(SOURCES)
      .filter(([path, text]) => path !== './lib/links.ts' && /href=\{?[`'"](mailto|tel|https?):/.test(text))
      .map(([path]) => path);
    expect(inline).toEqual([]);
  });
});
