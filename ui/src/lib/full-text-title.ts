// A list row's cells show at most two lines: a cell whose text is cut there (or is too wide for
// its column) gets its whole text as a tooltip, so that nothing a user may need is lost. Cells
// with a title of their own (a name with its other-language name) keep it.

const OURS = 'data-cut-title';

/** Whether a box's content is cut by the box (clamped lines, or wider than it). */
export function isCut(box: HTMLElement): boolean {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}

/** Sets or removes the whole-text tooltip of each cell of `row` as its text is cut or not. */
export function markCutCells(row: HTMLElement): void {
  for (const cell of row.children) {
    if (!(cell instanceof HTMLElement)) continue;
    const ours = cell.hasAttribute(OURS);
    if (cell.hasAttribute('title') && !ours) continue;
    const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && isCut(cell)) {
      cell.title = text;
      cell.setAttribute(OURS, '');
    } else if (ours) {
      cell.removeAttribute('title');
      cell.removeAttribute(OURS);
    }
  }
}

/**
 * Svelte action on a list row: marks its cut cells once laid out, again when the row's item
 * (`item`) changes and when the row is resized (the window or a column got narrower).
 */
export function titleWhenCut(row: HTMLElement, item?: unknown) {
  void item;
  const mark = () => requestAnimationFrame(() => markCutCells(row));
  mark();
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(mark);
  observer?.observe(row);
  return {
    update: mark,
    destroy: () => observer?.disconnect(),
  };
}
