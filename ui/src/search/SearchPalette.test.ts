import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import Sidebar from '../Sidebar.svelte';
import { searchAnswer, searchOf } from '../fixtures/core-answers';
import { callsOf, deferred, fakeCore, searchHit } from '../test-ipc';
import { palette } from './palette.svelte';
import SearchPalette from './SearchPalette.svelte';
import { TestId } from '../lib/test-ids';

// The core's answers over a fixed store (crates/core/tests/core/fixtures.rs): organisations 1
// «Công ty TNHH Hà Nội Semicon», 2 «Tập đoàn Hanwha» and 3 «Công ty Bán dẫn Seoul»; person 1
// «Trần Thị Hà»; lead 1 «Nhà máy pin tại Hà Nam» of organisation 3; delegation 1 to Seoul with
// item 2 «Gặp Hanwha Solutions»; interaction 2, a call with person 1, and 1, a note tied to nothing.

async function openWithShortcut(options: KeyboardEventInit = { ctrlKey: true }) {
  await fireEvent.keyDown(document.body, { key: 'k', ...options });
  return screen.findByTestId(TestId.searchInput);
}

async function typeQuery(text: string) {
  const input = screen.getByTestId(TestId.searchInput);
  await fireEvent.input(input, { target: { value: text } });
  return input;
}

/** A core whose searches are answered only when the test says: `reply(query)` answers the
 * latest request for `query` with the core's answer. */
function heldSearches() {
  const replies: Record<string, ReturnType<typeof deferred<SearchResults>>> = {};
  const calls = fakeCore({
    search: (args) => (replies[String(args.query)] = deferred<SearchResults>()).promise,
  });
  const reply = (query: string) => replies[query].resolve(searchAnswer(query));
  return { calls, reply };
}

describe('Search palette', () => {
  it('opens with Ctrl+K or Cmd+K, focused, with an empty state; Esc closes it', async () => {
    fakeCore({ search: searchOf() });
    render(SearchPalette);
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();

    const input = await openWithShortcut();
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.getByRole('dialog')).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByTestId(TestId.searchEmpty)).toHaveTextContent('Gõ vài chữ');

    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();
    expect(palette.open).toBe(false);

    await openWithShortcut({ metaKey: true });
    expect(screen.getByTestId(TestId.searchPalette)).toBeInTheDocument();
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Escape' });
  });

  it('opens from the sidebar’s search button', async () => {
    fakeCore({ search: searchOf() });
    render(Sidebar, { current: null });
    render(SearchPalette);
    await fireEvent.click(screen.getByTestId(TestId.navSearch));
    expect(await screen.findByTestId(TestId.searchInput)).toBeInTheDocument();
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Escape' });
  });

  it('shows hits grouped by kind with the kind and its total, the typed words marked without accents', async () => {
    const calls = fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('ha noi');

    const groups = await screen.findAllByTestId(TestId.searchGroup);
    expect(callsOf(calls, 'search').at(-1)).toEqual({ query: 'ha noi', perKind: 5 });
    expect(groups.map((g) => g.dataset.kind)).toEqual(['organizations']);
    expect(within(groups[0]).getByText('Tổ chức')).toBeInTheDocument();
    expect(within(groups[0]).getByTestId(TestId.searchGroupTotal)).toHaveTextContent('1 kết quả');

    const hit = screen.getByTestId(TestId.searchHit);
    const label = within(hit).getByTestId(TestId.searchHitLabel);
    expect(label).toHaveTextContent('Công ty TNHH Hà Nội Semicon');
    expect([...label.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Hà', 'Nội']);
    // The marks are plain text nodes in <mark>: nothing else was built from the text.
    expect(label.querySelectorAll('*')).toHaveLength(2);
    const detail = within(hit).getByTestId(TestId.searchHitDetail);
    expect([...detail.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Ha', 'Hà', 'Nội']);
  });

  it('shows a capped count as "1.000+" (the core stops counting there)', async () => {
    fakeCore({
      search: (args) => ({
        query: args.query,
        groups: [{ kind: 'contacts', hits: [searchHit('contacts', 1, 'Nguyễn Văn An')], total: 1000, more: true }],
      }),
    });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('nguyen');
    expect(await screen.findByTestId(TestId.searchGroupTotal)).toHaveTextContent('1 trên 1.000+ kết quả');
  });

  it('names stage and kind codes and writes dates the officer’s way in detail lines', async () => {
    fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('han');

    const groups = await screen.findAllByTestId(TestId.searchGroup);
    expect(groups.map((g) => g.dataset.kind)).toEqual([
      'organizations',
      'delegations',
      'itinerary-items',
      'interactions',
    ]);
    const interaction = within(groups[3]).getByTestId(TestId.searchHit);
    expect(interaction).toHaveTextContent('Điện thoại · 10/02/2026');
    expect(within(groups[1]).getByTestId(TestId.searchHit)).toHaveTextContent('Seoul · KR · 08/03/2027');
  });

  it('moves with ↑/↓ (wrapping) and opens the active hit’s page with Enter', async () => {
    fakeCore({ search: searchOf() });
    render(SearchPalette);
    const input = await openWithShortcut();
    await typeQuery('ha');
    await screen.findAllByTestId(TestId.searchGroup);
    const hits = screen.getAllByTestId(TestId.searchHit);
    expect(hits.map((h) => `${h.dataset.kind}/${h.dataset.id}`)).toEqual([
      'organizations/1',
      'organizations/2',
      'contacts/1',
      'leads/1',
      'delegations/1',
      'itinerary-items/2',
      'interactions/2',
    ]);
    expect(hits[0]).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', hits[0].id);

    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(hits[1]).toHaveAttribute('aria-selected', 'true');
    expect(hits[0]).toHaveAttribute('aria-selected', 'false');
    expect(input).toHaveAttribute('aria-activedescendant', hits[1].id);
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    await fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(hits[6]).toHaveAttribute('aria-selected', 'true');
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(hits[2]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('option', { selected: true })).toEqual([hits[2]]);

    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(router.path).toBe('/contacts/people/1'));
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();
  });

  it('opens the first hit of the answer to what is typed when Enter comes before that answer', async () => {
    const { calls, reply } = heldSearches();
    render(SearchPalette);
    const input = await openWithShortcut();
    await typeQuery('ha');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(1));
    reply('ha');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(7));

    // Typed on and Enter at once, before the pause: the hits of «ha» are still on screen, but
    // Enter asks for «ha nam» at once and waits for its answer instead of opening them.
    await typeQuery('ha nam');
    await fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(callsOf(calls, 'search').map((c) => c.query)).toEqual(['ha', 'ha nam']));
    expect(screen.getByTestId(TestId.searchPalette)).toBeInTheDocument();
    const before = router.path;
    reply('ha nam');
    await waitFor(() => expect(router.path).toBe('/pipeline/leads/1'));
    expect(before).not.toBe(router.path);
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();

    // Typing again after Enter cancels it: the answer to the earlier text opens nothing.
    await openWithShortcut();
    await typeQuery('hanwha');
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Enter' });
    await waitFor(() => expect(callsOf(calls, 'search').at(-1)?.query).toBe('hanwha'));
    await typeQuery('hanwha solu');
    reply('hanwha');
    await waitFor(() => expect(callsOf(calls, 'search').at(-1)?.query).toBe('hanwha solu'));
    expect(screen.getByTestId(TestId.searchPalette)).toBeInTheDocument();
    expect(router.path).toBe('/pipeline/leads/1');
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Escape' });

    // Reopened, the text of the last answer typed again and Enter at once: that answer is
    // gone with the closed palette, so Enter waits for the new one.
    await openWithShortcut();
    await typeQuery('hanwha');
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Enter' });
    await waitFor(() => expect(callsOf(calls, 'search').at(-1)?.query).toBe('hanwha'));
    reply('hanwha');
    await waitFor(() => expect(router.path).toBe('/contacts/organizations/2'));
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();

    // Enter that ends a word in an input method is the input method's.
    await openWithShortcut();
    await typeQuery('ha');
    await waitFor(() => expect(callsOf(calls, 'search').at(-1)?.query).toBe('ha'));
    reply('ha');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(7));
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Enter', isComposing: true });
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Enter', keyCode: 229 });
    expect(screen.getByTestId(TestId.searchPalette)).toBeInTheDocument();
    await fireEvent.keyDown(screen.getByTestId(TestId.searchInput), { key: 'Escape' });
  });

  it('opens an organisation, delegation or itinerary item by click, the item on its delegation without reading it', async () => {
    const calls = fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('hanwha');
    const [, item] = await screen.findAllByTestId(TestId.searchGroup);
    expect(item.dataset.kind).toBe('itinerary-items');
    await fireEvent.click(within(item).getByTestId(TestId.searchHit));
    await waitFor(() => expect(router.path).toBe('/delegations/1/itinerary?item=2'));
    expect(callsOf(calls, 'get_record')).toEqual([]);

    await openWithShortcut();
    await typeQuery('hanwha');
    const [org] = await screen.findAllByTestId(TestId.searchGroup);
    await fireEvent.click(within(org).getByTestId(TestId.searchHit));
    await waitFor(() => expect(router.path).toBe('/contacts/organizations/2'));
  });

  it('opens a lead on its own page, and an interaction on the page the core names, pointing at it', async () => {
    fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('ha nam');
    await fireEvent.click(await screen.findByTestId(TestId.searchHit));
    await waitFor(() => expect(router.path).toBe('/pipeline/leads/1'));

    await openWithShortcut();
    await typeQuery('goi dien');
    await fireEvent.click(await screen.findByTestId(TestId.searchHit));
    // No organisation: the first attendee's page.
    await waitFor(() => expect(router.path).toBe('/contacts/people/1?interaction=2'));

    // Tied to nothing: the palette stays open and says so.
    await openWithShortcut();
    await typeQuery('tay bac');
    await fireEvent.click(await screen.findByTestId(TestId.searchHit));
    expect(await screen.findByTestId(TestId.searchNotice)).toBeInTheDocument();
    expect(router.path).toBe('/contacts/people/1?interaction=2');
  });

  it('ignores a reply that arrives after the reply to a later query', async () => {
    const replies: Record<string, ReturnType<typeof deferred<SearchResults>>> = {};
    const calls = fakeCore({
      search: (args) => {
        const query = String(args.query);
        replies[query] = deferred<SearchResults>();
        return replies[query].promise;
      },
    });
    render(SearchPalette);
    await openWithShortcut();

    await typeQuery('ha');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(1));
    await typeQuery('hanwha');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(2));

    // The later query is answered first, then the earlier one, late.
    replies.hanwha.resolve(searchAnswer('hanwha'));
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(3));
    replies.ha.resolve(searchAnswer('ha'));
    await new Promise((r) => setTimeout(r, 30));
    const labels = screen.getAllByTestId(TestId.searchHitLabel).map((l) => l.textContent);
    expect(labels).toEqual(['Tập đoàn Hanwha', 'Gặp Hanwha Solutions', 'Gọi điện với Hanwha về khu đất']);
  });

  it('keeps the last answer on screen, dimmed and busy, until the latest one arrives (no blank between keys)', async () => {
    const { calls, reply } = heldSearches();
    render(SearchPalette);
    const input = await openWithShortcut();
    await typeQuery('ha');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(1));
    expect(screen.getByText('Đang tìm…')).toBeInTheDocument();
    reply('ha');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(7));
    const listbox = screen.getByRole('listbox');
    expect(listbox).toHaveAttribute('aria-busy', 'false');

    // Watch every change from here on: the hits must never all disappear while typing on.
    let blankSeen = false;
    const watch = new MutationObserver(() => {
      const shown = !listbox.classList.contains('hidden') && screen.queryAllByTestId(TestId.searchHit).length > 0;
      if (!shown && !screen.queryByTestId(TestId.searchNone)) blankSeen = true;
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });

    await typeQuery('hanw');
    // Waiting for the pause, then for the core: the hits for «ha» stay, marked busy.
    expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(7);
    expect(listbox).toHaveAttribute('aria-busy', 'true');
    expect(listbox).toHaveClass('stale');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(2));
    expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(7);
    expect(screen.queryByTestId(TestId.searchNone)).toBeNull();
    expect(screen.queryByText('Đang tìm…')).toBeNull();
    // The marks are those of the answer shown, not of the text typed since.
    const marks = [...screen.getAllByTestId(TestId.searchHitLabel)[1].querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Ha']);

    reply('hanw');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(3));
    expect(listbox).toHaveAttribute('aria-busy', 'false');
    expect(screen.getAllByTestId(TestId.searchHitLabel)[0].querySelector('mark')).toHaveTextContent('Hanw');

    // An empty answer is said as such, and stays (busy) while the next one is awaited.
    await typeQuery('hanwx');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(3));
    expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(3);
    expect(screen.queryByTestId(TestId.searchNone)).toBeNull();
    reply('hanwx');
    expect(await screen.findByTestId(TestId.searchNone)).toHaveTextContent('«hanwx»');
    expect(screen.queryAllByTestId(TestId.searchHit)).toHaveLength(0);
    expect(screen.getByTestId(TestId.searchNone)).toHaveAttribute('aria-busy', 'false');
    await typeQuery('hanwxy');
    expect(screen.getByTestId(TestId.searchNone)).toHaveTextContent('«hanwx»');
    expect(screen.getByTestId(TestId.searchNone)).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(4));
    reply('hanwxy');
    await waitFor(() => expect(screen.getByTestId(TestId.searchNone)).toHaveTextContent('«hanwxy»'));
    expect(screen.getByTestId(TestId.searchNone)).toHaveAttribute('aria-busy', 'false');

    // Back to a query with hits: the «nothing found» stays until they come.
    await typeQuery('hanwha');
    await waitFor(() => expect(callsOf(calls, 'search')).toHaveLength(5));
    expect(screen.getByTestId(TestId.searchNone)).toBeInTheDocument();
    reply('hanwha');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(3));
    expect(screen.queryByTestId(TestId.searchNone)).toBeNull();
    watch.disconnect();
    expect(blankSeen).toBe(false);
    expect(input).toHaveAttribute('aria-activedescendant', screen.getAllByTestId(TestId.searchHit)[0].id);
  });

  it('shows the core’s error in place of «searching», and the hits once a search succeeds', async () => {
    fakeCore({
      search: (args) => {
        if (args.query === 'ha') throw { code: 'storage', message_vi: 'Không đọc được chỉ mục', message_en: 'The index cannot be read', fields: [] };
        return searchAnswer(args.query, args.perKind);
      },
    });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('ha');
    expect(await screen.findByTestId(TestId.searchError)).toHaveTextContent('Không đọc được chỉ mục');
    expect(screen.queryByText('Đang tìm…')).toBeNull();
    await typeQuery('hanwha');
    await waitFor(() => expect(screen.getAllByTestId(TestId.searchHit)).toHaveLength(3));
    expect(screen.queryByTestId(TestId.searchError)).toBeNull();
  });

  it('waits for a pause in typing before asking the core', async () => {
    const calls = fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('h');
    await typeQuery('ha');
    await typeQuery('han');
    await screen.findAllByTestId(TestId.searchGroup);
    expect(callsOf(calls, 'search')).toEqual([{ query: 'han', perKind: 5 }]);
  });

  it('says when nothing is found, in Vietnamese and in English', async () => {
    fakeCore({ search: searchOf() });
    render(SearchPalette);
    await openWithShortcut();
    await typeQuery('tokyo');
    expect(await screen.findByTestId(TestId.searchNone)).toHaveTextContent('Không tìm thấy kết quả nào cho «tokyo».');
    setLanguage('en');
    expect(await screen.findByTestId(TestId.searchNone)).toHaveTextContent('Nothing found for “tokyo”.');
    await typeQuery('');
    expect(screen.getByTestId(TestId.searchEmpty)).toHaveTextContent('Type part of a name');
    expect(screen.getByTestId(TestId.searchInput)).toHaveAttribute('placeholder', expect.stringContaining('accents optional'));
  });
});
