// The arithmetic of a virtualised list (components/VirtualList.svelte): which rows a scroll
// position shows, how tall the scrolled content is, which pages of rows that needs and which
// cached pages to forget. Rows all have one height; the list knows only its total.

/**
 * The tallest scroll content used as is. Browsers cap an element's height (about 33.5 million px
 * in WebKit and Chromium, 17.9 million in Firefox); beyond this a scroll pixel stands for more
 * than one pixel of rows (1 000 000 rows of 36 px = 36 million px are scrolled through 8 million).
 */
export const MAX_SCROLL_PX = 8_000_000;

export type Geometry = {
  /** Rows in the list. */
  total: number;
  /** Height of one row, px. */
  rowHeight: number;
  /** Height of the area the rows scroll in (below any header), px. */
  viewportHeight: number;
};

export type RowWindow = {
  /** Height of the scrolled content, px (at most MAX_SCROLL_PX). */
  contentHeight: number;
  /** The largest scroll position. */
  maxScroll: number;
  /** Row pixels per scroll pixel: 1 unless the list is taller than MAX_SCROLL_PX. */
  ratio: number;
  /** Top of the viewport in row pixels (index × rowHeight). */
  rowTop: number;
  /** The rows at least partly in view: [firstVisible, endVisible). */
  firstVisible: number;
  endVisible: number;
  /** The rows to render, with the overscan: [start, end). */
  start: number;
  end: number;
  /** Empty space above and below the rendered rows, px, so that they sit where they scroll. */
  topSpace: number;
  bottomSpace: number;
};

function scale(g: Geometry) {
  const full = g.total * g.rowHeight;
  const contentHeight = Math.min(full, MAX_SCROLL_PX);
  const maxScroll = Math.max(0, contentHeight - g.viewportHeight);
  const ratio = full > contentHeight && maxScroll > 0 ? (full - g.viewportHeight) / maxScroll : 1;
  return { contentHeight, maxScroll, ratio };
}

/** What the list shows at `scrollTop`, with `overscan` rows more on each side. */
export function rowWindow(g: Geometry, scrollTop: number, overscan: number): RowWindow {
  const { contentHeight, maxScroll, ratio } = scale(g);
  const scroll = Math.min(Math.max(0, scrollTop), maxScroll);
  const rowTop = scroll * ratio;
  const firstVisible = Math.min(g.total, Math.floor(rowTop / g.rowHeight));
  const endVisible = Math.min(g.total, Math.ceil((rowTop + g.viewportHeight) / g.rowHeight));
  // Scaled, row i sits at i × rowHeight − shift in the content. Overscan rows that would stick out
  // above or below the content are not rendered; rows in view always are (near either end, one may
  // be off by less than a row for less than a row's scrolling).
  const shift = rowTop - scroll;
  const start = Math.min(firstVisible, Math.max(0, firstVisible - overscan, Math.ceil(shift / g.rowHeight)));
  const fits = Math.floor((contentHeight + shift) / g.rowHeight);
  const end = Math.max(endVisible, Math.min(g.total, endVisible + overscan, fits));
  const topSpace = Math.max(0, start * g.rowHeight - shift);
  const bottomSpace = Math.max(0, contentHeight - topSpace - (end - start) * g.rowHeight);
  return { contentHeight, maxScroll, ratio, rowTop, firstVisible, endVisible, start, end, topSpace, bottomSpace };
}

/** The scroll position that brings row `index` fully into view, or null when it is already. */
export function scrollToReveal(g: Geometry, scrollTop: number, index: number): number | null {
  const { maxScroll, ratio } = scale(g);
  const rowTop = Math.min(Math.max(0, scrollTop), maxScroll) * ratio;
  const top = index * g.rowHeight;
  let wanted: number;
  if (top < rowTop) wanted = top;
  else if (top + g.rowHeight > rowTop + g.viewportHeight) wanted = top + g.rowHeight - g.viewportHeight;
  else return null;
  return Math.min(maxScroll, Math.max(0, wanted / ratio));
}

/** The scroll position that puts row `index` at the top (or as near as the list's end allows). */
export function scrollToRow(g: Geometry, index: number): number {
  const { maxScroll, ratio } = scale(g);
  return Math.min(maxScroll, Math.max(0, (index * g.rowHeight) / ratio));
}

/**
 * A list already in memory read as pages, for components/VirtualList: the same pattern whether
 * the core pages a list or the screen holds it whole.
 */
export function loadFrom<T>(items: () => readonly T[]) {
  return async (offset: number, limit: number) => {
    const all = items();
    return { items: all.slice(offset, offset + limit), total: all.length };
  };
}

/** The pages (numbered from 0, `pageSize` rows each) holding rows [start, end). */
export function pagesOf(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / pageSize); p <= Math.floor((end - 1) / pageSize); p++) pages.push(p);
  return pages;
}

/**
 * The cached pages to forget so that at most `max` remain: the farthest from the pages in view
 * first, never one of those.
 */
export function pagesToEvict(cached: Iterable<number>, inView: number[], max: number): number[] {
  const all = [...cached];
  if (all.length <= max) return [];
  const first = inView.length ? Math.min(...inView) : 0;
  const last = inView.length ? Math.max(...inView) : 0;
  const distance = (p: number) => (p < first ? first - p : p > last ? p - last : 0);
  return all
    .filter((p) => distance(p) > 0)
    .sort((a, b) => distance(b) - distance(a))
    .slice(0, all.length - max);
}
