import { describe, expect, it } from 'vitest';
import { highlightParts, queryWords } from './highlight';

const marked = (text: string, query: string) =>
  highlightParts(text, query)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('highlightParts', () => {
  it('marks unaccented words in accented text, keeping the text as typed', () => {
    expect(highlightParts('Trần Văn Hùng', 'tran hung')).toEqual([
      { text: 'Trần', match: true },
      { text: ' Văn ', match: false },
      { text: 'Hùng', match: true },
    ]);
    expect(marked('Công ty Đà Nẵng', 'da nang')).toEqual(['Đà', 'Nẵng']);
    expect(marked('Đoàn xúc tiến', 'ĐOÀN')).toEqual(['Đoàn']);
  });

  it('marks word prefixes only, as the core matches them', () => {
    expect(marked('Khu công nghệ cao Hòa Lạc', 'hoa la')).toEqual(['Hòa', 'Lạ']);
    // "an" starts "An" but also sits inside "Tân" and "Nhân": only the word start is marked.
    expect(marked('Tân An Nhân', 'an')).toEqual(['An']);
    expect(marked('Nhà máy tại Hà Nam', 'ha')).toEqual(['Hà']);
    expect(marked('+84 912 345 678', '345')).toEqual(['345']);
    expect(marked('Hanoi Semicon', 'ha')).toEqual(['Ha']);
  });

  it('keeps combining marks with their letter when the text is decomposed', () => {
    const decomposed = 'Hà Nội'.normalize('NFD');
    const parts = highlightParts(decomposed, 'noi');
    expect(parts.map((p) => p.text).join('')).toBe(decomposed);
    expect(parts.filter((p) => p.match).map((p) => p.text.normalize('NFC'))).toEqual(['Nội']);
  });

  it('leaves the text whole when nothing matches or nothing was typed', () => {
    expect(highlightParts('Seoul', 'tokyo')).toEqual([{ text: 'Seoul', match: false }]);
    expect(highlightParts('Seoul', '  ')).toEqual([{ text: 'Seoul', match: false }]);
    expect(highlightParts('', 'a')).toEqual([]);
    expect(queryWords(' Hà-Nội, 2027 ')).toEqual(['ha', 'noi', '2027']);
  });
});
