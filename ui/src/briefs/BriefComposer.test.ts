import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { save } from '@tauri-apps/plugin-dialog';
import type { Audience, BriefRequest, GeneratedBrief, Organization, Stored } from '../lib/bindings.gen';
import {
  callsOf,
  deferred,
  fakeCore,
  invalidPayload,
  listOf,
  storedBrief,
  storedDelegation,
  storedMeta,
  suggestion,
} from '../test-ipc';
import BriefsPage from './BriefsPage.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const saveDialog = vi.mocked(save);

const organization: Stored<Organization> = {
  ...storedMeta(4),
  kind: 'investor',
  name_vi: 'Tập đoàn Điện tử Hanshin',
  name_en: 'Hanshin Electronics',
  country: 'JP',
  city: 'Osaka',
  sectors: ['electronics'],
  size: 'large',
  website: null,
  notes: null,
};
const records = {
  delegations: [storedDelegation(1), storedDelegation(2, { title: 'Đoàn Hàn Quốc', destination_country: 'KR' })],
  organizations: [organization, { ...organization, ...storedMeta(5), name_vi: 'Công ty Logistics Busan', name_en: null, country: 'KR' }],
  briefs: [storedBrief(7)],
};

// Suggestions per audience: Hoa Lac and Bac Thang Long match the delegation; the logistics sector
// gets the logistics centre.
function suggestionsFor(audience: Audience) {
  if (audience.kind === 'sector') {
    return [suggestion(9, 'Trung tâm logistics Phú Thị', { suggested: true, score: 1 }), suggestion(1, 'Khu CNC Hòa Lạc')];
  }
  return [
    suggestion(1, 'Khu CNC Hòa Lạc', { suggested: true, score: 2, kind: 'hitech_zone' }),
    suggestion(3, 'KCN Bắc Thăng Long', { suggested: true, score: 1 }),
    suggestion(9, 'Trung tâm logistics Phú Thị'),
  ];
}

const generated: GeneratedBrief = {
  brief_id: 8,
  path: '/home/lan/Tài liệu/ban-tin-doan-1-vi.pdf',
  bytes: 48_640,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  version: 2,
};

function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    list_records: listOf(records),
    brief_suggestions: (args) => suggestionsFor(args.audience as Audience),
    brief_generate: () => generated,
    brief_open: () => null,
    ...extra,
  });
}

function control(container: HTMLElement, selector: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

const checkedIds = () =>
  (screen.getAllByTestId(TestId.briefOpportunity) as HTMLInputElement[]).filter((c) => c.checked).map((c) => c.value);

async function chooseDelegation(container: HTMLElement, id: string) {
  await screen.findByRole('option', { name: /Đoàn Hàn Quốc/ });
  await fireEvent.change(control(container, '[name="delegation_id"]'), { target: { value: id } });
  await screen.findAllByTestId(TestId.briefOpportunity);
}

beforeEach(() => saveDialog.mockReset());

describe('BriefComposer', () => {
  it('fetches suggestions again whenever the audience changes and ticks the suggested ones', async () => {
    const calls = core();
    const { container } = render(BriefsPage);
    expect(await screen.findByTestId(TestId.briefComposer)).toHaveTextContent('Chọn đối tượng để xem các cơ hội phù hợp.');

    await chooseDelegation(container, '1');
    expect(callsOf(calls, 'brief_suggestions')).toEqual([{ audience: { kind: 'delegation', id: 1 } }]);
    expect(checkedIds()).toEqual(['1', '3']);

    await fireEvent.click(control(container, '[name="audience_kind"][value="sector"]'));
    await fireEvent.change(control(container, '[name="sector"]'), { target: { value: 'logistics' } });
    await waitFor(() => expect(checkedIds()).toEqual(['9']));
    expect(screen.getAllByTestId(TestId.briefOpportunity).map((c) => (c as HTMLInputElement).value)).toEqual(['9', '1']);

    await fireEvent.input(control(container, '[name="country"]'), { target: { value: 'jp' } });
    await waitFor(() =>
      expect(callsOf(calls, 'brief_suggestions').at(-1)).toEqual({
        audience: { kind: 'sector', sector: 'logistics', country: 'JP' },
      }),
    );
  });

  it('finds an organisation with the filter box and asks for its suggestions', async () => {
    const calls = core();
    const { container } = render(BriefsPage);
    await fireEvent.click(control(container, '[name="audience_kind"][value="organization"]'));
    await screen.findByRole('option', { name: /Hanshin/ });

    await fireEvent.input(control(container, '[name="organization_filter"]'), { target: { value: 'busan' } });
    const select = control(container, '[name="organization_id"]');
    expect(within(select).queryByRole('option', { name: /Hanshin/ })).toBeNull();
    await fireEvent.change(select, { target: { value: '5' } });

    await waitFor(() =>
      expect(callsOf(calls, 'brief_suggestions')).toEqual([{ audience: { kind: 'organization', id: 5 } }]),
    );
  });

  it('sends the request the officer composed and shows the saved file', async () => {
    const calls = core();
    const { container } = render(BriefsPage);
    await chooseDelegation(container, '1');

    const boxes = screen.getAllByTestId(TestId.briefOpportunity);
    await fireEvent.click(boxes[2]); // tick Phu Thi
    await fireEvent.click(boxes[0]); // untick Hoa Lac
    await fireEvent.change(control(container, '[name="language"]'), { target: { value: 'bi' } });
    await fireEvent.change(control(container, '[name="layout"]'), { target: { value: 'sequential' } });
    await fireEvent.change(control(container, '[name="paper"]'), { target: { value: 'letter' } });
    await fireEvent.click(control(container, '[name="sections"][value="how_to_invest"]'));
    await fireEvent.click(control(container, '[name="no_personal_data"]'));
    await fireEvent.click(screen.getByTestId(TestId.briefSaveDefault));

    await waitFor(() => expect(callsOf(calls, 'brief_generate')).toHaveLength(1));
    const request: BriefRequest = {
      audience: { kind: 'delegation', id: 1 },
      language: 'bi',
      layout: 'sequential',
      paper: 'letter',
      opportunity_ids: [3, 9],
      sections: ['cover', 'summary', 'at_a_glance', 'opportunity_table', 'opportunity_pages', 'incentives', 'contacts'],
      include_personal_data: false,
    };
    expect(callsOf(calls, 'brief_generate')[0]).toEqual({ request, path: null });

    const result = await screen.findByTestId(TestId.briefResult);
    expect(screen.getByTestId(TestId.briefPath)).toHaveTextContent('/home/lan/Tài liệu/ban-tin-doan-1-vi.pdf');
    expect(result).toHaveTextContent('47,5 KB');
    expect(result).toHaveTextContent('9f86d081884c');
    expect(result).not.toHaveTextContent('9f86d081884c7');
    // The history is read again so that the new brief appears in it.
    await waitFor(() =>
      expect(callsOf(calls, 'list_records').filter((a) => a.kind === 'briefs')).toHaveLength(2),
    );

    await fireEvent.click(screen.getByTestId(TestId.briefOpen));
    await waitFor(() => expect(callsOf(calls, 'brief_open')).toEqual([{ briefId: 8 }]));
  });

  it('save as: asks for a PDF path in the save dialog, then generates there', async () => {
    saveDialog.mockResolvedValue('/home/lan/Desktop/hoa-lac.pdf');
    const calls = core();
    const { container } = render(BriefsPage);
    await chooseDelegation(container, '2');
    await fireEvent.click(screen.getByTestId(TestId.briefSaveAs));

    await waitFor(() => expect(callsOf(calls, 'brief_generate')).toHaveLength(1));
    expect(saveDialog).toHaveBeenCalledWith({
      defaultPath: 'ban-tin-doan-2-vi.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    const args = callsOf(calls, 'brief_generate')[0] as { request: BriefRequest; path: string };
    expect(args.path).toBe('/home/lan/Desktop/hoa-lac.pdf');
    expect(args.request.opportunity_ids).toEqual([1, 3]);
    expect(args.request.include_personal_data).toBe(true);
  });

  it('save as: a cancelled dialog generates nothing', async () => {
    saveDialog.mockResolvedValue(null);
    const calls = core();
    const { container } = render(BriefsPage);
    await chooseDelegation(container, '1');
    await fireEvent.click(screen.getByTestId(TestId.briefSaveAs));

    await waitFor(() => expect(saveDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId(TestId.briefBusy)).toBeNull());
    expect(callsOf(calls, 'brief_generate')).toHaveLength(0);
    expect(screen.queryByTestId(TestId.briefResult)).toBeNull();
  });

  it('shows progress while the PDF is generated, with the buttons disabled', async () => {
    const pending = deferred<GeneratedBrief>();
    core({ brief_generate: () => pending.promise });
    const { container } = render(BriefsPage);
    await chooseDelegation(container, '1');
    await fireEvent.click(screen.getByTestId(TestId.briefSaveDefault));

    expect(await screen.findByTestId(TestId.briefBusy)).toHaveTextContent('Đang tạo tệp PDF…');
    expect(screen.getByTestId(TestId.briefSaveDefault)).toBeDisabled();
    expect(screen.getByTestId(TestId.briefSaveDefault)).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByTestId(TestId.briefSaveAs)).toBeDisabled();

    pending.resolve(generated);
    expect(await screen.findByTestId(TestId.briefResult)).toBeInTheDocument();
    expect(screen.queryByTestId(TestId.briefBusy)).toBeNull();
    expect(screen.getByTestId(TestId.briefSaveDefault)).toBeEnabled();
  });

  it('names the missing audience without calling the core, and shows core errors by field', async () => {
    const calls = core({
      brief_generate: () => {
        throw invalidPayload([
          { field: 'path', code: 'bad_output_path', message_vi: 'Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng .pdf', message_en: 'The file must be a full path ending in .pdf' },
        ]);
      },
      brief_preview: () => {
        throw { code: 'not_found', message_vi: 'Không tìm thấy đoàn #1', message_en: 'No delegation #1', fields: [] };
      },
    });
    const { container } = render(BriefsPage);
    await fireEvent.click(await screen.findByTestId(TestId.briefPreview));
    expect(await screen.findByTestId(testIdOf('error', 'delegation_id'))).toHaveTextContent('Trường này là bắt buộc');
    expect(callsOf(calls, 'brief_preview')).toHaveLength(0);

    await chooseDelegation(container, '1');
    await fireEvent.click(screen.getByTestId(TestId.briefSaveDefault));
    expect(await screen.findByTestId(testIdOf('error', 'path'))).toHaveTextContent('Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng .pdf');
    expect(screen.queryByTestId(testIdOf('error', 'delegation_id'))).toBeNull();

    await fireEvent.click(screen.getByTestId(TestId.briefPreview));
    expect(await screen.findByTestId(TestId.formError)).toHaveTextContent('Không tìm thấy đoàn #1');
  });

  it('shows the bilingual layout only for a bilingual brief', async () => {
    core();
    const { container } = render(BriefsPage);
    await screen.findByTestId(TestId.briefComposer);
    expect(container.querySelector('[name="layout"]')).toBeNull();
    await fireEvent.change(control(container, '[name="language"]'), { target: { value: 'bi' } });
    expect(control(container, '[name="layout"]').value).toBe('side_by_side');
    await fireEvent.change(control(container, '[name="language"]'), { target: { value: 'en' } });
    expect(container.querySelector('[name="layout"]')).toBeNull();
  });
});
