import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { TestId, testIdOf } from '../lib/test-ids';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';
import { officeViewOf } from '../test-exchange';
import OfficeProfileSettings from './OfficeProfileSettings.svelte';
import { setLanguage } from '../lib/i18n/index.svelte';

describe('OfficeProfileSettings', () => {
  it('shows the profile, the key fingerprint in groups and where the private key is', async () => {
    fakeCore({ office_view: () => officeViewOf() });
    render(OfficeProfileSettings);
    await waitFor(() => expect(screen.getByTestId(testIdOf('profile', 'code'))).toHaveValue('ITPC-HN'));
    expect(screen.getByTestId(TestId.officeFingerprint)).toHaveTextContent('0C1D 2E3F 4A5B 6C7D 8E9F A0B1 C2D3 E4F5');
    expect(screen.getByTestId(TestId.officeKeyPath)).toHaveTextContent('/home/lan/.local/share/delegation-planner/planner.db.office-key');
  });

  it('says in words that a team store keeps the key in its database, for managers only', async () => {
    fakeCore({ office_view: () => ({ ...officeViewOf(), key_place: { kind: 'team_database' } }) });
    render(OfficeProfileSettings);
    const place = await screen.findByTestId(TestId.officeKeyPath);
    expect(place).toHaveTextContent('Lưu trong cơ sở dữ liệu chung của nhóm');
    expect(screen.getByText(/Chỉ người quản lý đọc được khoá này/)).toBeInTheDocument();
    expect(screen.queryByText(/office_private_key/)).toBeNull();
    setLanguage('en');
    await waitFor(() => expect(place).toHaveTextContent('Kept in the team database'));
    expect(screen.getByText(/Only managers can read this key/)).toBeInTheDocument();
  });

  it('saves a new profile (empty optional fields as none) and shows the core refusals beside their fields', async () => {
    let refuse = true;
    const calls = fakeCore({
      office_view: () => officeViewOf(null),
      save_office: ({ profile }) => {
        if (refuse) {
          refuse = false;
          throw invalidPayload([
            { field: 'code', code: 'invalid_code', message_vi: 'Mã chỉ gồm chữ in hoa, chữ số và dấu gạch ngang', message_en: 'Capitals, digits and dashes only' },
          ]);
        }
        return officeViewOf(profile);
      },
    });
    render(OfficeProfileSettings);
    expect(await screen.findByText('Khoá được tạo khi bạn lưu hồ sơ cơ quan lần đầu.')).toBeInTheDocument();
    await fireEvent.input(screen.getByTestId(testIdOf('profile', 'name_vi')), { target: { value: 'Trung tâm Xúc tiến Hà Nội' } });
    await fireEvent.input(screen.getByTestId(testIdOf('profile', 'name_en')), { target: { value: 'Hanoi Promotion Centre' } });
    await fireEvent.input(screen.getByTestId(testIdOf('profile', 'code')), { target: { value: 'itpc hn' } });
    await fireEvent.click(screen.getByTestId(TestId.officeProfileSave));
    expect(await screen.findByText('Mã chỉ gồm chữ in hoa, chữ số và dấu gạch ngang')).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId(testIdOf('profile', 'code')), { target: { value: 'ITPC-HN' } });
    expect(screen.queryByText('Mã chỉ gồm chữ in hoa, chữ số và dấu gạch ngang')).toBeNull();
    await fireEvent.click(screen.getByTestId(TestId.officeProfileSave));
    expect(await screen.findByTestId(TestId.officeProfileSaved)).toHaveTextContent('Đã lưu hồ sơ cơ quan.');
    expect(callsOf(calls, 'save_office')[1]).toEqual({
      profile: { name_vi: 'Trung tâm Xúc tiến Hà Nội', name_en: 'Hanoi Promotion Centre', code: 'ITPC-HN', city: null, country: null, email: null },
    });
  });
});
