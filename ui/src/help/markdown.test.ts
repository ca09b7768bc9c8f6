import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, slug, type Block } from './markdown';
import { guideImage } from './guide-source';
import vi from '../../../docs/guide/vi.md?raw';
import en from '../../../docs/guide/en.md?raw';

describe('the guide’s Markdown', () => {
  it('reads headings with GitHub’s anchors, a second one of the same text numbered', () => {
    const blocks = parseMarkdown('# Guide\n\n## 1. Getting started\n\n### Notes\n\n### Notes\n## Hướng dẫn: Bắt đầu!');
    expect(blocks.map((b) => (b.kind === 'heading' ? [b.level, b.id, b.text] : b.kind))).toEqual([
      [1, 'guide', 'Guide'],
      [2, '1-getting-started', '1. Getting started'],
      [3, 'notes', 'Notes'],
      [3, 'notes-1', 'Notes'],
      [2, 'hướng-dẫn-bắt-đầu', 'Hướng dẫn: Bắt đầu!'],
    ]);
    expect(slug('Exchange with the trade offices')).toBe('exchange-with-the-trade-offices');
  });

  it('joins a paragraph’s lines and a list item’s indented continuation', () => {
    const blocks = parseMarkdown('One line\nand the next.\n\n- **Propose**: needs a\n  start date.\n- Second\n\n3. Third\n   continued\n4. Fourth\nAfter.');
    expect(blocks).toEqual<Block[]>([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'One line and the next.' }] },
      {
        kind: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ kind: 'strong', children: [{ kind: 'text', text: 'Propose' }] }, { kind: 'text', text: ': needs a start date.' }],
          [{ kind: 'text', text: 'Second' }],
        ],
      },
      { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'text', text: 'Third continued' }], [{ kind: 'text', text: 'Fourth' }]] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'After.' }] },
    ]);
  });

  it('keeps fenced code as written, formatting marks and all', () => {
    const [code] = parseMarkdown('```sh\nplanner list delegations --status **draft**\n  | jq .\n```');
    expect(code).toEqual({ kind: 'code', lang: 'sh', text: 'planner list delegations --status **draft**\n  | jq .' });
  });

  it('reads tables, a pipe inside code kept when escaped', () => {
    const [table] = parseMarkdown('| Code | Meaning |\n| --- | --- |\n| 0 | **success** |\n| `a \\| b` | pipe |');
    expect(table).toEqual({
      kind: 'table',
      head: [[{ kind: 'text', text: 'Code' }], [{ kind: 'text', text: 'Meaning' }]],
      rows: [
        [[{ kind: 'text', text: '0' }], [{ kind: 'strong', children: [{ kind: 'text', text: 'success' }] }]],
        [[{ kind: 'code', text: 'a | b' }], [{ kind: 'text', text: 'pipe' }]],
      ],
    });
  });

  it('reads bold, emphasis, code, links and images inline', () => {
    expect(parseInline('Press **Save** in *Settings*, run `planner --version`, see [the format](https://example.org/f "F") or [section 6](#6-backups) ![Shot](img/en/a.png)')).toEqual([
      { kind: 'text', text: 'Press ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'Save' }] },
      { kind: 'text', text: ' in ' },
      { kind: 'em', children: [{ kind: 'text', text: 'Settings' }] },
      { kind: 'text', text: ', run ' },
      { kind: 'code', text: 'planner --version' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', href: 'https://example.org/f', children: [{ kind: 'text', text: 'the format' }] },
      { kind: 'text', text: ' or ' },
      { kind: 'link', href: '#6-backups', children: [{ kind: 'text', text: 'section 6' }] },
      { kind: 'text', text: ' ' },
      { kind: 'image', src: 'img/en/a.png', alt: 'Shot' },
    ]);
    // Underscores inside words are text: `snake_case` names, file_names.
    expect(parseInline('next_action and due_at')).toEqual([{ kind: 'text', text: 'next_action and due_at' }]);
  });

  it('drops HTML comments and keeps any other markup as text', () => {
    const blocks = parseMarkdown('<!-- check: about -->\nThe **About** screen <!-- inline --> shows\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<!-- never closed\n# gone');
    expect(blocks).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'The ' }, { kind: 'strong', children: [{ kind: 'text', text: 'About' }] }, { kind: 'text', text: ' screen  shows' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('reads both guides whole: their first heading, chapters, and no marker left', () => {
    for (const [source, title] of [
      [vi, 'Hướng dẫn sử dụng Kế hoạch đoàn xúc tiến'],
      [en, 'Delegation Planner user guide'],
    ]) {
      const blocks = parseMarkdown(source);
      expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: title });
      expect(blocks.filter((b) => b.kind === 'heading' && b.level === 2)).toHaveLength(7);
      expect(JSON.stringify(blocks)).not.toContain('check:');
      expect(blocks.some((b) => b.kind === 'table')).toBe(true);
      expect(blocks.some((b) => b.kind === 'code')).toBe(true);
    }
  });

  it('finds only the guide’s own pictures, and none that is missing', () => {
    const images = { '../../../docs/guide/img/en/dashboard.png': '/assets/dashboard-1.png' };
    expect(guideImage('img/en/dashboard.png', images)).toBe('/assets/dashboard-1.png');
    expect(guideImage('img/vi/dashboard.png', images)).toBeNull();
    expect(guideImage('../../../docs/guide/img/en/dashboard.png', images)).toBeNull();
    expect(guideImage('img/en/../en/dashboard.png', images)).toBeNull();
    expect(guideImage('https://example.org/x.png', images)).toBeNull();
  });
});
