// The delegations, meetings and briefs an organisation's and a person's page show from
// `linked_records`: links to the delegation, to the item in its itinerary and to the brief,
// why each delegation is linked, local and Hanoi times, totals beyond the core's cap, and the
// empty states.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../lib/i18n/index.svelte';
import {
  callsOf,
  fakeCore,
  linkedBrief,
  linkedDelegation,
  linkedMeeting,
  linkedOf,
  listOf,
  storedContact,
  storedOrganization,
} from '../test-ipc';
import OrganizationDetail from './OrganizationDetail.svelte';
import PersonDetail from './PersonDetail.svelte';
import { TestId } from '../lib/test-ids';

const JAPAN = 'Đoàn xúc tiến đầu tư Hà Nội tại Nhật Bản 2027';

const linked = {
  delegations: [
    linkedDelegation(5, JAPAN, { reasons: ['member', 'meeting'], roles: ['head', 'interpreter'] }),
    linkedDelegation(3, 'Đoàn Singapore', {
      status: 'proposed',
      start_date: null,
      end_date: null,
      destination_country: 'SG',
      destination_city: null,
      reasons: ['meeting'],
      roles: [],
    }),
  ],
  meetings: [
    linkedMeeting(77, 'Làm việc với Hoshino', { delegation_title: JAPAN, venue: 'Tokyo Midtown' }),
    linkedMeeting(91, 'Khảo sát kho Tuas', {
      delegation_id: 3,
      delegation_title: 'Đoàn Singapore',
      kind: 'site_visit',
      starts_at: '2027-02-26T06:30:00Z',
      time_zone: 'Asia/Singapore',
    }),
  ],
  briefs: [
    linkedBrief(11, 'Bản tin cho đoàn Nhật Bản', {
      audience_kind: 'delegation',
      delegation_id: 5,
      delegation_title: JAPAN,
      via_delegation: true,
      language: 'en',
      version: 2,
    }),
    linkedBrief(9, 'Bản tin Hoshino'),
  ],
};

function organizationCore(answer = linkedOf(linked)) {
  return fakeCore({
    get_record: () => storedOrganization(8, 'Công ty Hoshino Semiconductor Materials'),
    list_records: listOf({}),
    record_audit: () => [],
    linked_records: answer,
  });
}

function personCore(answer = linkedOf(linked)) {
  return fakeCore({
    get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
    get_record: () => storedContact(7, 'Naoki Ishikawa'),
    list_records: listOf({}),
    record_audit: () => [],
    linked_records: answer,
  });
}

const link = (row: HTMLElement, name: string) => within(row).getByRole('link', { name });

describe('organisation page: linked delegations, meetings and briefs', () => {
  it('lists each with a link to its page and says why a delegation is linked', async () => {
    const calls = organizationCore();
    render(OrganizationDetail, { id: 8 });

    const delegations = await screen.findAllByTestId(TestId.linkedDelegation);
    expect(callsOf(calls, 'linked_records')).toEqual([{ kind: 'organizations', id: 8 }]);
    expect(delegations).toHaveLength(2);
    expect(link(delegations[0], JAPAN)).toHaveAttribute('href', '#/delegations/5');
    expect(delegations[0]).toHaveTextContent('Đã phê duyệt');
    expect(delegations[0]).toHaveTextContent('06/01/2027 – 11/01/2027');
    expect(delegations[0]).toHaveTextContent('Tokyo, JP');
    expect(delegations[0]).toHaveTextContent('Có người của tổ chức trong đoàn (Trưởng đoàn, Phiên dịch)');
    expect(delegations[0]).toHaveTextContent('Có cuộc gặp với tổ chức hoặc người của tổ chức');
    expect(link(delegations[1], 'Đoàn Singapore')).toHaveAttribute('href', '#/delegations/3');
    expect(delegations[1]).toHaveTextContent('Đề xuất');
    expect(delegations[1]).not.toHaveTextContent('Có người của tổ chức');

    const meetings = screen.getAllByTestId(TestId.linkedMeeting);
    expect(meetings).toHaveLength(2);
    expect(link(meetings[0], 'Làm việc với Hoshino')).toHaveAttribute('href', '#/delegations/5/itinerary?item=77');
    expect(link(meetings[0], JAPAN)).toHaveAttribute('href', '#/delegations/5');
    // 05:00 UTC: 14:00 in Tokyo, 12:00 in Hanoi.
    expect(meetings[0]).toHaveTextContent('14:00 07/01/2027');
    expect(meetings[0]).toHaveTextContent('Asia/Tokyo');
    expect(meetings[0]).toHaveTextContent('12:00 07/01/2027');
    expect(meetings[0]).toHaveTextContent('Tokyo Midtown');
    expect(meetings[0]).toHaveTextContent('Gặp gỡ');
    expect(link(meetings[1], 'Khảo sát kho Tuas')).toHaveAttribute('href', '#/delegations/3/itinerary?item=91');
    expect(meetings[1]).toHaveTextContent('14:30 26/02/2027');
    expect(meetings[1]).toHaveTextContent('13:30 26/02/2027');
    expect(meetings[1]).toHaveTextContent('Khảo sát thực địa');

    const briefs = screen.getAllByTestId(TestId.linkedBrief);
    expect(briefs).toHaveLength(2);
    expect(link(briefs[0], 'Bản tin cho đoàn Nhật Bản')).toHaveAttribute('href', '#/briefs/11');
    expect(briefs[0]).toHaveTextContent(`Đoàn: ${JAPAN}`);
    expect(briefs[0]).toHaveTextContent('Tiếng Anh');
    expect(link(briefs[1], 'Bản tin Hoshino')).toHaveAttribute('href', '#/briefs/9');
    expect(briefs[1]).toHaveTextContent('Tổ chức này');
    expect(briefs[1]).toHaveTextContent('Tiếng Việt');
    expect(screen.queryByTestId(TestId.linkedEmpty)).toBeNull();

    setLanguage('en');
    await waitFor(() => expect(screen.getAllByTestId(TestId.linkedDelegation)[0]).toHaveTextContent('Its people are members (Head of delegation, Interpreter)'));
    expect(screen.getByTestId(TestId.linkedMeetings)).toHaveTextContent('7 Jan 2027, 14:00');
    expect(screen.getAllByTestId(TestId.linkedBrief)[1]).toHaveTextContent('This organisation');
  });

  it('says when nothing is linked, and when the core listed only the newest', async () => {
    organizationCore(linkedOf());
    render(OrganizationDetail, { id: 8 });
    const empty = await screen.findAllByTestId(TestId.linkedEmpty);
    expect(empty.map((e) => e.textContent)).toEqual([
      'Chưa gắn với đoàn nào.',
      'Chưa có cuộc gặp nào trong lịch trình các đoàn.',
      'Chưa có bản tin nào.',
    ]);
    expect(screen.queryByTestId(TestId.linkedDelegation)).toBeNull();
    expect(screen.queryByTestId(TestId.linkedMeeting)).toBeNull();
    expect(screen.queryByTestId(TestId.linkedBrief)).toBeNull();
  });

  it('shows how many there are in all when the core capped a list', async () => {
    organizationCore(linkedOf({ meetings: [linkedMeeting(77, 'Làm việc với Hoshino')], meetings_total: 250 }));
    render(OrganizationDetail, { id: 8 });
    const meetings = await screen.findByTestId(TestId.linkedMeetings);
    expect(within(meetings).getAllByTestId(TestId.linkedMeeting)).toHaveLength(1);
    expect(meetings).toHaveTextContent('Hiển thị 1 mục mới nhất trên 250.');
    expect(screen.getByTestId(TestId.linkedDelegations)).not.toHaveTextContent('Hiển thị');
  });
});

describe('person page: linked delegations, meetings and briefs', () => {
  it('asks about the person and says they are a member (with their role) or attend a meeting', async () => {
    const calls = personCore(
      linkedOf({
        delegations: [
          linkedDelegation(2, 'Đoàn Hoshino khảo sát Hòa Lạc', { roles: ['head'] }),
          linkedDelegation(5, JAPAN, { reasons: ['meeting'], roles: [] }),
        ],
        meetings: [linkedMeeting(77, 'Làm việc với Hoshino', { delegation_title: JAPAN })],
        briefs: [
          linkedBrief(12, 'Bản tin Hòa Lạc', {
            audience_kind: 'delegation',
            delegation_id: 2,
            delegation_title: 'Đoàn Hoshino khảo sát Hòa Lạc',
            via_delegation: true,
          }),
        ],
      }),
    );
    render(PersonDetail, { id: 7 });

    const delegations = await screen.findAllByTestId(TestId.linkedDelegation);
    expect(callsOf(calls, 'linked_records')).toEqual([{ kind: 'contacts', id: 7 }]);
    expect(link(delegations[0], 'Đoàn Hoshino khảo sát Hòa Lạc')).toHaveAttribute('href', '#/delegations/2');
    expect(delegations[0]).toHaveTextContent('Thành viên đoàn (Trưởng đoàn)');
    expect(delegations[1]).toHaveTextContent('Dự cuộc gặp của đoàn');
    expect(delegations[1]).not.toHaveTextContent('Thành viên đoàn');

    const meeting = screen.getByTestId(TestId.linkedMeeting);
    expect(link(meeting, 'Làm việc với Hoshino')).toHaveAttribute('href', '#/delegations/5/itinerary?item=77');
    expect(meeting).toHaveTextContent('14:00 07/01/2027');

    const brief = screen.getByTestId(TestId.linkedBrief);
    expect(link(brief, 'Bản tin Hòa Lạc')).toHaveAttribute('href', '#/briefs/12');
    expect(brief).toHaveTextContent('Đoàn: Đoàn Hoshino khảo sát Hòa Lạc');
  });

  it('shows the empty states', async () => {
    personCore(linkedOf());
    render(PersonDetail, { id: 7 });
    expect(await screen.findAllByTestId(TestId.linkedEmpty)).toHaveLength(3);
    expect(screen.getByTestId(TestId.linkedBriefs)).toHaveTextContent('Chưa có bản tin nào.');
  });

  it('shows the core’s error where the lists would be', async () => {
    personCore(() => {
      throw { code: 'not_found', message_vi: 'Không tìm thấy người liên hệ 7', message_en: 'contact 7 not found', fields: [] };
    });
    render(PersonDetail, { id: 7 });
    expect(await screen.findByText('Không tìm thấy người liên hệ 7')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.detailTitle)).toHaveTextContent('Naoki Ishikawa');
    expect(screen.queryByTestId(TestId.linkedDelegations)).toBeNull();
  });
});
