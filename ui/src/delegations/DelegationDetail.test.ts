import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { NextStep, Transition } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import {
  callsOf,
  fakeCore,
  invalidPayload,
  itemView,
  itineraryViewOf,
  listOf,
  planMember,
  storedCounsellor,
  storedDelegation,
} from '../test-ipc';
import DelegationDetail from './DelegationDetail.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const delegation = storedDelegation(5, {
  title: 'Đoàn xúc tiến đầu tư tại Nhật Bản',
  status: 'proposed',
  start_date: '2027-03-08',
  end_date: '2027-03-12',
  counsellor_id: 3,
  budget_minor: 1_500_000_000,
  budget_currency: 'VND',
  sectors: ['bán dẫn', 'logistics'],
});

const view = itineraryViewOf({
  start: '2027-03-08',
  members: [planMember(11, 'Trần Văn Minh', { role: 'head' })],
  items: [itemView(21, 'Làm việc với JETRO', ['2027-03-08T10:00', '2027-03-08T11:30'], ['2027-03-08T08:00', '2027-03-08T09:30'])],
});

const steps = (list: NextStep[]) => () => list;

function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: (args) => (args.kind === 'counsellors' ? storedCounsellor(3) : delegation),
    itinerary_view: () => view,
    delegation_next_steps: steps([
      { to: 'approved', refusals: [] },
      { to: 'draft', refusals: [] },
      { to: 'cancelled', refusals: [] },
    ]),
    record_audit: () => [],
    list_records: listOf({}),
    ...extra,
  });
}

describe('DelegationDetail', () => {
  it('opens on the overview and switches between the four tabs', async () => {
    const calls = core();
    render(DelegationDetail, { id: 5 });

    expect(await screen.findByTestId(TestId.detailTitle)).toHaveTextContent('Đoàn xúc tiến đầu tư tại Nhật Bản');
    const detail = screen.getByTestId(TestId.delegationDetail);
    expect(detail).toHaveTextContent('08/03/2027 – 12/03/2027');
    expect(screen.getByText(/^1\.500\.000\.000\sVND$/)).toBeInTheDocument();
    expect(await screen.findByTestId(TestId.delegationCounsellor)).toHaveAttribute('href', '#/counsellors/3');
    expect(screen.getByTestId(testIdOf('tab', 'overview'))).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId(TestId.workflowStatus)).toHaveTextContent('Đề xuất');
    expect(screen.getByText('Lịch sử thay đổi')).toBeInTheDocument();
    expect(callsOf(calls, 'itinerary_view')).toEqual([{ delegationId: 5 }]);
    expect(callsOf(calls, 'delegation_next_steps')).toEqual([{ delegationId: 5 }]);

    for (const tab of ['overview', 'members', 'itinerary', 'documents']) {
      expect(screen.getByTestId(testIdOf('tab', tab))).toBeInTheDocument();
    }
    expect(screen.getByTestId(testIdOf('tab', 'members'))).toHaveTextContent('Thành viên');
    expect(screen.getByTestId(testIdOf('tab', 'itinerary'))).toHaveTextContent('Lịch trình');
    expect(screen.getByTestId(testIdOf('tab', 'documents'))).toHaveTextContent('Tài liệu');

    await fireEvent.click(screen.getByTestId(testIdOf('tab', 'members')));
    const member = await screen.findByTestId(TestId.memberRow);
    expect(within(member).getByText('Trần Văn Minh')).toBeInTheDocument();
    expect(within(member).getByText('Trưởng đoàn')).toBeInTheDocument();
    expect(screen.getByTestId(testIdOf('tab', 'members'))).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByTestId(TestId.workflow)).toBeNull();
    expect(router.path).toBe('/delegations/5/members');

    await fireEvent.click(screen.getByTestId(testIdOf('tab', 'itinerary')));
    const item = await screen.findByTestId(TestId.itineraryItem);
    expect(within(item).getByTestId(TestId.itineraryLocal)).toHaveTextContent('10:00 – 11:30 JST');
    expect(within(item).getByTestId(TestId.itineraryHanoi)).toHaveTextContent('08:00 – 09:30');
    expect(router.path).toBe('/delegations/5/itinerary');

    await fireEvent.click(screen.getByTestId(testIdOf('tab', 'documents')));
    expect(await screen.findByTestId(TestId.exportIcs)).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId(testIdOf('tab', 'overview')));
    expect(await screen.findByTestId(TestId.workflow)).toBeInTheDocument();
    expect(router.path).toBe('/delegations/5');
    // One read of the view serves every tab.
    expect(callsOf(calls, 'itinerary_view')).toHaveLength(1);
  });

  it('opens on the tab the route names', async () => {
    core();
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    expect(await screen.findByTestId(TestId.itineraryItem)).toBeInTheDocument();
    expect(screen.getByTestId(testIdOf('tab', 'itinerary'))).toHaveAttribute('aria-current', 'page');
  });

  it('ends the approval line at the approver when the time is not known', async () => {
    core({ get_record: () => storedDelegation(5, { status: 'approved', approved_by: 'Nguyễn Văn An', approved_at: null }) });
    render(DelegationDetail, { id: 5 });
    expect(await screen.findByTestId(TestId.approvedBy)).toHaveTextContent(/^Phê duyệt bởi Nguyễn Văn An$/);
    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(TestId.approvedBy)).toHaveTextContent(/^Approved by Nguyễn Văn An$/));
    setLanguage('vi');
  });

  it('shows a refused move disabled, with every reason in the interface language', async () => {
    core({
      get_record: () => storedDelegation(5, { status: 'approved', approved_by: 'Nguyễn Văn An', approved_at: '2027-02-01T03:00:00Z' }),
      delegation_next_steps: steps([
        {
          to: 'confirmed',
          refusals: [
            { field: 'status', code: 'no_head', message_vi: 'Đoàn chưa có trưởng đoàn', message_en: 'The delegation has no head of delegation' },
            {
              field: 'status',
              code: 'hard_conflicts',
              message_vi: 'Lịch trình còn 1 xung đột nghiêm trọng, ví dụ: Trùng lịch',
              message_en: 'The itinerary still has 1 hard conflict, e.g. Double-booked',
            },
          ],
        },
        { to: 'proposed', refusals: [] },
        { to: 'cancelled', refusals: [] },
      ]),
    });
    render(DelegationDetail, { id: 5 });

    const confirm = await screen.findByTestId(testIdOf('transition', 'confirmed'));
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveTextContent('Xác nhận đoàn');
    const reasons = within(screen.getByTestId(testIdOf('refusals', 'confirmed'))).getAllByTestId(TestId.refusal);
    expect(reasons.map((r) => r.textContent)).toEqual([
      'Đoàn chưa có trưởng đoàn',
      'Lịch trình còn 1 xung đột nghiêm trọng, ví dụ: Trùng lịch',
    ]);
    expect(confirm).toHaveAttribute('aria-describedby', 'refusals-confirmed');
    expect(screen.getByTestId(testIdOf('transition', 'proposed'))).toBeEnabled();
    expect(screen.getByTestId(testIdOf('transition', 'proposed'))).toHaveTextContent('Trả về «Đề xuất»');
    expect(screen.getByTestId(TestId.approvedBy)).toHaveTextContent(/^Phê duyệt bởi Nguyễn Văn An lúc \d\d:\d\d 01\/02\/2027$/);

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(testIdOf('refusals', 'confirmed'))).toHaveTextContent('The delegation has no head of delegation'));
    expect(screen.getByTestId(testIdOf('transition', 'confirmed'))).toHaveTextContent('Confirm');
  });

  it('asks for the approver before approving, shows the core’s error next to the name, then approves', async () => {
    let status: 'proposed' | 'approved' = 'proposed';
    const calls = core({
      get_record: (args) => (args.kind === 'counsellors' ? storedCounsellor(3) : delegation),
      delegation_transition: (args) => {
        const t = args.transition as Transition;
        if (!t.by) {
          throw invalidPayload([
            { field: 'by', code: 'approver_required', message_vi: 'Cần ghi rõ người phê duyệt', message_en: 'Name who approves the delegation' },
          ]);
        }
        status = 'approved';
        return { ...delegation, status: t.to, approved_by: t.by, approved_at: '2026-11-27T03:00:00Z' };
      },
      delegation_next_steps: () =>
        status === 'proposed'
          ? [
              { to: 'approved', refusals: [] },
              { to: 'draft', refusals: [] },
              { to: 'cancelled', refusals: [] },
            ]
          : [
              { to: 'confirmed', refusals: [] },
              { to: 'proposed', refusals: [] },
              { to: 'cancelled', refusals: [] },
            ],
    });
    render(DelegationDetail, { id: 5 });

    await fireEvent.click(await screen.findByTestId(testIdOf('transition', 'approved')));
    expect(callsOf(calls, 'delegation_transition')).toHaveLength(0);
    const name = screen.getByTestId(TestId.approverName);
    expect(screen.getByLabelText('Người phê duyệt')).toBe(name);

    await fireEvent.click(screen.getByTestId(TestId.transitionConfirm));
    const error = await screen.findByTestId(testIdOf('error', 'by'));
    expect(error).toHaveTextContent('Cần ghi rõ người phê duyệt');
    expect(error.closest('.field')?.querySelector(`[data-testid="${TestId.approverName}"]`)).not.toBeNull();
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await fireEvent.input(name, { target: { value: '  Nguyễn Văn An, Phó Giám đốc ' } });
    await fireEvent.click(screen.getByTestId(TestId.transitionConfirm));

    await waitFor(() => expect(screen.getByTestId(TestId.workflowStatus)).toHaveTextContent('Đã phê duyệt'));
    expect(callsOf(calls, 'delegation_transition').at(-1)).toEqual({
      delegationId: 5,
      transition: { to: 'approved', by: 'Nguyễn Văn An, Phó Giám đốc' },
    });
    expect(screen.getByTestId(TestId.approvedBy)).toHaveTextContent('Nguyễn Văn An, Phó Giám đốc');
    expect(screen.queryByTestId(TestId.approverName)).toBeNull();
    expect(await screen.findByTestId(testIdOf('transition', 'confirmed'))).toBeEnabled();
    // The history is read again after the move.
    await waitFor(() => expect(callsOf(calls, 'record_audit').length).toBeGreaterThanOrEqual(2));
  });

  it('asks once more before cancelling, and moves forward steps at once', async () => {
    const calls = core({
      get_record: () => storedDelegation(5, { status: 'draft' }),
      delegation_next_steps: steps([
        { to: 'proposed', refusals: [] },
        { to: 'cancelled', refusals: [] },
      ]),
      delegation_transition: (args) => storedDelegation(5, { status: (args.transition as Transition).to }),
    });
    render(DelegationDetail, { id: 5 });

    await fireEvent.click(await screen.findByTestId(testIdOf('transition', 'cancelled')));
    expect(screen.getByTestId(TestId.transitionPrompt)).toHaveTextContent('Chuyển đoàn sang «Đã huỷ»?');
    expect(callsOf(calls, 'delegation_transition')).toHaveLength(0);
    await fireEvent.click(screen.getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByTestId(TestId.transitionPrompt)).toBeNull();

    await fireEvent.click(screen.getByTestId(testIdOf('transition', 'proposed')));
    await waitFor(() =>
      expect(callsOf(calls, 'delegation_transition')).toEqual([{ delegationId: 5, transition: { to: 'proposed', by: null } }]),
    );
  });

  it('deletes only after confirmation, then returns to the list', async () => {
    const calls = core({ delete_record: () => null });
    render(DelegationDetail, { id: 5 });
    await screen.findByTestId(TestId.detailTitle);

    await fireEvent.click(screen.getByTestId(TestId.delete));
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá đoàn «Đoàn xúc tiến đầu tư tại Nhật Bản»?');

    await fireEvent.click(screen.getByTestId(TestId.confirmDelete));
    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'delegations', id: 5 }]));
    await waitFor(() => expect(router.path).toBe('/delegations'));
  });
});
