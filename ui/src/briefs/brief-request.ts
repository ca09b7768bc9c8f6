// The brief composer's model: what the inputs hold, the audience it names, and the
// `BriefRequest` sent to the core (or the errors that keep it from being sent).

import type {
  Audience,
  AudienceKind,
  BilingualLayout,
  BriefLanguage,
  BriefRequest,
  BriefSection,
  FieldError,
  OpportunitySuggestion,
  Paper,
} from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { BRIEF_SECTIONS } from '../lib/enums';

export type ComposerDraft = {
  audience_kind: AudienceKind;
  /** Ids as the selects hold them ('' when none is chosen). */
  delegation_id: string;
  organization_id: string;
  sector: string;
  country: string;
  language: BriefLanguage;
  layout: BilingualLayout;
  paper: Paper;
  sections: BriefSection[];
  /** The "leave personal data out" switch: the opposite of `include_personal_data`. */
  no_personal_data: boolean;
};

/** The fields the composer shows errors next to; other errors go to the top. */
export const COMPOSER_FIELDS = [
  'audience',
  'delegation_id',
  'organization_id',
  'sector',
  'country',
  'language',
  'layout',
  'paper',
  'sections',
  'opportunity_ids',
  'path',
] as const;

export function newDraft(): ComposerDraft {
  return {
    audience_kind: 'delegation',
    delegation_id: '',
    organization_id: '',
    sector: '',
    country: '',
    language: 'vi',
    layout: 'side_by_side',
    paper: 'a4',
    sections: [...BRIEF_SECTIONS],
    no_personal_data: false,
  };
}

const COUNTRY = /^[A-Za-z]{2}$/;

/** The country of a sector audience: a valid code upper-cased, otherwise none. */
function countryOf(text: string): string | null {
  const s = text.trim();
  return COUNTRY.test(s) ? s.toUpperCase() : null;
}

/** The audience the draft names, or null while it is incomplete. */
export function audienceOf(d: ComposerDraft): Audience | null {
  switch (d.audience_kind) {
    case 'delegation':
      return d.delegation_id ? { kind: 'delegation', id: Number(d.delegation_id) } : null;
    case 'organization':
      return d.organization_id ? { kind: 'organization', id: Number(d.organization_id) } : null;
    case 'sector':
      return d.sector ? { kind: 'sector', sector: d.sector, country: countryOf(d.country) } : null;
  }
}

/** The ticked opportunities, in the order the list shows them. */
export function chosenIds(shown: readonly OpportunitySuggestion[], ticked: readonly number[]): number[] {
  return shown.filter((s) => ticked.includes(s.id)).map((s) => s.id);
}

/** The request of a complete draft, or the errors to show next to its fields. */
export function requestOf(
  d: ComposerDraft,
  opportunityIds: number[],
): { ok: true; request: BriefRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const field = { delegation: 'delegation_id', organization: 'organization_id', sector: 'sector' }[d.audience_kind];
  const audience = audienceOf(d);
  if (!audience) errors.push(clientError(field, 'required', 'common.required'));
  if (d.audience_kind === 'sector' && d.country.trim() !== '' && !COUNTRY.test(d.country.trim())) {
    errors.push(clientError('country', 'invalid_country', 'briefs.countryInvalid'));
  }
  if (d.sections.length === 0) errors.push(clientError('sections', 'required', 'briefs.sectionsRequired'));
  if (!audience || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      audience,
      language: d.language,
      layout: d.layout,
      paper: d.paper,
      opportunity_ids: opportunityIds,
      sections: BRIEF_SECTIONS.filter((s) => d.sections.includes(s)),
      include_personal_data: !d.no_personal_data,
    },
  };
}

/** The file name the save dialog proposes, e.g. "ban-tin-doan-3-bi.pdf". */
export function defaultFileName(request: BriefRequest): string {
  const a = request.audience;
  const who =
    a.kind === 'delegation'
      ? `doan-${a.id}`
      : a.kind === 'organization'
        ? `to-chuc-${a.id}`
        : `nganh-${a.sector}${a.country ? `-${a.country}` : ''}`;
  return `ban-tin-${who}-${request.language}.pdf`.replace(/_/g, '-');
}

/** The file's name without its folders (the store records the full path). */
export function baseName(path: string | null): string {
  if (!path) return '';
  return path.split(/[\\/]/).pop() ?? path;
}

/** A size in bytes as kilobytes with one decimal. */
export function kilobytes(bytes: number): number {
  return Math.round((bytes / 1024) * 10) / 10;
}
