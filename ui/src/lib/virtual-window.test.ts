// The virtualised list's arithmetic: rows in view, the scaled height of huge lists, pages, eviction.
import { describe, expect, it } from 'vitest';
import { loadFrom, MAX_SCROLL_PX, pagesOf, pagesToEvict, rowWindow, scrollToReveal, scrollToRow } from './virtual-window';

const g = (total: number) => ({ total, rowHeight: 36, viewportHeight: 540 });

describe('rowWindow', () => {
  it('places the rows in view and the overscan between two spacers as tall as the rest', () => {
    const w = rowWindow(g(100_000), 60_000 * 36, 5);
    expect(w).toMatchObject({ ratio: 1, firstVisible: 60_000, endVisible: 60_015, start: 59_995, end: 60_020 });
    expect(w.contentHeight).toBe(3_600_000);
    expect(w.topSpace).toBe(59_995 * 36);
    expect(w.topSpace + (w.end - w.start) * 36 + w.bottomSpace).toBe(w.contentHeight);
    // A partly shown row counts as shown.
    expect(rowWindow(g(100_000), 18, 5)).toMatchObject({ firstVisible: 0, endVisible: 16, start: 0, end: 21 });
  });

  it('fits a short list and clamps a scroll past the end', () => {
    expect(rowWindow(g(3), 0, 5)).toMatchObject({ contentHeight: 108, maxScroll: 0, firstVisible: 0, endVisible: 3, end: 3 });
    expect(rowWindow(g(100), 99_999, 5)).toMatchObject({ firstVisible: 85, endVisible: 100, end: 100, bottomSpace: 0 });
    expect(rowWindow(g(0), 0, 5)).toMatchObject({ start: 0, end: 0, contentHeight: 0 });
  });

  it('scales a list taller than MAX_SCROLL_PX, exact at both ends, the rows always inside the content', () => {
    const total = 1_000_000;
    const top = rowWindow(g(total), 0, 5);
    expect(top.contentHeight).toBe(MAX_SCROLL_PX);
    expect(top.ratio).toBeCloseTo((36_000_000 - 540) / (MAX_SCROLL_PX - 540));
    expect(top).toMatchObject({ firstVisible: 0, start: 0, topSpace: 0 });

    const bottom = rowWindow(g(total), top.maxScroll, 5);
    expect(bottom).toMatchObject({ firstVisible: 999_985, endVisible: total, end: total, bottomSpace: 0 });
    // The last row ends exactly at the bottom of the content.
    expect(bottom.topSpace + (bottom.end - bottom.start) * 36).toBeCloseTo(MAX_SCROLL_PX);

    for (const scroll of [1, 20, 500, 1_234_567, top.maxScroll - 100, top.maxScroll - 1]) {
      const w = rowWindow(g(total), scroll, 5);
      expect(w.topSpace).toBeGreaterThanOrEqual(0);
      expect(w.bottomSpace).toBeGreaterThanOrEqual(0);
      expect(w.start).toBeLessThanOrEqual(w.firstVisible);
      const height = w.topSpace + (w.end - w.start) * 36 + w.bottomSpace;
      expect(height).toBeGreaterThanOrEqual(MAX_SCROLL_PX - 1e-6);
      expect(height).toBeLessThan(MAX_SCROLL_PX + 36);
      // The first row in view sits at the top of the viewport (to within a row near the very top).
      const firstAt = w.topSpace + (w.firstVisible - w.start) * 36;
      expect(Math.abs(firstAt - (scroll - (w.rowTop - w.firstVisible * 36)))).toBeLessThan(36);
    }
  });
});

describe('scrollToReveal', () => {
  it('scrolls only as far as needed to show a row whole', () => {
    expect(scrollToReveal(g(100_000), 0, 10)).toBeNull();
    expect(scrollToReveal(g(100_000), 0, 15)).toBe(36);
    expect(scrollToReveal(g(100_000), 3_600, 50)).toBe(1_800);
    expect(scrollToReveal(g(100_000), 0, 99_999)).toBe(3_600_000 - 540);
  });

  it('brings any row of a scaled list into view', () => {
    const total = 1_000_000;
    for (const index of [0, 17, 500_000, 999_999]) {
      const scroll = scrollToReveal(g(total), 0, index) ?? 0;
      const w = rowWindow(g(total), scroll, 0);
      expect(index).toBeGreaterThanOrEqual(w.firstVisible);
      expect(index).toBeLessThan(w.endVisible);
    }
  });
});

describe('scrollToRow', () => {
  it('puts a row at the top, as near as the end of the list allows', () => {
    expect(scrollToRow(g(100_000), 40)).toBe(40 * 36);
    expect(rowWindow(g(100_000), scrollToRow(g(100_000), 40), 5).firstVisible).toBe(40);
    // 25 rows in 540 px: the last 15 are in view at most 10 rows down.
    expect(scrollToRow(g(25), 20)).toBe(10 * 36);
    expect(scrollToRow(g(0), 20)).toBe(0);
  });

  it('puts any row of a scaled list at the top', () => {
    for (const index of [17, 500_000]) expect(rowWindow(g(1_000_000), scrollToRow(g(1_000_000), index), 0).firstVisible).toBe(index);
  });
});

describe('loadFrom', () => {
  it('reads a list in memory as the core reads pages, from the list as it is when asked', async () => {
    let items = ['a', 'b', 'c', 'd', 'e'];
    const load = loadFrom(() => items);
    expect(await load(0, 2)).toEqual({ items: ['a', 'b'], total: 5 });
    expect(await load(4, 2)).toEqual({ items: ['e'], total: 5 });
    items = ['z'];
    expect(await load(0, 2)).toEqual({ items: ['z'], total: 1 });
  });
});

describe('pages', () => {
  it('names the pages holding a range of rows', () => {
    expect(pagesOf(0, 20, 50)).toEqual([0]);
    expect(pagesOf(59_995, 60_020, 50)).toEqual([1_199, 1_200]);
    expect(pagesOf(5, 5, 50)).toEqual([]);
  });

  it('forgets the pages farthest from view first, never one in view', () => {
    expect(pagesToEvict([0, 1, 2], [1], 3)).toEqual([]);
    expect(pagesToEvict([0, 20, 40, 60], [60], 3)).toEqual([0]);
    expect(pagesToEvict([0, 9, 10, 11, 30], [10, 11], 2)).toEqual([30, 0, 9]);
    const cached = Array.from({ length: 45 }, (_, i) => i * 10);
    expect(pagesToEvict(cached, [200], 40)).toEqual([440, 430, 420, 410, 0]);
  });
});
