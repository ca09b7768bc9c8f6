// The user guide's Markdown (docs/guide/{vi,en}.md) read into plain data that Svelte renders
// as elements: no HTML is ever made from it, so nothing in the text can become markup. Only the
// subset the guide uses: ATX headings, paragraphs, `-` and `1.` lists (continuation lines
// indented), fenced code, pipe tables, and inline **bold**, *emphasis*, `code`, [links](url) and
// ![images](src). HTML comments (the guide's `<!-- check: … -->` markers) are dropped; any
// other markup stays text.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'image'; src: string; alt: string };

export type Block =
  | { kind: 'heading'; level: number; id: string; text: string; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] };

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to dashes. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** The text of inlines without their formatting (a heading's anchor, an image's neighbours). */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' || i.kind === 'code' ? i.text : i.kind === 'image' ? i.alt : plainText(i.children)))
    .join('');
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^(```|~~~)\s*([\w-]*)\s*$/;
const BULLET = /^([-*+])\s+(.*)$/;
const NUMBERED = /^(\d{1,9})[.)]\s+(.*)$/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function withoutComments(source: string): string {
  // A comment that is never closed runs to the end, as in HTML.
  return source.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?(-->|$)/g, '');
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // `\|` is a pipe inside a cell.
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

function startsBlock(line: string): boolean {
  return HEADING.test(line) || FENCE.test(line.trim()) || BULLET.test(line) || NUMBERED.test(line) || line.trim().startsWith('|');
}

/** The guide's blocks, in order. */
export function parseMarkdown(source: string): Block[] {
  const lines = withoutComments(source).split('\n');
  const blocks: Block[] = [];
  const ids = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const children = parseInline(heading[2]);
      const text = plainText(children);
      // Two headings of the same text get -1, -2… as on GitHub.
      const base = slug(text);
      const seen = ids.get(base) ?? 0;
      ids.set(base, seen + 1);
      blocks.push({ kind: 'heading', level: heading[1].length, id: seen ? `${base}-${seen}` : base, text, children });
      i++;
      continue;
    }
    const fence = FENCE.exec(line.trim());
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++;
      blocks.push({ kind: 'code', lang: fence[2], text: body.join('\n') });
      continue;
    }
    if (line.trim().startsWith('|') && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1])) {
      const head = cells(line).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(cells(lines[i++]).map(parseInline));
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !bullet;
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const item = marker.exec(lines[i]);
        if (item) {
          items.push([item[2]]);
        } else if (lines[i].trim() !== '' && /^\s+/.test(lines[i])) {
          items[items.length - 1].push(lines[i].trim());
        } else {
          break;
        }
        i++;
      }
      blocks.push({
        kind: 'list',
        ordered,
        start: numbered ? Number(numbered[1]) : 1,
        items: items.map((parts) => parseInline(parts.join(' '))),
      });
      continue;
    }
    const text: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && (text.length === 0 || !startsBlock(lines[i]))) {
      text.push(lines[i++].trim());
    }
    blocks.push({ kind: 'paragraph', children: parseInline(text.join(' ')) });
  }
  return blocks;
}

// Link and image targets: up to the closing parenthesis, an optional "title" dropped.
const TARGET = /^\(\s*<?([^\s)>]*)>?(?:\s+"[^"]*")?\s*\)/;

/** Inline text into its parts; anything unmatched is text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && /[\\`*_[\]()!#|<>-]/.test(source[i + 1])) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const ticks = /^`+/.exec(rest)![0];
      const end = source.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        flush();
        out.push({ kind: 'code', text: source.slice(i + ticks.length, end).trim() });
        i = end + ticks.length;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const end = source.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ kind: 'strong', children: parseInline(source.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && /\S/.test(source[i + 1] ?? '') && (c === '*' || !/\w/.test(source[i - 1] ?? ''))) {
      const end = source.indexOf(c, i + 1);
      if (end > i + 1 && source[end - 1] !== ' ' && (c === '*' || !/\w/.test(source[end + 1] ?? ''))) {
        flush();
        out.push({ kind: 'em', children: parseInline(source.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[' || (c === '!' && source[i + 1] === '[')) {
      const image = c === '!';
      const open = i + (image ? 1 : 0);
      const close = source.indexOf(']', open + 1);
      const target = close > 0 ? TARGET.exec(source.slice(close + 1)) : null;
      if (target) {
        flush();
        const label = source.slice(open + 1, close);
        out.push(
          image ? { kind: 'image', src: target[1], alt: label } : { kind: 'link', href: target[1], children: parseInline(label) },
        );
        i = close + 1 + target[0].length;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return out;
}
