import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ItineraryView } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import {
  callsOf,
  fakeCore,
  invalidPayload,
  itineraryViewOf,
  listOf,
  planMember,
  storedContact,
  storedDelegation,
  storedMember,
  storedMeta,
} from '../test-ipc';
import DelegationDetail from './DelegationDetail.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const delegation = storedDelegation(5, { start_date: '2027-03-08', end_date: '2027-03-12' });

const members = [
  planMember(11, 'Trần Văn Minh', {
    role: 'head',
    passport_number: 'C1234567',
    passport_expiry: '2027-06-30',
    visa_status: 'issued',
    dietary_notes: 'Không ăn hải sản',
  }),
  planMember(12, 'Yamada Taro', {
    role: 'interpreter',
    contact_id: 31,
    organization: 'JETRO',
    visa_status: 'refused',
  }),
];
const warnings: ItineraryView['warnings'] = [
  {
    member_id: 11,
    code: 'passport_expiry',
    message_vi: 'Hộ chiếu của Trần Văn Minh hết hạn ngày 30/06/2027, chưa đủ 6 tháng sau ngày về 12/03/2027',
    message_en: "Trần Văn Minh's passport expires on 30/06/2027, less than 6 months after the return on 12/03/2027",
  },
  { member_id: 12, code: 'visa_refused', message_vi: 'Thị thực của Yamada Taro bị từ chối', message_en: "Yamada Taro's visa was refused" },
];

const contacts = [
  storedContact(31, 'Yamada Taro', { title: 'Phiên dịch viên', organization_id: 4 }),
  storedContact(32, 'Trần Thị Hồng Nhung', { title: 'Giám đốc' }),
  storedContact(33, 'Phạm Đức Anh'),
];
const organizations = [{ ...storedMeta(4), kind: 'government', name_vi: 'JETRO', name_en: null, country: 'JP', city: null, sectors: [], size: 'large', website: null, notes: null }];

function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: (args) => (args.kind === 'members' ? storedMember(Number(args.id), { role: 'head', passport_number: 'C1234567', passport_expiry: '2027-06-30', visa_status: 'issued', dietary_notes: 'Không ăn hải sản' }) : delegation),
    itinerary_view: () => itineraryViewOf({ members, warnings }),
    delegation_next_steps: () => [],
    record_audit: () => [],
    list_records: listOf({ contacts, organizations }),
    ...extra,
  });
}

function input(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[data-testid="${TestId.memberForm}"] [name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

describe('members tab', () => {
  it('lists the members with their documents, and each warning next to its member', async () => {
    core();
    render(DelegationDetail, { id: 5, tab: 'members' });

    const rows = await screen.findAllByTestId(TestId.memberRow);
    expect(rows).toHaveLength(2);
    const head = within(rows[0]);
    expect(head.getByText('Trưởng đoàn')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('C1234567');
    expect(rows[0]).toHaveTextContent('hết hạn 30/06/2027');
    expect(rows[0]).toHaveTextContent('Không ăn hải sản');
    expect(head.getByTestId(TestId.memberWarning)).toHaveTextContent('chưa đủ 6 tháng sau ngày về 12/03/2027');
    expect(rows[0]).toHaveClass('warned');

    const interpreter = within(rows[1]);
    expect(interpreter.getByText('Yamada Taro')).toHaveAttribute('href', '#/contacts/people/31');
    expect(interpreter.getByText('JETRO')).toBeInTheDocument();
    expect(interpreter.getByText('Bị từ chối')).toHaveClass('badge-danger');
    expect(interpreter.getByTestId(TestId.memberWarning)).toHaveTextContent('Thị thực của Yamada Taro bị từ chối');
    expect(screen.getByTestId(testIdOf('tab', 'members'))).toHaveTextContent('⚠ 2');

    setLanguage('en');
    await waitFor(() => expect(interpreter.getByTestId(TestId.memberWarning)).toHaveTextContent("Yamada Taro's visa was refused"));
  });

  it('adds a person picked from the contact book by typing part of the name, without diacritics', async () => {
    const calls = core({ create_record: (args) => ({ ...storedMeta(13), ...(args.data as object) }) });
    const { container } = render(DelegationDetail, { id: 5, tab: 'members' });
    await screen.findAllByTestId(TestId.memberRow);

    await fireEvent.click(screen.getByTestId(TestId.addMember));
    expect(await screen.findByTestId(TestId.memberForm)).toBeInTheDocument();
    const search = screen.getByTestId(TestId.contactSearch);
    await waitFor(() => expect(callsOf(calls, 'list_records').some((a) => a.kind === 'contacts')).toBe(true));

    await fireEvent.input(search, { target: { value: 'nhung tran' } });
    const options = await screen.findAllByTestId(TestId.contactOption);
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Trần Thị Hồng Nhung');

    await fireEvent.input(search, { target: { value: 'jetro' } });
    expect(screen.getAllByTestId(TestId.contactOption)[0]).toHaveTextContent('Yamada Taro');
    expect(screen.getAllByTestId(TestId.contactOption)[0]).toHaveTextContent('Phiên dịch viên · JETRO');
    // Keyboard: Enter picks the highlighted one.
    await fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByTestId(TestId.memberContact)).toHaveTextContent('Yamada Taro');

    await fireEvent.change(input(container, 'role'), { target: { value: 'interpreter' } });
    await fireEvent.change(input(container, 'visa_status'), { target: { value: 'issued' } });
    await fireEvent.input(input(container, 'passport_number'), { target: { value: ' TR9876543 ' } });
    await fireEvent.input(input(container, 'passport_expiry'), { target: { value: '2031-01-15' } });
    await fireEvent.click(screen.getByTestId(TestId.memberSave));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0]).toEqual({
      kind: 'members',
      data: {
        delegation_id: 5,
        contact_id: 31,
        staff_name: null,
        role: 'interpreter',
        passport_number: 'TR9876543',
        passport_expiry: '2031-01-15',
        visa_status: 'issued',
        dietary_notes: null,
        protocol_notes: null,
      },
    });
    await waitFor(() => expect(screen.queryByTestId(TestId.memberForm)).toBeNull());
    // The view (and the workflow's reasons) are read again.
    expect(callsOf(calls, 'itinerary_view')).toHaveLength(2);
    expect(callsOf(calls, 'delegation_next_steps')).toHaveLength(2);
  });

  it('shows missing choices and the core’s errors next to their fields', async () => {
    const calls = core({
      create_record: () => {
        throw invalidPayload([
          { field: 'passport_number', code: 'too_long', message_vi: 'Dài quá 500 ký tự (612)', message_en: 'Longer than 500 characters (612)' },
          {
            field: 'contact_id',
            code: 'contact_or_staff',
            message_vi: 'Chọn một người liên hệ hoặc nhập tên cán bộ (chỉ một trong hai)',
            message_en: 'Choose a contact or enter a staff name (exactly one of the two)',
          },
        ]);
      },
    });
    const { container } = render(DelegationDetail, { id: 5, tab: 'members' });
    await screen.findAllByTestId(TestId.memberRow);
    await fireEvent.click(screen.getByTestId(TestId.addMember));
    await screen.findByTestId(TestId.memberForm);

    // Nobody chosen: said before anything is sent.
    await fireEvent.click(screen.getByTestId(TestId.memberSave));
    expect(await screen.findByTestId(testIdOf('error', 'contact_id'))).toHaveTextContent('Chọn một người trong danh bạ');
    expect(callsOf(calls, 'create_record')).toHaveLength(0);

    await fireEvent.click(screen.getByTestId(TestId.memberSourceStaff));
    await fireEvent.input(input(container, 'staff_name'), { target: { value: 'Lê Thu Hà' } });
    await fireEvent.input(input(container, 'passport_number'), { target: { value: 'X'.repeat(612) } });
    await fireEvent.click(screen.getByTestId(TestId.memberSave));

    const passport = await screen.findByTestId(testIdOf('error', 'passport_number'));
    expect(passport).toHaveTextContent('Dài quá 500 ký tự (612)');
    expect(passport.closest('.field')?.querySelector('[name="passport_number"]')).not.toBeNull();
    expect(input(container, 'passport_number')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(testIdOf('error', 'contact_id'))).toHaveTextContent('chỉ một trong hai');
    expect(screen.getByTestId(TestId.formError)).toHaveTextContent('Vui lòng sửa các lỗi');
    expect(callsOf(calls, 'create_record')[0].data).toMatchObject({ contact_id: null, staff_name: 'Lê Thu Hà' });
  });

  it('edits a member by sending only what changed, and removes one after confirmation', async () => {
    const calls = core({
      update_record: (args) => ({ ...storedMember(11), ...(args.patch as object) }),
      delete_record: () => null,
    });
    const { container } = render(DelegationDetail, { id: 5, tab: 'members' });
    const rows = await screen.findAllByTestId(TestId.memberRow);

    await fireEvent.click(within(rows[0]).getByTestId(TestId.memberEdit));
    await waitFor(() => expect(input(container, 'passport_number').value).toBe('C1234567'));
    expect(input(container, 'staff_name').value).toBe('Trần Văn Minh');
    await fireEvent.input(input(container, 'passport_expiry'), { target: { value: '2032-05-01' } });
    await fireEvent.click(screen.getByTestId(TestId.memberSave));
    await waitFor(() =>
      expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'members', id: 11, patch: { passport_expiry: '2032-05-01', revision: 1 } }]),
    );

    await waitFor(() => expect(screen.queryByTestId(TestId.memberForm)).toBeNull());
    await fireEvent.click(within(screen.getAllByTestId(TestId.memberRow)[1]).getByTestId(TestId.memberDelete));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá «Yamada Taro» khỏi đoàn?');
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId(TestId.confirmDelete));
    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'members', id: 12 }]));
  });
});
