import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { fakeCore } from '../test-ipc';
import AboutPage from './AboutPage.svelte';
import { licenceGroupName, licenceGroups, loadLicences } from './licences';

const info: AppInfo = {
  version: '0.1.0',
  build_date: '2026-12-04',
  db_path: '/home/lan/.local/share/delegation-planner/planner.db',
  schema_version: 21,
  demo_seeded_at: null,
  office_fingerprint: 'AB12 CD34 EF56 7890 AB12 CD34 EF56 7890',
};

describe('About', () => {
  it('shows the version, build date, store, schema and office fingerprint', async () => {
    setLanguage('en');
    fakeCore({ app_info: () => info });
    render(AboutPage);
    expect(await screen.findByTestId(TestId.aboutVersion)).toHaveTextContent('0.1.0');
    expect(screen.getByTestId(TestId.aboutBuildDate)).toHaveTextContent('2026-12-04');
    expect(screen.getByTestId(TestId.aboutDbPath)).toHaveTextContent(info.db_path);
    expect(screen.getByTestId(TestId.aboutSchemaVersion)).toHaveTextContent('21');
    expect(screen.getByTestId(TestId.aboutFingerprint)).toHaveTextContent('AB12 CD34');
  });

  it('says where the fingerprint comes from while the office has no key', async () => {
    fakeCore({ app_info: () => ({ ...info, office_fingerprint: null }) });
    render(AboutPage);
    expect(await screen.findByTestId(TestId.aboutFingerprint)).toHaveTextContent('Chưa có: đặt hồ sơ cơ quan trong Cài đặt');
    expect(screen.getByRole('link', { name: 'Mở Cài đặt' })).toHaveAttribute('href', '#/settings');
  });

  it('lists every bundled component by licence, its text on demand', async () => {
    setLanguage('en');
    fakeCore({ app_info: () => info });
    const list = await loadLicences();
    render(AboutPage);
    const groups = await screen.findAllByTestId(TestId.licenceGroup);
    expect(screen.getAllByTestId(TestId.licenceComponent)).toHaveLength(list.components.length);
    expect(groups.length).toBe(licenceGroups(list.components).length);
    expect(screen.getByText(/The app ships \d+ third-party components: \d+ Rust crates, \d+ npm packages and the Noto Sans fonts/)).toBeInTheDocument();

    // The filter opens the groups it leaves: Noto Sans under the OFL, its text on demand.
    await fireEvent.input(screen.getByTestId(TestId.licenceFilter), { target: { value: 'noto' } });
    const [ofl] = screen.getAllByTestId(TestId.licenceGroup);
    expect(ofl).toHaveAttribute('open');
    expect(within(ofl).getByText('OFL-1.1')).toBeInTheDocument();
    const noto = within(ofl).getByTestId(TestId.licenceComponent);
    expect(noto).toHaveTextContent('Noto Sans');
    expect(within(noto).queryByTestId(TestId.licenceText)).toBeNull();
    await fireEvent.click(within(noto).getByTestId(TestId.licenceShow));
    expect(within(noto).getByTestId(TestId.licenceText)).toHaveTextContent('SIL OPEN FONT LICENSE Version 1.1');

    await fireEvent.input(screen.getByTestId(TestId.licenceFilter), { target: { value: 'no such thing' } });
    expect(screen.getByText('No component matches.')).toBeInTheDocument();
  });

  it('groups licences that say the same', () => {
    expect(licenceGroupName('MIT/Apache-2.0')).toBe('Apache-2.0 OR MIT');
    expect(licenceGroupName('Apache-2.0 / MIT')).toBe('Apache-2.0 OR MIT');
    expect(licenceGroupName('MIT OR Apache-2.0')).toBe('Apache-2.0 OR MIT');
    expect(licenceGroupName('(MIT OR Apache-2.0) AND Unicode-3.0')).toBe('(MIT OR Apache-2.0) AND Unicode-3.0');
  });
});
