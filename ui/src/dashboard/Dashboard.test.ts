import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Dashboard as DashboardData } from '../lib/bindings.gen';
import { fakeCore } from '../test-ipc';
import Dashboard from './Dashboard.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const data: DashboardData = {
  counts: [
    ['delegations', 4],
    ['organizations', 12],
    ['leads', 7],
  ],
  upcoming_delegations: [
    {
      id: 3,
      title: 'Đoàn xúc tiến tại Seoul',
      kind: 'outbound',
      status: 'confirmed',
      destination_country: 'KR',
      destination_city: 'Seoul',
      start_date: '2026-12-01',
      end_date: '2026-12-05',
    },
  ],
  follow_ups: [
    {
      lead_id: 1,
      title: 'Nhà máy bán dẫn tại Hòa Lạc',
      organization_id: 8,
      organization: 'Công ty ABC Semiconductor',
      stage: 'site_visit',
      owner: 'Lê Hà',
      next_action: 'Gửi hồ sơ khu đất',
      due_at: '2026-11-20T02:00:00Z',
      overdue: true,
    },
    {
      lead_id: 2,
      title: 'Trung tâm logistics Gia Lâm',
      organization_id: 9,
      organization: 'XYZ Logistics',
      stage: 'meeting',
      owner: null,
      next_action: null,
      due_at: '2026-12-02T02:00:00Z',
      overdue: false,
    },
  ],
  // More than listed: the core lists the first 12 by due date and counts them all.
  overdue_follow_ups: 1,
  upcoming_follow_ups: 1,
  pipeline: [
    { stage: 'lead', count: 3, expected_capital_usd_minor: 50_000_000_00 },
    { stage: 'mou', count: 1, expected_capital_usd_minor: 120_000_000_00 },
  ],
};

describe('Dashboard', () => {
  it('shows counts, upcoming delegations, overdue follow-ups and the pipeline in USD', async () => {
    fakeCore({ dashboard: () => data });
    render(Dashboard);

    const loaded = await screen.findByTestId(TestId.dashboardLoaded);
    expect(screen.getByTestId(TestId.dashboard)).toContainElement(loaded);
    expect(within(loaded).getByText('12')).toBeInTheDocument();
    expect(within(loaded).getByRole('link', { name: 'Tổ chức' })).toHaveAttribute('href', '#/contacts/organizations');

    const upcoming = screen.getByTestId(TestId.upcomingDelegation);
    expect(within(upcoming).getByRole('link', { name: 'Đoàn xúc tiến tại Seoul' })).toHaveAttribute(
      'href',
      '#/delegations/3',
    );
    expect(upcoming).toHaveTextContent('01/12/2026 – 05/12/2026');
    expect(upcoming).toHaveTextContent('Đã xác nhận');

    const [overdue, due] = screen.getAllByTestId(TestId.followUp);
    expect(overdue).toHaveClass('overdue');
    expect(overdue).toHaveTextContent('Quá hạn');
    expect(due).not.toHaveClass('overdue');
    expect(due).not.toHaveTextContent('Quá hạn');
    // Overdue follow-ups are listed apart from those due in the next 14 days.
    expect(screen.getByTestId(testIdOf('followUps', 'overdue'))).toContainElement(overdue);
    expect(screen.getByTestId(testIdOf('followUps', 'overdue'))).toHaveTextContent('Quá hạn (1)');
    expect(screen.getByTestId(testIdOf('followUps', 'upcoming'))).toContainElement(due);
    expect(screen.getByTestId(testIdOf('followUps', 'upcoming'))).toHaveTextContent('Đến hạn trong 14 ngày tới (1)');
    // A lead opens its own page (#13.18).
    expect(within(overdue).getByRole('link', { name: 'Nhà máy bán dẫn tại Hòa Lạc' })).toHaveAttribute(
      'href',
      '#/pipeline/leads/1',
    );
    expect(screen.getByTestId(TestId.dashboardPipelineLink)).toHaveAttribute('href', '#/pipeline');

    expect(screen.queryByTestId(TestId.followUpsMore)).toBeNull();

    const stages = screen.getAllByTestId(TestId.pipelineStage);
    expect(stages[1]).toHaveTextContent('Đã ký MoU');
    expect(stages[1]).toHaveTextContent(/120\.000\.000\sUSD/);
    expect(screen.getByText(/^170\.000\.000\sUSD$/)).toBeInTheDocument();
  });

  it('heads each part of the follow-ups with the core’s total, and says when only some are listed', async () => {
    fakeCore({ dashboard: () => ({ ...data, overdue_follow_ups: 1_250, upcoming_follow_ups: 40 }) });
    render(Dashboard);
    await screen.findByTestId(TestId.dashboardLoaded);

    const overdue = screen.getByTestId(testIdOf('followUps', 'overdue'));
    expect(overdue).toHaveTextContent('Quá hạn (1.250)');
    expect(within(overdue).getByTestId(TestId.followUpsMore)).toHaveTextContent('Liệt kê 1 việc đến hạn sớm nhất trong 1.250 việc.');
    // …with the way to see them all: the pipeline's table, which sorts by due date first.
    expect(within(overdue).getByTestId(TestId.followUpsAll)).toHaveAttribute('href', '#/pipeline?view=table');
    expect(within(overdue).getByTestId(TestId.followUpsAll)).toHaveTextContent('Xem tất cả theo hạn xử lý');
    const upcoming = screen.getByTestId(testIdOf('followUps', 'upcoming'));
    expect(upcoming).toHaveTextContent('Đến hạn trong 14 ngày tới (40)');
    expect(within(upcoming).getAllByTestId(TestId.followUp)).toHaveLength(1);
  });

  it('shows the core error instead of the figures when the dashboard cannot load', async () => {
    fakeCore({
      dashboard: () => {
        throw { code: 'database', message_vi: 'Lỗi cơ sở dữ liệu: đĩa đầy', message_en: 'database error: disk full', fields: [] };
      },
    });
    render(Dashboard);
    expect(await screen.findByRole('alert')).toHaveTextContent('Lỗi cơ sở dữ liệu: đĩa đầy');
    expect(screen.queryByTestId(TestId.dashboardLoaded)).toBeNull();
  });
});
