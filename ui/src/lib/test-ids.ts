// The `data-testid`s of every screen, named once in test-ids.json: components set them, the
// vitest tests find by them, and the end-to-end harness (Rust, `include_str!`) reads the same file,
// so a renamed id is a compile error here instead of a test that silently finds nothing.

import ids from './test-ids.json';

type Ids = typeof ids;

/** Each fixed test id by name: `TestId.navSearch` is "nav-search". */
export const TestId: { readonly [K in keyof Ids['ids']]: string } = ids.ids;

/** The families of ids made of a key and a fixed part (`error-title`, `tab-members`, `emails-row`). */
export type TestIdFamily = keyof Ids['families'];

/** The id of `key` in a family: `testIdOf('error', 'title')` is "error-title". */
export function testIdOf(family: TestIdFamily, key: string): string {
  return ids.families[family].replace('{}', key);
}
