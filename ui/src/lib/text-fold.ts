// Text compared or turned into file names the way people type it: without diacritics.

/** Lower case without Vietnamese (or other) diacritics, for search: "Trần Đức" → "tran duc". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** A file-name-safe slug: "Đoàn Nhật Bản 2027" → "doan-nhat-ban-2027" (at most `max` characters). */
export function slug(text: string, max = 60): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/g, '') || 'x';
}

/** Does every word of `query` occur in `text` (both folded)? An empty query matches everything. */
export function matchesWords(text: string, query: string): boolean {
  const hay = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => hay.includes(w));
}
