import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CounsellorLoad, ListQuery } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, listOf, storedCounsellor, storedMeta, storedOffice } from '../test-ipc';
import App from '../App.svelte';
import CounsellorDetail from './CounsellorDetail.svelte';
import CounsellorForm from './CounsellorForm.svelte';
import OfficeDetail from './OfficeDetail.svelte';
import OfficeForm from './OfficeForm.svelte';
import OfficeList from './OfficeList.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const offices = [
  storedOffice(1),
  storedOffice(2, {
    name_vi: 'Thương vụ Việt Nam tại Hàn Quốc',
    name_en: 'Vietnam Trade Office in Korea',
    country: 'KR',
    city: 'Seoul',
    time_zone: 'Asia/Seoul',
    languages: ['vi', 'ko'],
  }),
];
const counsellors = [
  storedCounsellor(3),
  storedCounsellor(4, { full_name: 'Phạm Minh Quân', title: 'Tùy viên thương mại', office_id: 1 }),
  storedCounsellor(5, { full_name: 'Kim Ji-won', office_id: 2 }),
];

const load: CounsellorLoad = {
  counsellor_id: 3,
  delegations: [
    { id: 5, title: 'Đoàn xúc tiến đầu tư tại Nhật Bản', status: 'approved', start_date: '2027-03-08', end_date: '2027-03-12' },
    { id: 2, title: 'Đoàn khảo sát Osaka', status: 'reported', start_date: '2026-04-02', end_date: '2026-04-05' },
  ],
  meetings: [
    { item_id: 21, delegation_id: 5, delegation_title: 'Đoàn xúc tiến đầu tư tại Nhật Bản', title: 'Gặp JETRO', starts_at: '2027-03-08T01:00:00Z', time_zone: 'Asia/Tokyo' },
  ],
  active_delegations: 1,
  upcoming_meetings: 1,
};

function field(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

describe('directory', () => {
  it('lists the trade offices with their place, zone, languages and counsellors', async () => {
    fakeCore({ list_records: listOf({ offices, counsellors }) });
    render(OfficeList);
    const rows = await screen.findAllByTestId(TestId.officeRow);
    expect(rows).toHaveLength(2);
    const tokyo = within(rows[0]);
    expect(tokyo.getByText('Thương vụ Việt Nam tại Nhật Bản')).toHaveAttribute('href', '#/offices/1');
    expect(rows[0]).toHaveTextContent('JP');
    expect(rows[0]).toHaveTextContent('Tokyo');
    expect(rows[0]).toHaveTextContent('Asia/Tokyo');
    expect(rows[0]).toHaveTextContent('Bây giờ:');
    expect(rows[0]).toHaveTextContent('vi, ja, en');
    expect(rows[0].querySelector('td.num')).toHaveTextContent('2');
    expect(rows[1].querySelector('td.num')).toHaveTextContent('1');
  });

  it('shows an office with its counsellors, and offers to add one there', async () => {
    const calls = fakeCore({
      get_record: () => offices[0],
      list_records: listOf({ counsellors: counsellors.filter((c) => c.office_id === 1) }),
      record_audit: () => [],
    });
    render(OfficeDetail, { id: 1 });
    expect(await screen.findByTestId(TestId.detailTitle)).toHaveTextContent('Thương vụ Việt Nam tại Nhật Bản');
    expect(screen.getByTestId(TestId.officeDetail)).toHaveTextContent('jp@moit.gov.vn');
    expect(screen.getByTestId(TestId.officeClock)).toHaveTextContent('Bây giờ:');
    const people = screen.getAllByTestId(TestId.officeCounsellor);
    expect(people).toHaveLength(2);
    expect(within(people[0]).getByText('Nguyễn Thị Lan')).toHaveAttribute('href', '#/counsellors/3');
    expect(screen.getByTestId(TestId.addCounsellor)).toHaveAttribute('href', '#/counsellors/new?office=1');
    const query = callsOf(calls, 'list_records')[0].query as ListQuery;
    expect(query.filters).toEqual([{ field: 'office_id', value: '1' }]);
  });

  it('shows a counsellor’s contact details and load: delegations and meetings', async () => {
    const calls = fakeCore({
      get_record: (args) => (args.kind === 'offices' ? offices[0] : counsellors[0]),
      counsellor_load: () => load,
      record_audit: () => [],
    });
    render(CounsellorDetail, { id: 3 });
    expect(await screen.findByTestId(TestId.detailTitle)).toHaveTextContent('Nguyễn Thị Lan');
    expect(screen.getByText('Thương vụ Việt Nam tại Nhật Bản')).toHaveAttribute('href', '#/offices/1');
    expect(screen.getByText('lan.nt@moit.gov.vn')).toHaveAttribute('href', 'mailto:lan.nt@moit.gov.vn');
    expect(callsOf(calls, 'counsellor_load')).toEqual([{ counsellorId: 3 }]);

    expect(await screen.findByTestId(TestId.loadSummary)).toHaveTextContent('1 đoàn đang phụ trách');
    expect(screen.getByTestId(TestId.loadSummary)).toHaveTextContent('1 cuộc gặp sắp tới');
    const delegations = screen.getAllByTestId(TestId.loadDelegation);
    expect(delegations).toHaveLength(2);
    expect(within(delegations[0]).getByText('Đoàn xúc tiến đầu tư tại Nhật Bản')).toHaveAttribute('href', '#/delegations/5');
    expect(delegations[0]).toHaveTextContent('Đã phê duyệt');
    expect(delegations[0]).toHaveTextContent('08/03/2027 – 12/03/2027');
    const meeting = screen.getByTestId(TestId.loadMeeting);
    expect(meeting).toHaveTextContent('10:00 08/03/2027');
    expect(meeting).toHaveTextContent('08:00 08/03/2027');
    expect(within(meeting).getByText('Đoàn xúc tiến đầu tư tại Nhật Bản')).toHaveAttribute('href', '#/delegations/5/itinerary');
  });

  it('creates an office, with the core’s errors next to their fields', async () => {
    let attempt = 0;
    const calls = fakeCore({
      create_record: (args) => {
        attempt += 1;
        if (attempt === 1) {
          throw invalidPayload([
            { field: 'time_zone', code: 'unknown_time_zone', message_vi: 'Múi giờ không xác định: «Asia/Osaka» (ví dụ: Asia/Tokyo)', message_en: 'Unknown time zone: «Asia/Osaka» (e.g. Asia/Tokyo)' },
            { field: 'city', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
          ]);
        }
        return { ...storedMeta(9), ...(args.data as object) };
      },
    });
    const { container } = render(OfficeForm);
    await fireEvent.input(field(container, 'name_vi'), { target: { value: 'Chi nhánh Thương vụ tại Osaka' } });
    await fireEvent.input(field(container, 'country'), { target: { value: 'jp' } });
    await fireEvent.input(field(container, 'time_zone'), { target: { value: 'Asia/Osaka' } });
    await fireEvent.input(field(container, 'languages'), { target: { value: 'vi, ja' } });
    await fireEvent.click(screen.getByTestId(TestId.save));

    const zone = await screen.findByTestId(testIdOf('error', 'time_zone'));
    expect(zone).toHaveTextContent('Múi giờ không xác định');
    expect(zone.closest('.field')?.querySelector('[name="time_zone"]')).not.toBeNull();
    expect(field(container, 'time_zone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(testIdOf('error', 'city'))).toHaveTextContent('Trường này là bắt buộc');
    expect(callsOf(calls, 'create_record')[0]).toEqual({
      kind: 'offices',
      data: {
        name_vi: 'Chi nhánh Thương vụ tại Osaka',
        name_en: null,
        country: 'JP',
        city: '',
        time_zone: 'Asia/Osaka',
        address: null,
        phone: null,
        email: null,
        languages: ['vi', 'ja'],
        notes: null,
      },
    });

    await fireEvent.input(field(container, 'city'), { target: { value: 'Osaka' } });
    await fireEvent.input(field(container, 'time_zone'), { target: { value: 'Asia/Tokyo' } });
    await fireEvent.click(screen.getByTestId(TestId.save));
    await waitFor(() => expect(router.path).toBe('/offices/9'));
  });

  it('creates a counsellor in the office it was opened from; without an office nothing is sent', async () => {
    const calls = fakeCore({
      list_records: listOf({ offices }),
      create_record: (args) => ({ ...storedMeta(12), ...(args.data as object) }),
    });
    const { container } = render(CounsellorForm, { officeId: 2 });
    await screen.findByRole('option', { name: /Hàn Quốc/ });
    expect(field(container, 'office_id').value).toBe('2');

    await fireEvent.change(field(container, 'office_id'), { target: { value: '' } });
    await fireEvent.click(screen.getByTestId(TestId.save));
    expect(await screen.findByTestId(testIdOf('error', 'office_id'))).toHaveTextContent('Chọn thương vụ');
    expect(callsOf(calls, 'create_record')).toHaveLength(0);

    await fireEvent.change(field(container, 'office_id'), { target: { value: '2' } });
    await fireEvent.input(field(container, 'full_name'), { target: { value: 'Đỗ Thị Mai' } });
    await fireEvent.input(field(container, 'title'), { target: { value: 'Tham tán' } });
    await fireEvent.input(field(container, 'languages'), { target: { value: 'ko, en' } });
    await fireEvent.click(screen.getByTestId(TestId.save));
    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0]).toEqual({
      kind: 'counsellors',
      data: { office_id: 2, full_name: 'Đỗ Thị Mai', title: 'Tham tán', email: null, phone: null, languages: ['ko', 'en'], notes: null },
    });
    await waitFor(() => expect(router.path).toBe('/counsellors/12'));
  });

  it('deletes a counsellor after confirmation, then shows their office', async () => {
    const calls = fakeCore({
      get_record: (args) => (args.kind === 'offices' ? offices[0] : counsellors[0]),
      counsellor_load: () => ({ ...load, delegations: [], meetings: [], active_delegations: 0, upcoming_meetings: 0 }),
      record_audit: () => [],
      delete_record: () => null,
    });
    render(CounsellorDetail, { id: 3 });
    await screen.findByTestId(TestId.detailTitle);
    await fireEvent.click(screen.getByTestId(TestId.delete));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá tham tán «Nguyễn Thị Lan»?');
    await fireEvent.click(screen.getByTestId(TestId.confirmDelete));
    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'counsellors', id: 3, revision: 1 }]));
    await waitFor(() => expect(router.path).toBe('/offices/1'));
  });

  it('is reached from the sidebar, with offices and counsellors as two tabs', async () => {
    fakeCore({
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 30 }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      list_records: listOf({ offices, counsellors }),
    });
    render(App);
    await fireEvent.click(await screen.findByTestId(testIdOf('nav', 'directory')));
    expect(await screen.findAllByTestId(TestId.officeRow)).toHaveLength(2);
    expect(screen.getByTestId(testIdOf('nav', 'directory'))).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Thương vụ');

    location.hash = '#/counsellors';
    expect(await screen.findAllByTestId(TestId.counsellorRow)).toHaveLength(3);
    expect(screen.getByTestId(TestId.tabCounsellors)).toHaveAttribute('aria-current', 'page');
    const kim = within(screen.getAllByTestId(TestId.counsellorRow)[2]);
    expect(kim.getByText('Kim Ji-won')).toHaveAttribute('href', '#/counsellors/5');
    expect(kim.getByText('Thương vụ Việt Nam tại Hàn Quốc')).toHaveAttribute('href', '#/offices/2');
  });
});
