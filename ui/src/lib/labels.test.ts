// Every list that shows enum values or sector tags, rendered with every value, in both languages:
// the screen shows the labels generated from Rust (labels.gen.ts), never a raw key such as
// "e_commerce" or "site_visit".
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bilingual, UiLanguage } from './bindings.gen';
import { keysOf } from './enums';
import { en } from './i18n/en';
import type { Message } from './i18n/index.svelte';
import { label, setLanguage } from './i18n/index.svelte';
import { vi } from './i18n/vi';
import * as LABELS from './labels.gen';
import {
  DELEGATION_KIND,
  DELEGATION_STATUS,
  LEAD_STAGE,
  OPPORTUNITY_KIND,
  OPPORTUNITY_STATUS,
  ORGANIZATION_KIND,
  ORGANIZATION_SIZE,
  SECTORS,
} from './labels.gen';
import { pipelineAnswers, pipelineTotalsOf } from '../fixtures/core-answers';
import { fakeCore, listOf, storedDelegation, storedOpportunity, storedOrganization } from '../test-ipc';
import OrganizationList from '../contacts/OrganizationList.svelte';
import DelegationList from '../delegations/DelegationList.svelte';
import OpportunityList from '../opportunities/OpportunityList.svelte';
import PipelinePage from '../pipeline/PipelinePage.svelte';

type Labels = Readonly<Record<string, Bilingual>>;

const ALL_MAPS = Object.values(LABELS).filter((v): v is Labels => typeof v === 'object' && v !== null && !Array.isArray(v));
const SECTOR_TAGS = keysOf(SECTORS);

/** `count` groups of sector tags that together hold every tag. */
function sectorGroups(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => SECTOR_TAGS.filter((_, n) => n % count === i));
}

/** The words of the screens in `lang`, cut at their placeholders. */
function screenWords(lang: UiLanguage): string[] {
  return Object.values(lang === 'en' ? en : vi)
    .flatMap((m: Message) => (typeof m === 'string' ? [m] : [m.one, m.other]))
    .flatMap((s) => s.split(/\{\w+\}/))
    .filter((s) => s.trim() !== '');
}

/**
 * The keys of `maps` that `text` shows raw: every label and screen word of the language and every
 * name the fixtures gave (`names`) is taken out first, so a key that is also an English word
 * ("lead", "lost") is not mistaken for a raw one when it is part of a sentence.
 */
function rawKeysIn(text: string, lang: UiLanguage, maps: Labels[], names: string[]): string[] {
  const labels = ALL_MAPS.flatMap((m) => Object.values(m).map((l) => l[lang]));
  const words = [...labels, ...screenWords(lang), ...names].sort((a, b) => b.length - a.length);
  let rest = text;
  for (const w of words) rest = rest.split(w).join(' ');
  const keys = maps.flatMap((m) => Object.keys(m));
  return keys.filter((k) => new RegExp(`(^|[^\\p{L}\\p{N}_])${k}($|[^\\p{L}\\p{N}_])`, 'u').test(rest));
}

afterEach(() => setLanguage('vi'));

describe.each<UiLanguage>(['vi', 'en'])('lists name every value (%s)', (lang) => {
  it('organisations: kind, size and sectors', async () => {
    setLanguage(lang);
    const kinds = keysOf(ORGANIZATION_KIND);
    const sizes = keysOf(ORGANIZATION_SIZE);
    const groups = sectorGroups(5);
    const names = groups.map((_, i) => `Tổ chức ${i + 1}`);
    const orgs = groups.map((sectors, i) =>
      storedOrganization(i + 1, names[i], { kind: kinds[i % kinds.length], size: sizes[i % sizes.length], sectors }),
    );
    fakeCore({ list_records: listOf({ organizations: orgs }) });
    const { container } = render(OrganizationList);
    expect(await screen.findAllByTestId('organization-row')).toHaveLength(orgs.length);

    const text = container.textContent ?? '';
    expect(rawKeysIn(text, lang, [ORGANIZATION_KIND, ORGANIZATION_SIZE, SECTORS], names)).toEqual([]);
    for (const tag of SECTOR_TAGS) expect(text).toContain(label(SECTORS, tag));
    for (const size of sizes) expect(text).toContain(label(ORGANIZATION_SIZE, size));
  });

  it('opportunities: kind, status and sectors', async () => {
    setLanguage(lang);
    const kinds = keysOf(OPPORTUNITY_KIND);
    const statuses = keysOf(OPPORTUNITY_STATUS);
    const groups = sectorGroups(kinds.length);
    const names = kinds.map((_, i) => `Cơ hội ${i + 1}`);
    const rows = kinds.map((kind, i) =>
      storedOpportunity(i + 1, { name_vi: names[i], name_en: names[i], kind, status: statuses[i % statuses.length], sectors: groups[i] }),
    );
    fakeCore({ list_records: listOf({ opportunities: rows }) });
    const { container } = render(OpportunityList);
    expect(await screen.findAllByTestId('opportunity-row')).toHaveLength(rows.length);

    const table = container.querySelector('[role=grid]')!.textContent ?? '';
    const places = rows.map((r) => r.location);
    expect(rawKeysIn(table, lang, [OPPORTUNITY_KIND, OPPORTUNITY_STATUS, SECTORS], [...names, ...places])).toEqual([]);
    for (const tag of SECTOR_TAGS) expect(table).toContain(label(SECTORS, tag));
  });

  it('delegations: kind and status', async () => {
    setLanguage(lang);
    const kinds = keysOf(DELEGATION_KIND);
    const names = keysOf(DELEGATION_STATUS).map((_, i) => `Đoàn số ${i + 1}`);
    const rows = keysOf(DELEGATION_STATUS).map((status, i) =>
      storedDelegation(i + 1, { title: names[i], status, kind: kinds[i % kinds.length], sectors: sectorGroups(7)[i] }),
    );
    fakeCore({ list_records: listOf({ delegations: rows }) });
    const { container } = render(DelegationList);
    expect(await screen.findAllByTestId('delegation-row')).toHaveLength(rows.length);

    const table = container.querySelector('[role=grid]')!.textContent ?? '';
    const places = rows.map((r) => `${r.destination_city}, ${r.destination_country}`);
    expect(rawKeysIn(table, lang, [DELEGATION_KIND, DELEGATION_STATUS], [...names, ...places])).toEqual([]);
    for (const status of keysOf(DELEGATION_STATUS)) expect(table).toContain(label(DELEGATION_STATUS, status));
  });

  it('pipeline: stages and sectors on the board, in the table and in the totals', async () => {
    setLanguage(lang);
    const stages = keysOf(LEAD_STAGE);
    // One lead at every stage, every sector tag among them, with the core's totals over them.
    const { leads, organizations } = pipelineAnswers('every stage');
    expect(leads.map((l) => l.stage)).toEqual(stages);
    expect(new Set(leads.flatMap((l) => l.sectors))).toEqual(new Set(SECTOR_TAGS));
    const names = leads.map((l) => l.title);
    fakeCore({
      list_records: listOf({ leads }),
      get_record: (args) => organizations.find((o) => o.id === args.id),
      pipeline_totals: pipelineTotalsOf(() => leads),
    });
    const { container } = render(PipelinePage);
    expect(await screen.findAllByTestId('pipeline-card')).toHaveLength(leads.length);
    const fixtures = [
      ...names,
      ...organizations.map((o) => o.name_vi),
      ...leads.flatMap((l) => [l.lost_reason ?? '', l.owner ?? '', l.next_action ?? '']),
    ].filter((s) => s);
    const board = container.textContent ?? '';
    expect(rawKeysIn(board, lang, [LEAD_STAGE, SECTORS], fixtures)).toEqual([]);
    for (const tag of SECTOR_TAGS) expect(board).toContain(label(SECTORS, tag));

    await fireEvent.click(screen.getByTestId('pipeline-view-table'));
    expect(await screen.findAllByTestId('pipeline-row')).toHaveLength(leads.length);
    const table = screen.getByTestId('pipeline-table').textContent ?? '';
    expect(rawKeysIn(table, lang, [LEAD_STAGE, SECTORS], fixtures)).toEqual([]);
    for (const stage of stages) expect(table).toContain(label(LEAD_STAGE, stage));
  });
});
