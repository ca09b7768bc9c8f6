import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Conflict, ItemEntry } from '../lib/bindings.gen';
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
  storedMeta,
} from '../test-ipc';
import DelegationDetail from './DelegationDetail.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const delegation = storedDelegation(5, {
  start_date: '2027-03-08',
  end_date: '2027-03-10',
  time_zone: 'Asia/Tokyo',
});

const conflicts: Conflict[] = [
  {
    kind: 'double_booked',
    severity: 'hard',
    item_ids: [21, 22],
    member_ids: [11],
    message_vi: 'Trần Văn Minh có hai lịch cùng lúc: «Gặp JETRO» và «Thăm Toyota» (08/03 10:00–11:30)',
    message_en: 'Trần Văn Minh is booked twice: “Gặp JETRO” and “Thăm Toyota” (08/03 10:00–11:30)',
  },
  {
    kind: 'night_time',
    severity: 'soft',
    item_ids: [24],
    member_ids: [],
    message_vi: '«Ăn tối với Keidanren» kéo dài sau 22:00 giờ địa phương',
    message_en: '“Ăn tối với Keidanren” runs past 22:00 local time',
  },
];

const members = [planMember(11, 'Trần Văn Minh', { role: 'head' }), planMember(12, 'Lê Thu Hà')];

const view = itineraryViewOf({
  start: '2027-03-08',
  members,
  conflicts,
  items: [
    itemView(21, 'Gặp JETRO', ['2027-03-08T10:00', '2027-03-08T11:30'], ['2027-03-08T08:00', '2027-03-08T09:30'], {
      item: { venue: 'Ark Mori Building', address: '1-12-32 Akasaka, Minato-ku', counsellor_id: 3 },
      counsellor: 'Nguyễn Thị Lan',
      organization: 'JETRO',
      attendees: ['Trần Văn Minh'],
      conflicts: [0],
      severity: 'hard',
    }),
    itemView(22, 'Thăm Toyota', ['2027-03-08T10:30', '2027-03-08T12:00'], ['2027-03-08T08:30', '2027-03-08T10:00'], {
      item: { kind: 'site_visit' },
      conflicts: [0],
      severity: 'hard',
    }),
    itemView(23, 'Bay về Hà Nội', ['2027-03-10T10:00', '2027-03-10T14:30'], ['2027-03-10T08:00', '2027-03-10T14:30'], {
      item: { kind: 'travel', end_time_zone: 'Asia/Ho_Chi_Minh' },
      end_zone_abbr: '+07',
    }),
    itemView(24, 'Ăn tối với Keidanren', ['2027-03-10T19:00', '2027-03-10T22:30'], ['2027-03-10T17:00', '2027-03-10T20:30'], {
      item: { kind: 'meal' },
      conflicts: [1],
      severity: 'soft',
    }),
  ],
});

const entry: ItemEntry = {
  delegation_id: 5,
  kind: 'meeting',
  title: 'Gặp JETRO',
  start_date: '2027-03-08',
  start_time: '10:00:00',
  end_date: '2027-03-08',
  end_time: '11:30:00',
  time_zone: 'Asia/Tokyo',
  end_time_zone: null,
  venue: 'Ark Mori Building',
  address: null,
  organization_id: null,
  counsellor_id: 3,
  contact_ids: [],
  attendee_ids: [11],
  notes: null,
};

const organizations = [
  { ...storedMeta(4), kind: 'government', name_vi: 'Tổ chức Xúc tiến Thương mại Nhật Bản', name_en: 'JETRO', country: 'JP', city: 'Tokyo', sectors: [], size: 'large', website: null, notes: null },
];

const stored = (id: number) => ({ ...storedMeta(id), delegation_id: 5 });

function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: () => delegation,
    itinerary_view: () => view,
    delegation_next_steps: () => [],
    record_audit: () => [],
    list_records: listOf({ organizations, counsellors: [storedCounsellor(3)], contacts: [] }),
    itinerary_entry: () => entry,
    ...extra,
  });
}

function control(name: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(`[data-testid="${TestId.itemForm}"] [name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

const item = (id: number) => document.querySelector<HTMLElement>(`[data-testid="${TestId.itineraryItem}"][data-item-id="${id}"]`)!;

describe('itinerary tab', () => {
  it('points at the item named in the address (an itinerary item opened from search)', async () => {
    core();
    router.path = '/delegations/5/itinerary?item=23';
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);
    await waitFor(() => expect(item(23)).toHaveClass('highlighted'));
    expect(item(21)).not.toHaveClass('highlighted');
  });

  it('groups the programme by day, every day of the delegation, in local and Hanoi time', async () => {
    core();
    render(DelegationDetail, { id: 5, tab: 'itinerary' });

    const days = await screen.findAllByTestId(TestId.itineraryDay);
    expect(days.map((d) => within(d).getByTestId(TestId.dayHeading).textContent)).toEqual([
      'Ngày 1 — Thứ Hai 08/03/2027',
      'Ngày 2 — Thứ Ba 09/03/2027',
      'Ngày 3 — Thứ Tư 10/03/2027',
    ]);
    expect(within(days[0]).getAllByTestId(TestId.itineraryItem)).toHaveLength(2);
    expect(days[1]).toHaveTextContent('Chưa có mục nào trong ngày này.');

    const jetro = within(item(21));
    expect(jetro.getByTestId(TestId.itineraryLocal)).toHaveTextContent('10:00 – 11:30 JST');
    expect(jetro.getByTestId(TestId.itineraryLocal)).toHaveTextContent('1 giờ 30 phút');
    expect(jetro.getByTestId(TestId.itineraryHanoi)).toHaveTextContent('08:00 – 09:30');
    expect(item(21)).toHaveTextContent('Ark Mori Building — 1-12-32 Akasaka, Minato-ku');
    expect(jetro.getByText('Nguyễn Thị Lan')).toHaveAttribute('href', '#/counsellors/3');
    expect(item(21)).toHaveTextContent('JETRO');
    expect(jetro.getByTestId(TestId.itemAttendeesList)).toHaveTextContent('Trần Văn Minh');
    expect(within(item(22)).getByTestId(TestId.itemAttendeesList)).toHaveTextContent('Cả đoàn');
    expect(within(item(22)).getByText('Khảo sát thực địa')).toBeInTheDocument();
    // A flight shows both zones.
    expect(within(item(23)).getByTestId(TestId.itineraryLocal)).toHaveTextContent('10:00 JST – 14:30 +07');

    setLanguage('en');
    await waitFor(() => expect(within(days[0]).getByTestId(TestId.dayHeading)).toHaveTextContent('Day 1 — Monday 8 Mar 2027'));
  });

  it('marks conflicting items by severity, lists every conflict, and points at a conflict’s items', async () => {
    core();
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);

    expect(item(21)).toHaveAttribute('data-severity', 'hard');
    expect(item(21)).toHaveClass('severity-hard');
    expect(item(22)).toHaveAttribute('data-severity', 'hard');
    expect(item(24)).toHaveAttribute('data-severity', 'soft');
    expect(item(24)).toHaveClass('severity-soft');
    expect(item(23)).not.toHaveAttribute('data-severity');
    expect(within(item(21)).getByTestId(TestId.itemConflict)).toHaveTextContent('có hai lịch cùng lúc');

    expect(screen.getByTestId(TestId.conflictCount)).toHaveTextContent('2 xung đột: 1 nghiêm trọng, 1 cần xem lại');
    const listed = screen.getAllByTestId(TestId.conflict);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toHaveTextContent('Trùng lịch');
    expect(listed[0]).toHaveTextContent('Trần Văn Minh có hai lịch cùng lúc');
    expect(listed[0]).toHaveAttribute('data-severity', 'hard');
    expect(listed[1]).toHaveTextContent('kéo dài sau 22:00');
    expect(screen.getByTestId(testIdOf('tab', 'itinerary'))).toHaveTextContent('4');

    await fireEvent.click(listed[0]);
    expect(listed[0]).toHaveAttribute('aria-pressed', 'true');
    expect(item(21)).toHaveClass('highlighted');
    expect(item(22)).toHaveClass('highlighted');
    expect(item(24)).not.toHaveClass('highlighted');

    await fireEvent.click(listed[1]);
    expect(item(21)).not.toHaveClass('highlighted');
    expect(item(24)).toHaveClass('highlighted');

    setLanguage('en');
    await waitFor(() => expect(listed[1]).toHaveTextContent('runs past 22:00 local time'));
  });

  it('adds an item typed in local time, shows the core’s error next to its field, then saves', async () => {
    let attempts = 0;
    const calls = core({
      save_itinerary_item: () => {
        attempts += 1;
        if (attempts === 1) {
          throw invalidPayload([
            { field: 'end_time', code: 'end_before_start', message_vi: 'Thời điểm kết thúc trước thời điểm bắt đầu', message_en: 'End is before start' },
          ]);
        }
        return stored(30);
      },
    });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);

    await fireEvent.click(screen.getByTestId(TestId.addItem));
    await screen.findByTestId(TestId.itemForm);
    expect(control('time_zone').value).toBe('Asia/Tokyo');
    // Shown in the interface language's order, whatever the OS locale (the core gets 2027-03-08).
    expect(control('start_date').value).toBe('08/03/2027');
    await screen.findByRole('option', { name: 'Tổ chức Xúc tiến Thương mại Nhật Bản' });

    await fireEvent.input(control('title'), { target: { value: ' Làm việc với METI ' } });
    await fireEvent.input(control('start_date'), { target: { value: '2027-03-09' } });
    await fireEvent.input(control('start_time'), { target: { value: '14:00' } });
    await fireEvent.input(control('end_time'), { target: { value: '13:00' } });
    await fireEvent.input(control('venue'), { target: { value: 'METI, Kasumigaseki' } });
    await fireEvent.change(control('organization_id'), { target: { value: '4' } });
    await fireEvent.change(control('counsellor_id'), { target: { value: '3' } });
    await fireEvent.click(screen.getByLabelText(/Lê Thu Hà/));
    expect(screen.queryByTestId(TestId.itemForm)!.querySelector('[name="end_time_zone"]')).toBeNull();
    await fireEvent.click(screen.getByTestId(TestId.itemSave));

    const error = await screen.findByTestId(testIdOf('error', 'end_time'));
    expect(error).toHaveTextContent('Thời điểm kết thúc trước thời điểm bắt đầu');
    expect(error.closest('.field')?.querySelector('[name="end_time"]')).not.toBeNull();
    expect(control('end_time')).toHaveAttribute('aria-invalid', 'true');
    expect(callsOf(calls, 'save_itinerary_item')[0]).toEqual({
      itemId: null,
      entry: {
        delegation_id: 5,
        kind: 'meeting',
        title: 'Làm việc với METI',
        start_date: '2027-03-09',
        start_time: '14:00:00',
        end_date: null,
        end_time: '13:00:00',
        time_zone: 'Asia/Tokyo',
        end_time_zone: null,
        venue: 'METI, Kasumigaseki',
        address: null,
        organization_id: 4,
        counsellor_id: 3,
        contact_ids: [],
        attendee_ids: [12],
        notes: null,
      },
    });

    await fireEvent.input(control('end_time'), { target: { value: '15:30' } });
    await fireEvent.click(screen.getByTestId(TestId.itemSave));
    await waitFor(() => expect(screen.queryByTestId(TestId.itemForm)).toBeNull());
    expect((callsOf(calls, 'save_itinerary_item')[1].entry as ItemEntry).end_time).toBe('15:30:00');
    // After the change the view is read again (the core recomputes the conflicts).
    expect(callsOf(calls, 'itinerary_view')).toHaveLength(2);
  });

  it('edits an item from its local entry, and a travel leg keeps its arrival zone', async () => {
    const calls = core({
      itinerary_entry: () => ({ ...entry, kind: 'travel', title: 'Bay Tokyo – Hà Nội', end_time_zone: 'Asia/Ho_Chi_Minh', end_time: '14:30:00' }),
      save_itinerary_item: () => stored(21),
    });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);

    await fireEvent.click(within(item(21)).getByTestId(TestId.itemEdit));
    await waitFor(() => expect(control('start_time').value).toBe('10:00'));
    expect(callsOf(calls, 'itinerary_entry')).toEqual([{ itemId: 21 }]);
    expect(control('end_time').value).toBe('14:30');
    expect(control('end_date').value).toBe('');
    expect(control('end_time_zone').value).toBe('Asia/Ho_Chi_Minh');

    await fireEvent.input(control('end_date'), { target: { value: '2027-03-09' } });
    await fireEvent.click(screen.getByTestId(TestId.itemSave));
    await waitFor(() => expect(callsOf(calls, 'save_itinerary_item')).toHaveLength(1));
    const sent = callsOf(calls, 'save_itinerary_item')[0];
    expect(sent.itemId).toBe(21);
    expect(sent.entry).toMatchObject({
      kind: 'travel',
      start_time: '10:00:00',
      end_date: '2027-03-09',
      end_time: '14:30:00',
      time_zone: 'Asia/Tokyo',
      end_time_zone: 'Asia/Ho_Chi_Minh',
      counsellor_id: 3,
      attendee_ids: [11],
    });
  });

  it('adds an item from one quick line on the chosen day, and shows a malformed line’s error', async () => {
    let n = 0;
    const calls = core({
      quick_add_item: () => {
        n += 1;
        if (n === 1) {
          throw invalidPayload([
            { field: 'quick', code: 'quick_format', message_vi: 'Viết theo mẫu: 09:30-11:00 Tiêu đề @ Địa điểm', message_en: 'Write it as: 09:30-11:00 Title @ Venue' },
          ]);
        }
        return { item: itemView(31, 'Gặp Samsung C&T', ['2027-03-09T09:30', '2027-03-09T11:00'], ['2027-03-09T07:30', '2027-03-09T09:00']).item, clock_note: null };
      },
    });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);

    const line = screen.getByTestId(TestId.quickAdd);
    expect(screen.getByTestId(TestId.quickAddDate)).toHaveValue('08/03/2027');
    await fireEvent.input(screen.getByTestId(TestId.quickAddDate), { target: { value: '9/3/2027' } });
    await fireEvent.input(line, { target: { value: 'gặp METI' } });
    await fireEvent.submit(screen.getByTestId(TestId.quickAddForm));
    expect(await screen.findByTestId(testIdOf('error', 'quick'))).toHaveTextContent('Viết theo mẫu: 09:30-11:00 Tiêu đề @ Địa điểm');
    expect(line).toHaveAttribute('aria-invalid', 'true');

    await fireEvent.input(line, { target: { value: '9:30-11 Gặp Samsung C&T @ Samsung Tower' } });
    await fireEvent.submit(screen.getByTestId(TestId.quickAddForm));
    await waitFor(() => expect(callsOf(calls, 'quick_add_item')).toHaveLength(2));
    expect(callsOf(calls, 'quick_add_item')[1]).toEqual({
      request: {
        delegation_id: 5,
        line: '9:30-11 Gặp Samsung C&T @ Samsung Tower',
        date: '2027-03-09',
        time_zone: 'Asia/Tokyo',
      },
    });
    await waitFor(() => expect(line).toHaveValue(''));
    expect(screen.queryByTestId(testIdOf('error', 'quick'))).toBeNull();
    expect(callsOf(calls, 'itinerary_view')).toHaveLength(2);
  });

  it('says what a clock change did to a time typed, in the quick-add answer and next to the item', async () => {
    // The core's note for "02:30-03:30" on the night Berlin's clocks go forward (#13.20).
    const note = {
      vi: '02:30 không có trong ngày 28/03/2027 ở Europe/Berlin (đồng hồ chỉnh nhanh lên): bắt đầu lúc 03:30 CEST, giữ nguyên thời lượng 1 giờ',
      en: '02:30 does not exist on 28/03/2027 in Europe/Berlin (clocks go forward): starts at 03:30 CEST, 1 h kept',
    };
    const berlin = itineraryViewOf({
      start: '2027-03-08',
      members,
      conflicts: [],
      items: [
        itemView(31, 'Gặp Siemens', ['2027-03-08T03:30', '2027-03-08T04:30'], ['2027-03-08T08:30', '2027-03-08T09:30'], {
          item: { time_zone: 'Europe/Berlin', entered_start: '2027-03-08T02:30:00', entered_end: '2027-03-08T03:30:00' },
          clock_note: note,
        }),
        itemView(32, 'Ăn trưa', ['2027-03-08T12:00', '2027-03-08T13:00'], ['2027-03-08T17:00', '2027-03-08T18:00']),
      ],
    });
    core({
      itinerary_view: () => berlin,
      quick_add_item: () => ({ item: berlin.days[0].items[0].item, clock_note: note }),
    });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);
    expect(within(item(31)).getByTestId(TestId.itemClockNote)).toHaveTextContent(note.vi);
    expect(within(item(32)).queryByTestId(TestId.itemClockNote)).toBeNull();
    expect(screen.queryByTestId(TestId.quickAddClockNote)).toBeNull();

    await fireEvent.input(screen.getByTestId(TestId.quickAdd), { target: { value: '02:30-03:30 Gặp Siemens' } });
    await fireEvent.submit(screen.getByTestId(TestId.quickAddForm));
    expect(await screen.findByTestId(TestId.quickAddClockNote)).toHaveTextContent(note.vi);

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(TestId.quickAddClockNote)).toHaveTextContent(note.en));
    expect(within(item(31)).getByTestId(TestId.itemClockNote)).toHaveTextContent('1 h kept');
  });

  it('copies an item to another day or the same one, moves it, and deletes it after confirmation', async () => {
    const calls = core({
      duplicate_itinerary_item: () => stored(40),
      move_itinerary_item: () => stored(21),
      delete_record: () => null,
    });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);
    const jetro = within(item(21));

    expect(jetro.getByTestId(TestId.itemMove)).toBeDisabled();
    await fireEvent.click(jetro.getByTestId(TestId.itemDuplicate));
    await waitFor(() => expect(callsOf(calls, 'duplicate_itinerary_item')).toEqual([{ itemId: 21, toDate: null }]));

    await fireEvent.input(within(item(21)).getByTestId(TestId.itemDate), { target: { value: '2027-03-10' } });
    await fireEvent.click(within(item(21)).getByTestId(TestId.itemDuplicate));
    await waitFor(() => expect(callsOf(calls, 'duplicate_itinerary_item')[1]).toEqual({ itemId: 21, toDate: '2027-03-10' }));

    await fireEvent.click(within(item(21)).getByTestId(TestId.itemMove));
    await waitFor(() => expect(callsOf(calls, 'move_itinerary_item')).toEqual([{ itemId: 21, toDate: '2027-03-10' }]));
    await waitFor(() => expect(callsOf(calls, 'itinerary_view')).toHaveLength(4));

    await fireEvent.click(within(item(22)).getByTestId(TestId.itemDelete));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá mục «Thăm Toyota» khỏi lịch trình?');
    await fireEvent.click(screen.getByTestId(TestId.confirmDelete));
    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'itinerary-items', id: 22 }]));
    await waitFor(() => expect(callsOf(calls, 'itinerary_view')).toHaveLength(5));
  });

  it('reads a time typed as 1400 or 14h as 14:00, and refuses one that is no time beside its field', async () => {
    const calls = core({ save_itinerary_item: () => stored(31) });
    render(DelegationDetail, { id: 5, tab: 'itinerary' });
    await screen.findAllByTestId(TestId.itineraryItem);
    await fireEvent.click(screen.getByTestId(TestId.addItem));
    await screen.findByTestId(TestId.itemForm);

    await fireEvent.input(control('title'), { target: { value: 'Gặp JETRO' } });
    await fireEvent.input(control('start_time'), { target: { value: '25h' } });
    await fireEvent.input(control('end_time'), { target: { value: '15.30' } });
    expect(await screen.findByTestId(testIdOf('error', 'start_time-time'))).toHaveTextContent('Giờ không hợp lệ');
    await fireEvent.click(screen.getByTestId(TestId.itemSave));
    expect(await screen.findByTestId(testIdOf('error', 'start_time'))).toHaveTextContent('Giờ không hợp lệ');
    expect(callsOf(calls, 'save_itinerary_item')).toEqual([]);

    await fireEvent.input(control('start_time'), { target: { value: '1400' } });
    expect(screen.queryByTestId(testIdOf('error', 'start_time'))).toBeNull();
    await fireEvent.blur(control('start_time'));
    expect(control('start_time').value).toBe('14:00');
    await fireEvent.click(screen.getByTestId(TestId.itemSave));
    await waitFor(() => expect(callsOf(calls, 'save_itinerary_item')).toHaveLength(1));
    const sent = callsOf(calls, 'save_itinerary_item')[0].entry as ItemEntry;
    expect([sent.start_time, sent.end_time]).toEqual(['14:00:00', '15:30:00']);
  });
});
