// Reading form text into record values.

/** Splits comma-separated tags ("logistics, e-commerce") into trimmed, non-empty tags. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Blank text as null: the store keeps absent optional fields as null, not as "". */
export function textOrNull(text: string): string | null {
  const s = text.trim();
  return s === '' ? null : s;
}
