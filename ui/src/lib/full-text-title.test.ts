import { describe, expect, it } from 'vitest';
import { markCutCells } from './full-text-title';

// jsdom has no layout: each cell says how big its text is and how big its box.
function cell(text: string, size: { scroll: number; client: number }, title?: string): HTMLElement {
  const el = document.createElement('div');
  el.textContent = text;
  if (title) el.title = title;
  for (const [prop, value] of [
    ['scrollHeight', size.scroll],
    ['clientHeight', size.client],
    ['scrollWidth', 100],
    ['clientWidth', 100],
  ] as const) {
    Object.defineProperty(el, prop, { configurable: true, get: () => value });
  }
  return el;
}

describe('markCutCells', () => {
  it('gives a cut cell its whole text as a tooltip, and takes it back once the text fits', () => {
    const row = document.createElement('div');
    const long = cell('Trung tâm   fulfilment tự động cho thương mại điện tử', { scroll: 60, client: 40 });
    const short = cell('Đoàn vào', { scroll: 20, client: 40 });
    row.append(long, short);
    markCutCells(row);
    expect(long.title).toBe('Trung tâm fulfilment tự động cho thương mại điện tử');
    expect(short.hasAttribute('title')).toBe(false);

    Object.defineProperty(long, 'scrollHeight', { configurable: true, get: () => 40 });
    markCutCells(row);
    expect(long.hasAttribute('title')).toBe(false);
  });

  it("keeps a cell's own title (a name with its other-language name)", () => {
    const row = document.createElement('div');
    const named = cell('Công ty A', { scroll: 60, client: 40 }, 'Công ty A · Company A');
    row.append(named);
    markCutCells(row);
    expect(named.title).toBe('Công ty A · Company A');
  });
});
