// Settings: add a sector with its two names (the core's refusals beside them), and review the
// sectors made from free text.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { addedSector, callsOf, fakeCore, invalidPayload, sectorsWith } from '../test-ipc';
import { sectorLabel } from '../lib/sectors.svelte';
import SectorSettings from './SectorSettings.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

describe('SectorSettings', () => {
  it('adds a sector, shows the refusal next to its name, and lists sectors from free text', async () => {
    let list = sectorsWith(addedSector('ban_dan_cu', 'bán dẫn cũ', 'bán dẫn cũ', true));
    const calls = fakeCore({
      list_sectors: () => list,
      add_sector: (args) => {
        if (!args.nameEn.trim())
          throw invalidPayload([{ field: 'name_en', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' }]);
        const sector = addedSector('fintech', args.nameVi, args.nameEn);
        list = [...list, sector];
        return sector;
      },
    });
    render(SectorSettings);
    expect(await screen.findByTestId(TestId.sectorsFromFreeText)).toHaveTextContent('bán dẫn cũ');
    expect(screen.getByTestId(TestId.sectorNameVi)).toHaveAttribute('aria-required', 'true');

    await fireEvent.input(screen.getByTestId(TestId.sectorNameVi), { target: { value: 'Công nghệ tài chính' } });
    await fireEvent.submit(screen.getByTestId(TestId.addSector));
    expect(await screen.findByTestId(testIdOf('error', 'name_en'))).toHaveTextContent('Trường này là bắt buộc');

    await fireEvent.input(screen.getByTestId(TestId.sectorNameEn), { target: { value: 'Fintech' } });
    expect(screen.queryByTestId(testIdOf('error', 'name_en'))).toBeNull();
    await fireEvent.submit(screen.getByTestId(TestId.addSector));
    expect(await screen.findByTestId(TestId.sectorAdded)).toHaveTextContent('Công nghệ tài chính');
    expect(callsOf(calls, 'add_sector').at(-1)).toEqual({ nameVi: 'Công nghệ tài chính', nameEn: 'Fintech' });
    await waitFor(() => expect(screen.getByTestId(TestId.sectorList)).toHaveTextContent('Công nghệ tài chính'));
    expect(sectorLabel('fintech')).toBe('Công nghệ tài chính');
    expect(screen.getByTestId(TestId.sectorNameVi)).toHaveValue('');
  });
});
