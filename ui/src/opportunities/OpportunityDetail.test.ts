import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Opportunity, Stored } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, storedMeta } from '../test-ipc';
import OpportunityDetail from './OpportunityDetail.svelte';
import { TestId } from '../lib/test-ids';

const hoaLac: Stored<Opportunity> = {
  ...storedMeta(1),
  kind: 'hitech_zone',
  name_vi: 'Khu Công nghệ cao Hòa Lạc',
  name_en: 'Hoa Lac Hi-Tech Park',
  summary_vi: null,
  summary_en: null,
  location: 'Thạch Thất, Hà Nội',
  area_ha: 1586,
  sectors: ['R&D', 'phần mềm'],
  status: 'open',
  land_rent_min_minor: 10500,
  land_rent_max_minor: 12000,
  land_rent_currency: 'USD',
  land_rent_unit: 'm² (50 năm)',
  incentives_vi: 'Thuế TNDN 10% trong 15 năm',
  incentives_en: '10% corporate income tax for 15 years',
  infrastructure: null,
  contact: null,
  key_figures: [
    {
      label_vi: 'Vốn đăng ký',
      label_en: 'Registered capital',
      value: 'VND 115.5 trillion',
      source: 'Ban quản lý Khu CNC Hòa Lạc',
      source_date: '2024-05-31',
    },
  ],
  source: 'Ban quản lý Khu CNC Hòa Lạc',
  source_date: '2024-05-31',
  notes: null,
};

describe('OpportunityDetail', () => {
  it('shows names, land rent and key figures with their source and date, in the chosen language', async () => {
    fakeCore({ get_record: () => hoaLac, record_audit: () => [], opportunity_images: () => [] });
    render(OpportunityDetail, { id: 1 });

    expect(await screen.findByTestId(TestId.detailTitle)).toHaveTextContent('Khu Công nghệ cao Hòa Lạc');
    expect(screen.getByTestId(TestId.opportunityDetail)).toHaveTextContent('Hoa Lac Hi-Tech Park');
    expect(screen.getByText('105–120 USD/m² (50 năm)')).toBeInTheDocument();
    const figure = screen.getByTestId(TestId.keyFigure);
    expect(within(figure).getByText('Vốn đăng ký')).toBeInTheDocument();
    expect(figure).toHaveTextContent('Ban quản lý Khu CNC Hòa Lạc');
    expect(figure).toHaveTextContent('31/05/2024');
    expect(screen.getByText('Mang tính tham khảo, cần xác nhận với ban quản lý.')).toBeInTheDocument();

    setLanguage('en');
    expect(await screen.findByText('Registered capital')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.detailTitle)).toHaveTextContent('Hoa Lac Hi-Tech Park');
    expect(screen.getByText('10% corporate income tax for 15 years')).toBeInTheDocument();
    expect(figure).toHaveTextContent('31 May 2024');
  });

  it('deletes the opportunity after confirmation, then goes back to the list', async () => {
    const calls = fakeCore({
      get_record: () => hoaLac,
      record_audit: () => [],
      opportunity_images: () => [],
      delete_record: () => null,
    });
    render(OpportunityDetail, { id: 1 });
    expect(await screen.findByTestId(TestId.edit)).toHaveAttribute('href', '#/opportunities/1/edit');

    await fireEvent.click(screen.getByTestId(TestId.delete));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá cơ hội đầu tư «Khu Công nghệ cao Hòa Lạc»?');
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId(TestId.confirmDelete));

    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'opportunities', id: 1, revision: 1 }]));
    await waitFor(() => expect(router.path).toBe('/opportunities'));
  });
});
