import { describe, expect, it } from 'vitest';
import ids from './test-ids.json';
import { TestId, testIdOf } from './test-ids';

// The end-to-end harness's sources, read as text (Vite inlines them into this test).
const E2E_SOURCES: Record<string, string> = import.meta.glob('../../../tests/e2e/**/*.rs', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const isKnown = (id: string) =>
  Object.values(TestId).includes(id) ||
  Object.values(ids.families).some((pattern) => {
    const [before, after] = pattern.split('{}');
    return id.startsWith(before) && id.endsWith(after) && id.length > before.length + after.length;
  });

describe('test ids', () => {
  it('name each id once', () => {
    const values = Object.values(TestId);
    expect(new Set(values).size).toBe(values.length);
    expect(TestId.navSearch).toBe('nav-search');
    expect(testIdOf('error', 'end_date')).toBe('error-end_date');
    expect(testIdOf('labelledRow', 'emails')).toBe('emails-row');
  });

  it('cover every id the end-to-end tests look for', () => {
    // The harness names every id through `by_test_id("…")` (tests/e2e/support/test_id.rs).
    const used = new Set(Object.values(E2E_SOURCES).flatMap((text) => [...text.matchAll(/by_test_id\("([a-z0-9_-]+)"\)/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((id) => !isKnown(id))).toEqual([]);
  });
});
