import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { setLanguage } from '../lib/i18n/index.svelte';
import { pathOf, router } from '../lib/router.svelte';
import { TestId, testIdOf } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import Guide from './Guide.svelte';
import HelpPage from './HelpPage.svelte';
import { parseMarkdown } from './markdown';

describe('Help', () => {
  it('opens the guide in the interface language, and in the other on request', async () => {
    setLanguage('en');
    render(HelpPage);
    const guide = await screen.findByTestId(TestId.helpGuide);
    expect(within(guide).getByRole('heading', { level: 2 })).toHaveTextContent('Delegation Planner user guide');
    expect(guide).toHaveAttribute('lang', 'en');
    // The chapters, listed beside it, lead to their headings.
    const contents = screen.getByTestId(TestId.helpContents);
    const chapter = within(contents).getByRole('link', { name: '6. Backups and restore' });
    expect(chapter).toHaveAttribute('href', '#/help?lang=en&section=6-backups-and-restore');
    expect(guide.querySelector('#guide-6-backups-and-restore')).toHaveTextContent('6. Backups and restore');

    expect(screen.getByTestId(testIdOf('helpLanguage', 'vi'))).toHaveAttribute('href', '#/help?lang=vi');
    router.path = pathOf({ name: 'help' }, { lang: 'vi' });
    expect(await within(screen.getByTestId(TestId.helpGuide)).findByText('Hướng dẫn sử dụng Kế hoạch đoàn xúc tiến')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.helpGuide)).toHaveAttribute('lang', 'vi');
  });

  it('is in the sidebar and on F1, in Vietnamese by default', async () => {
    fakeCore({ dashboard: () => new Promise(() => {}), get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 30 }), list_sectors: () => [] });
    render(App);
    expect(await screen.findByTestId(testIdOf('nav', 'help'))).toHaveTextContent('Trợ giúp');
    expect(screen.getByTestId(testIdOf('nav', 'about'))).toHaveTextContent('Giới thiệu');
    await fireEvent.keyDown(window, { key: 'F1' });
    expect(router.path).toBe('/help');
    const guide = await screen.findByTestId(TestId.helpGuide);
    expect(within(guide).getByRole('heading', { level: 2 })).toHaveTextContent('Hướng dẫn sử dụng Kế hoạch đoàn xúc tiến');
    expect(screen.getByTestId(testIdOf('nav', 'help'))).toHaveAttribute('aria-current', 'page');
  });

  it('shows a missing picture as its words, and the guide’s markup as text', async () => {
    const calls = fakeCore({ open_link: () => null });
    const blocks = parseMarkdown(
      [
        '![A picture not taken](img/en/not-taken.png)',
        '<script>window.hacked = true</script> **<b>bold?</b>** `<i>code</i>`',
        '[the format](https://example.org/format) · [danger](javascript:alert(1)) · [back](#1-getting-started)',
      ].join('\n\n'),
    );
    const { container } = render(Guide, { blocks, lang: 'en' });
    const missing = screen.getByTestId(TestId.helpImageMissing);
    expect(missing).toHaveAccessibleName('A picture not taken');
    expect(missing).toHaveTextContent('A picture not taken');
    expect(container.querySelector('img, script, b, i')).toBeNull();
    expect(container).toHaveTextContent('<script>window.hacked = true</script> <b>bold?</b> <i>code</i>');
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();

    // javascript: is no link; a section is a Help path; a website opens through the core.
    expect(container.querySelectorAll('a')).toHaveLength(2);
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(container).toHaveTextContent('danger');
    expect(screen.getByRole('link', { name: 'back' })).toHaveAttribute('href', '#/help?lang=en&section=1-getting-started');
    await fireEvent.click(screen.getByRole('link', { name: 'the format' }));
    expect(callsOf(calls, 'open_link')).toEqual([{ kind: 'website', value: 'https://example.org/format' }]);
  });
});
