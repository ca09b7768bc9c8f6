import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { callsOf, fakeCore, invalidPayload } from '../../test-ipc';
import ExternalLink from './ExternalLink.svelte';

describe('ExternalLink', () => {
  it('opens an http(s) website through the core, and never lets the webview navigate', async () => {
    const calls = fakeCore({ open_link: () => null });
    render(ExternalLink, { kind: 'website', value: 'https://hoshino.example.jp', testid: 'link' });
    const link = screen.getByTestId('link');
    expect(link.tagName).toBe('A');
    expect(link).toHaveAttribute('href', 'https://hoshino.example.jp/');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(callsOf(calls, 'open_link')).toEqual([{ kind: 'website', value: 'https://hoshino.example.jp' }]);
  });

  it('shows a javascript: website as plain text, not a link', () => {
    fakeCore({});
    render(ExternalLink, { kind: 'website', value: 'javascript:alert(1)', testid: 'link' });
    const text = screen.getByTestId('link');
    expect(text.tagName).toBe('SPAN');
    expect(text.textContent).toBe('javascript:alert(1)');
  });

  it('says why, in the officer language, when the system cannot open it', async () => {
    fakeCore({
      open_link: () => {
        throw invalidPayload([
          { field: 'value', code: 'cannot_open', message_vi: 'Không mở được mailto:a@b.vn', message_en: 'Cannot open mailto:a@b.vn' },
        ]);
      },
    });
    render(ExternalLink, { kind: 'email', value: 'a@b.vn', testid: 'link' });
    await fireEvent.click(screen.getByTestId('link'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Không mở được mailto:a@b\.vn$/);
  });

  it('shows a dash when there is nothing', () => {
    fakeCore({});
    render(ExternalLink, { kind: 'phone', value: null });
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
