// Which parts of a text the typed words match, accents ignored: "tran hung" in "Trần Văn Hùng"
// gives "Trần", " Văn ", "Hùng" with the first and last marked. Components render the parts as
// separate text nodes (a <mark> around each match): no HTML is ever built from user text.

import { fold } from './text-fold';

export type Part = { text: string; match: boolean };

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The words of a query as the core reads them: folded, split on anything not a letter or digit. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * `text` cut into matched and unmatched parts. Each typed word is marked where it starts a word
 * of the text, as the core matches (word prefixes): "ha" marks "Hà" and the "Ha" of "Hanoi", not
 * the "hà" inside "Nhà".
 */
export function highlightParts(text: string, query: string): Part[] {
  const words = queryWords(query);
  if (text === '' || words.length === 0) return text === '' ? [] : [{ text, match: false }];

  // The folded text, with for each folded character the original character it came from.
  const chars = Array.from(text);
  const foldedChars: string[] = [];
  const source: number[] = []; // folded character index → original character index
  chars.forEach((ch, i) => {
    for (const f of fold(ch)) {
      foldedChars.push(f);
      source.push(i);
    }
  });

  // Matched original characters.
  const marked = new Array<boolean>(chars.length).fill(false);
  const mark = (from: number, length: number) => {
    for (let k = from; k < from + length; k++) marked[source[k]] = true;
  };
  for (const word of words) {
    const w = Array.from(word);
    for (let k = 0; k + w.length <= foldedChars.length; k++) {
      if (k > 0 && WORD_CHAR.test(foldedChars[k - 1])) continue;
      let same = true;
      for (let j = 0; j < w.length && same; j++) same = foldedChars[k + j] === w[j];
      if (same) mark(k, w.length);
    }
  }
  // Marks (accents typed as combining characters) belong to the character before them.
  for (let i = 1; i < chars.length; i++) {
    if (fold(chars[i]) === '' && marked[i - 1]) marked[i] = true;
  }

  const parts: Part[] = [];
  for (let i = 0; i < chars.length; i++) {
    const last = parts.at(-1);
    if (last && last.match === marked[i]) last.text += chars[i];
    else parts.push({ text: chars[i], match: marked[i] });
  }
  return parts;
}
