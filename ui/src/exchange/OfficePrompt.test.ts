import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { TestId } from '../lib/test-ids';
import { fakeCore } from '../test-ipc';
import { officeViewOf } from '../test-exchange';
import OfficePrompt from './OfficePrompt.svelte';

describe('OfficePrompt', () => {
  it('asks for the office profile on first run, leads to Settings, and can be put off', async () => {
    fakeCore({ office_view: () => officeViewOf(null) });
    const { unmount } = render(OfficePrompt);
    const prompt = await screen.findByTestId(TestId.officePrompt);
    expect(prompt).toHaveTextContent('Đặt hồ sơ cơ quan để gửi và nhận bản tin');
    expect(screen.getByTestId(TestId.officePromptAction)).toHaveAttribute('href', '#/settings');
    await fireEvent.click(screen.getByTestId(TestId.officePromptDismiss));
    expect(screen.queryByTestId(TestId.officePrompt)).toBeNull();
    // Put off for the session: the dashboard opened again does not ask.
    unmount();
    render(OfficePrompt);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId(TestId.officePrompt)).toBeNull();
  });

  it('says nothing once a profile is set', async () => {
    const calls = fakeCore({ office_view: () => officeViewOf() });
    render(OfficePrompt);
    await waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(screen.queryByTestId(TestId.officePrompt)).toBeNull();
  });
});
