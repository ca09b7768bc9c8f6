// People who look like one person: the pairs with their reasons in words, and merging a pair
// after choosing which record to keep.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { DuplicatePair } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { callsOf, duplicatePair, fakeCore, storedContact } from '../test-ipc';
import DuplicatesPage from './DuplicatesPage.svelte';

const tanaka = duplicatePair([15, 'Tanaka Hiroshi'], [31, 'Tanaka Hiroshi (Hanshin)'], [
  { kind: 'same_email', value: 'tanaka@hanshin.co.jp' },
  { kind: 'similar_name', value: 'Tanaka Hiroshi (Hanshin)' },
]);
const kim = duplicatePair([20, 'Kim Min-jun'], [22, 'Min-jun Kim'], [{ kind: 'same_phone', value: '+82 2 555 0100' }]);

describe('duplicates screen', () => {
  it('lists each pair with both people linked and why they look alike', async () => {
    fakeCore({ find_duplicates: () => [tanaka, kim] });
    render(DuplicatesPage);
    const pairs = await screen.findAllByTestId('duplicate-pair');
    expect(pairs).toHaveLength(2);
    expect(screen.getByTestId('duplicates-count')).toHaveTextContent('2 cặp có thể trùng nhau');
    expect(within(pairs[0]).getByTestId('duplicate-a')).toHaveAttribute('href', '#/contacts/people/15');
    expect(within(pairs[0]).getByTestId('duplicate-b')).toHaveAttribute('href', '#/contacts/people/31');
    expect(within(pairs[0]).getAllByTestId('duplicate-reason').map((r) => r.textContent)).toEqual([
      'Cùng email tanaka@hanshin.co.jp',
      'Tên gần giống «Tanaka Hiroshi (Hanshin)» tại cùng tổ chức',
    ]);
    expect(within(pairs[1]).getByTestId('duplicate-reason')).toHaveTextContent('Cùng số điện thoại +82 2 555 0100');

    setLanguage('en');
    await waitFor(() => expect(within(pairs[1]).getByTestId('duplicate-reason')).toHaveTextContent('Same phone +82 2 555 0100'));
    expect(within(pairs[0]).getAllByTestId('duplicate-reason')[1]).toHaveTextContent('Similar name «Tanaka Hiroshi (Hanshin)» at the same organisation');
  });

  it('says so when there is nothing to merge', async () => {
    fakeCore({ find_duplicates: () => [] });
    render(DuplicatesPage);
    expect(await screen.findByTestId('duplicates-none')).toHaveTextContent('Không thấy người nào có vẻ trùng nhau.');
  });

  it('merges a pair keeping the record chosen, then reads the list again', async () => {
    let pairs: DuplicatePair[] = [tanaka, kim];
    const calls = fakeCore({
      find_duplicates: () => pairs,
      merge_contacts: (args) => {
        pairs = [kim];
        return storedContact(Number(args.keepId), 'Tanaka Hiroshi (Hanshin)');
      },
    });
    render(DuplicatesPage);
    const first = (await screen.findAllByTestId('duplicate-pair'))[0];
    await fireEvent.click(within(first).getByTestId('merge-pair'));

    // Nothing is kept by default: the officer chooses.
    const confirm = within(first).getByTestId('merge-confirm');
    expect(confirm).toBeDisabled();
    const keep = within(first).getAllByTestId('merge-keep') as HTMLInputElement[];
    expect(keep.map((k) => k.checked)).toEqual([false, false]);
    expect(within(first).getByText(/Giữ «Tanaka Hiroshi» \(số 15\)/)).toBeInTheDocument();

    await fireEvent.click(keep[1]);
    expect(within(first).getByTestId('merge-summary')).toHaveTextContent(
      'Thông tin của «Tanaka Hiroshi» (số 15) được gộp vào «Tanaka Hiroshi (Hanshin)»',
    );
    expect(confirm).toBeEnabled();
    await fireEvent.click(confirm);

    await waitFor(() => expect(callsOf(calls, 'merge_contacts')).toEqual([{ keepId: 31, otherId: 15 }]));
    const result = await screen.findByTestId('merge-result');
    expect(result).toHaveTextContent('Đã gộp «Tanaka Hiroshi» vào: Tanaka Hiroshi (Hanshin)');
    expect(within(result).getByRole('link')).toHaveAttribute('href', '#/contacts/people/31');
    await waitFor(() => expect(screen.getAllByTestId('duplicate-pair')).toHaveLength(1));
    expect(callsOf(calls, 'find_duplicates')).toHaveLength(2);
    expect(screen.queryByTestId('merge-panel')).toBeNull();
  });

  it('shows why a merge was refused and keeps the pair', async () => {
    fakeCore({
      find_duplicates: () => [kim],
      merge_contacts: () => {
        throw { code: 'not_found', message_vi: 'Không tìm thấy người liên hệ có mã 22', message_en: 'Contact 22 not found', fields: [] };
      },
    });
    render(DuplicatesPage);
    const pair = await screen.findByTestId('duplicate-pair');
    await fireEvent.click(within(pair).getByTestId('merge-pair'));
    await fireEvent.click(within(pair).getAllByTestId('merge-keep')[0]);
    await fireEvent.click(within(pair).getByTestId('merge-confirm'));
    expect(await screen.findByTestId('merge-error')).toHaveTextContent('Không tìm thấy người liên hệ có mã 22');
    expect(screen.getByTestId('duplicate-pair')).toBeInTheDocument();

    await fireEvent.click(within(pair).getByTestId('merge-cancel'));
    expect(screen.queryByTestId('merge-panel')).toBeNull();
  });
});
