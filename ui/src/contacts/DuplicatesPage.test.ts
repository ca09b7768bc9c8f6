// People who look like one person: the pairs with their reasons in words, and merging a pair
// after choosing which record to keep.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { DuplicatePair } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { callsOf, duplicatePair, fakeCore, storedContact } from '../test-ipc';
import DuplicatesPage from './DuplicatesPage.svelte';
import { TestId } from '../lib/test-ids';

const tanaka = duplicatePair([15, 'Tanaka Hiroshi'], [31, 'Tanaka Hiroshi (Hanshin)'], [
  { kind: 'same_email', value: 'tanaka@hanshin.co.jp' },
  { kind: 'similar_name', value: 'Tanaka Hiroshi (Hanshin)' },
]);
const kim = duplicatePair([20, 'Kim Min-jun'], [22, 'Min-jun Kim'], [{ kind: 'same_phone', value: '+82 2 555 0100' }]);

describe('duplicates screen', () => {
  it('lists each pair with both people linked and why they look alike', async () => {
    fakeCore({ find_duplicates: () => [tanaka, kim] });
    render(DuplicatesPage);
    const pairs = await screen.findAllByTestId(TestId.duplicatePair);
    expect(pairs).toHaveLength(2);
    expect(screen.getByTestId(TestId.duplicatesCount)).toHaveTextContent('2 cặp có thể trùng nhau');
    expect(within(pairs[0]).getByTestId(TestId.duplicateA)).toHaveAttribute('href', '#/contacts/people/15');
    expect(within(pairs[0]).getByTestId(TestId.duplicateB)).toHaveAttribute('href', '#/contacts/people/31');
    expect(within(pairs[0]).getAllByTestId(TestId.duplicateReason).map((r) => r.textContent)).toEqual([
      'Cùng email tanaka@hanshin.co.jp',
      'Tên gần giống «Tanaka Hiroshi (Hanshin)» tại cùng tổ chức',
    ]);
    expect(within(pairs[1]).getByTestId(TestId.duplicateReason)).toHaveTextContent('Cùng số điện thoại +82 2 555 0100');

    setLanguage('en');
    await waitFor(() => expect(within(pairs[1]).getByTestId(TestId.duplicateReason)).toHaveTextContent('Same phone +82 2 555 0100'));
    expect(within(pairs[0]).getAllByTestId(TestId.duplicateReason)[1]).toHaveTextContent('Similar name “Tanaka Hiroshi (Hanshin)” at the same organisation');
  });

  it('says so when there is nothing to merge', async () => {
    fakeCore({ find_duplicates: () => [] });
    render(DuplicatesPage);
    expect(await screen.findByTestId(TestId.duplicatesNone)).toHaveTextContent('Không thấy người nào có vẻ trùng nhau.');
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
    const first = (await screen.findAllByTestId(TestId.duplicatePair))[0];
    await fireEvent.click(within(first).getByTestId(TestId.mergePair));

    // Nothing is kept by default: the officer chooses.
    const confirm = within(first).getByTestId(TestId.mergeConfirm);
    expect(confirm).toBeDisabled();
    const keep = within(first).getAllByTestId(TestId.mergeKeep) as HTMLInputElement[];
    expect(keep.map((k) => k.checked)).toEqual([false, false]);
    expect(within(first).getByText(/Giữ «Tanaka Hiroshi» \(số 15\)/)).toBeInTheDocument();

    await fireEvent.click(keep[1]);
    expect(within(first).getByTestId(TestId.mergeSummary)).toHaveTextContent(
      'Thông tin của «Tanaka Hiroshi» (số 15) được gộp vào «Tanaka Hiroshi (Hanshin)»',
    );
    expect(confirm).toBeEnabled();
    await fireEvent.click(confirm);

    await waitFor(() => expect(callsOf(calls, 'merge_contacts')).toEqual([{ keepId: 31, otherId: 15 }]));
    const result = await screen.findByTestId(TestId.mergeResult);
    expect(result).toHaveTextContent('Đã gộp «Tanaka Hiroshi» vào: Tanaka Hiroshi (Hanshin)');
    expect(within(result).getByRole('link')).toHaveAttribute('href', '#/contacts/people/31');
    await waitFor(() => expect(screen.getAllByTestId(TestId.duplicatePair)).toHaveLength(1));
    expect(callsOf(calls, 'find_duplicates')).toHaveLength(2);
    expect(screen.queryByTestId(TestId.mergePanel)).toBeNull();
  });

  it('shows why a merge was refused and keeps the pair', async () => {
    fakeCore({
      find_duplicates: () => [kim],
      merge_contacts: () => {
        throw { code: 'not_found', message_vi: 'Không tìm thấy người liên hệ có mã 22', message_en: 'Contact 22 not found', fields: [] };
      },
    });
    render(DuplicatesPage);
    const pair = await screen.findByTestId(TestId.duplicatePair);
    await fireEvent.click(within(pair).getByTestId(TestId.mergePair));
    await fireEvent.click(within(pair).getAllByTestId(TestId.mergeKeep)[0]);
    await fireEvent.click(within(pair).getByTestId(TestId.mergeConfirm));
    expect(await screen.findByTestId(TestId.mergeError)).toHaveTextContent('Không tìm thấy người liên hệ có mã 22');
    expect(screen.getByTestId(TestId.duplicatePair)).toBeInTheDocument();

    await fireEvent.click(within(pair).getByTestId(TestId.mergeCancel));
    expect(screen.queryByTestId(TestId.mergePanel)).toBeNull();
  });
});
