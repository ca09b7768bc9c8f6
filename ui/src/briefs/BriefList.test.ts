import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Brief, ListQuery, Stored } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { callsOf, fakeCore, listOf, storedMeta } from '../test-ipc';
import BriefList from './BriefList.svelte';

const brief: Stored<Brief> = {
  ...storedMeta(2),
  title: 'Hồ sơ giới thiệu đầu tư Hòa Lạc cho đoàn Nhật Bản',
  language: 'bi',
  audience_kind: 'delegation',
  delegation_id: 1,
  organization_id: null,
  sector: null,
  country: null,
  opportunity_ids: [1],
  sections: ['overview', 'incentives'],
  include_personal_data: false,
  version: 3,
  file_name: 'brief-hoa-lac-v3.pdf',
  file_sha256: null,
  generated_at: '2026-11-20T02:15:00Z',
  notes: null,
};

describe('BriefList', () => {
  it('lists briefs, newest first, with their language, audience and version', async () => {
    const calls = fakeCore({ list_records: listOf({ briefs: [brief] }) });
    render(BriefList);

    const row = await screen.findByTestId('brief-row');
    expect(within(row).getByRole('link')).toHaveAttribute('href', '#/briefs/2');
    expect(row).toHaveTextContent('Song ngữ Việt – Anh');
    expect(row).toHaveTextContent('Một đoàn');
    expect(row).toHaveTextContent('20/11/2026');
    const query = callsOf(calls, 'list_records')[0].query as ListQuery;
    expect(query).toMatchObject({ sort: 'updated_at', descending: true });

    setLanguage('en');
    expect(await within(row).findByText('Bilingual (Vietnamese and English)')).toBeInTheDocument();
    expect(row).toHaveTextContent('20 Nov 2026');
  });
});
