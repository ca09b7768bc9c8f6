// Whether the search palette is open. Ctrl+K / Cmd+K (anywhere) and the sidebar's search button
// open it; the palette itself closes it.

export const palette = $state({ open: false });

export function openPalette(): void {
  palette.open = true;
}

export function closePalette(): void {
  palette.open = false;
}

/** Is this key press the palette's shortcut (Ctrl+K, or Cmd+K on a Mac)? */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}
