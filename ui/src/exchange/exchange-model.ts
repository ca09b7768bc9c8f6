// The pure parts of the Exchange screens: how an office is named, how a trust state or an adopt
// state reads, short hashes, and the choices of the field-by-field chooser.

import type {
  AdoptPlan,
  AdoptState,
  BriefLanguage,
  FieldChoice,
  OfficeProfile,
  Side,
  TrustState,
  UiLanguage,
} from '../lib/bindings.gen';
import type { Tone } from '../lib/components/Badge.svelte';
import { t, type MessageKey } from '../lib/i18n/index.svelte';

/** The first 12 hex digits of a SHA-256, enough to tell files apart on screen. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** An office's name in the interface language (the other language when that one is empty). */
export function profileName(office: Pick<OfficeProfile, 'name_vi' | 'name_en'>, lang: UiLanguage): string {
  return (lang === 'en' ? office.name_en || office.name_vi : office.name_vi || office.name_en).trim();
}

/** What an office is called here: the name the officer gave it, else its own name, else its code. */
export function officeName(
  office: { local_name?: string | null; name_vi?: string | null; name_en?: string | null; office_code?: string | null },
  lang: UiLanguage,
): string {
  const own = profileName({ name_vi: office.name_vi ?? '', name_en: office.name_en ?? '' }, lang);
  return office.local_name?.trim() || own || office.office_code || '—';
}

/** The label key and badge tone of a key's trust state. */
export const TRUST: Record<TrustState, { key: MessageKey; tone: Tone }> = {
  trusted: { key: 'trust.trusted', tone: 'success' },
  unknown: { key: 'trust.unknown', tone: 'warning' },
  key_changed: { key: 'trust.key_changed', tone: 'danger' },
  revoked: { key: 'trust.revoked', tone: 'danger' },
};

/** The label key and badge tone of a received opportunity's adopt state. */
export const ADOPT: Record<AdoptState, { key: MessageKey; tone: Tone }> = {
  new: { key: 'adopt.new', tone: 'info' },
  up_to_date: { key: 'adopt.up_to_date', tone: 'success' },
  update: { key: 'adopt.update', tone: 'warning' },
  conflict: { key: 'adopt.conflict', tone: 'danger' },
};

/** The language a received brief can be made again in here: the other one (English for both). */
export function otherLanguage(language: BriefLanguage): Exclude<BriefLanguage, 'bi'> {
  return language === 'en' ? 'vi' : 'en';
}

/** Whether a field of a conflicting plan was changed on both sides (the officer must choose). */
export function changedBothSides(diff: AdoptPlan['diffs'][number]): boolean {
  return !sameValue(diff.mine, diff.base);
}

/** Two JSON values compared as data (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The side chosen so far for each field of each conflicting opportunity ("uuid field" → side). */
export type Choices = Record<string, Side>;

/** Who trusted a key: the core records the acting office's code, or the tool when none is set. */
const TRUSTED_BY_TOOL: Record<string, MessageKey> = {
  app: 'offices.byApp',
  cli: 'offices.byCli',
  demo: 'offices.byDemo',
};

/** The words for who trusted a key. */
export function trustedByWords(by: string): string {
  const key = TRUSTED_BY_TOOL[by];
  return key ? t(key) : by;
}

export const choiceKey = (uuid: string, field: string) => `${uuid} ${field}`;

/**
 * The starting choices of a set of plans: a field only the sender changed takes theirs; a field
 * changed on both sides has no choice until the officer makes one.
 */
export function initialChoices(plans: AdoptPlan[]): Choices {
  const choices: Choices = {};
  for (const plan of plans) {
    for (const diff of plan.diffs) {
      if (!changedBothSides(diff)) choices[choiceKey(plan.uuid, diff.field)] = 'theirs';
    }
  }
  return choices;
}

/** The fields still without a choice. */
export function missingChoices(plans: AdoptPlan[], choices: Choices): string[] {
  return plans.flatMap((p) => p.diffs.map((d) => choiceKey(p.uuid, d.field))).filter((k) => !(k in choices));
}

/** The choices as the core takes them. */
export function fieldChoices(plans: AdoptPlan[], choices: Choices): FieldChoice[] {
  return plans.flatMap((p) =>
    p.diffs.flatMap((d) => {
      const take = choices[choiceKey(p.uuid, d.field)];
      return take ? [{ uuid: p.uuid, field: d.field, take }] : [];
    }),
  );
}

/** The last part of a path, for a file named on screen ("/home/a/brief.dpbundle" → "brief.dpbundle"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}
