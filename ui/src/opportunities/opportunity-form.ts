// The opportunity form's model: input text to record fields and back. Land rent is typed in major
// units and sent as integer minor units; key figures are rows, and a row left entirely blank is
// dropped so that error paths such as "key_figures[1].source" count only the rows sent.

import type { FieldError, KeyFigure, Opportunity } from '../lib/bindings.gen';
import { clientError } from '../lib/client-errors';
import { amountText, minorDigits, parseAmount } from '../lib/format';
import { textOrNull } from '../lib/form-text';

type TextField = Extract<
  keyof Opportunity,
  | 'name_vi'
  | 'name_en'
  | 'summary_vi'
  | 'summary_en'
  | 'location'
  | 'land_rent_currency'
  | 'land_rent_unit'
  | 'incentives_vi'
  | 'incentives_en'
  | 'infrastructure'
  | 'contact'
  | 'source'
  | 'source_date'
  | 'notes'
>;

/** A key figure as its inputs hold it (no date is ''). */
export type KeyFigureDraft = Record<keyof KeyFigure, string>;

export type OpportunityDraft = Pick<Opportunity, 'kind' | 'status' | 'sectors'> &
  Record<TextField, string> & {
    area_ha: number | null;
    land_rent_min: string;
    land_rent_max: string;
    key_figures: KeyFigureDraft[];
  };

/** Every field of an opportunity; the form shows each one's errors next to its input. */
export const OPPORTUNITY_FIELDS = [
  'kind',
  'name_vi',
  'name_en',
  'summary_vi',
  'summary_en',
  'location',
  'area_ha',
  'sectors',
  'status',
  'land_rent_min_minor',
  'land_rent_max_minor',
  'land_rent_currency',
  'land_rent_unit',
  'incentives_vi',
  'incentives_en',
  'infrastructure',
  'contact',
  'key_figures',
  'source',
  'source_date',
  'notes',
] as const satisfies readonly (keyof Opportunity)[];

export function emptyFigure(): KeyFigureDraft {
  return { label_vi: '', label_en: '', value: '', source: '', source_date: '' };
}

export function opportunityDraft(o?: Opportunity): OpportunityDraft {
  const currency = o?.land_rent_currency ?? 'USD';
  return {
    kind: o?.kind ?? 'industrial_zone',
    status: o?.status ?? 'open',
    name_vi: o?.name_vi ?? '',
    name_en: o?.name_en ?? '',
    summary_vi: o?.summary_vi ?? '',
    summary_en: o?.summary_en ?? '',
    location: o?.location ?? '',
    area_ha: o?.area_ha ?? null,
    sectors: [...(o?.sectors ?? [])],
    land_rent_min: amountText(o?.land_rent_min_minor, currency),
    land_rent_max: amountText(o?.land_rent_max_minor, currency),
    land_rent_currency: currency,
    land_rent_unit: o?.land_rent_unit ?? '',
    incentives_vi: o?.incentives_vi ?? '',
    incentives_en: o?.incentives_en ?? '',
    infrastructure: o?.infrastructure ?? '',
    contact: o?.contact ?? '',
    key_figures: (o?.key_figures ?? []).map((f) => ({ ...f, source_date: f.source_date ?? '' })),
    source: o?.source ?? '',
    source_date: o?.source_date ?? '',
    notes: o?.notes ?? '',
  };
}

/** The rows that will be sent: trimmed, entirely blank rows left out. */
export function keptFigures(rows: KeyFigureDraft[]): KeyFigureDraft[] {
  return rows
    .map((r) => ({
      label_vi: r.label_vi.trim(),
      label_en: r.label_en.trim(),
      value: r.value.trim(),
      source: r.source.trim(),
      source_date: r.source_date.trim(),
    }))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

function amountError(field: string, problem: 'invalid' | 'negative' | 'decimals', currency: string): FieldError {
  if (problem === 'decimals') {
    return clientError(field, 'too_many_decimals', 'money.decimals', { currency, digits: minorDigits(currency) });
  }
  return clientError(field, 'invalid_amount', problem === 'negative' ? 'money.negative' : 'money.invalid');
}

/** The record of a draft, or the errors that keep it from being sent. */
export function opportunityFields(
  d: OpportunityDraft,
): { ok: true; fields: Opportunity } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const currency = d.land_rent_currency.trim().toUpperCase();
  const rent = (text: string, field: string): number | null => {
    if (text.trim() === '') return null;
    if (currency === '') return null;
    const amount = parseAmount(text, currency);
    if ('problem' in amount) {
      errors.push(amountError(field, amount.problem, currency));
      return null;
    }
    return amount.minor;
  };
  const hasRent = d.land_rent_min.trim() !== '' || d.land_rent_max.trim() !== '';
  if (hasRent && currency === '') {
    errors.push(clientError('land_rent_currency', 'required', 'money.needsRentCurrency'));
  }
  const min = rent(d.land_rent_min, 'land_rent_min_minor');
  const max = rent(d.land_rent_max, 'land_rent_max_minor');
  if (d.area_ha !== null && !Number.isFinite(d.area_ha)) {
    errors.push(clientError('area_ha', 'invalid_number', 'number.invalid'));
  }
  if (d.source.trim() === '') errors.push(clientError('source', 'required', 'common.required'));
  if (d.source_date.trim() === '') errors.push(clientError('source_date', 'required', 'common.required'));
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    fields: {
      kind: d.kind,
      name_vi: d.name_vi.trim(),
      name_en: textOrNull(d.name_en),
      summary_vi: textOrNull(d.summary_vi),
      summary_en: textOrNull(d.summary_en),
      location: d.location.trim(),
      area_ha: d.area_ha,
      sectors: d.sectors.map((s) => s.trim()).filter((s) => s !== ''),
      status: d.status,
      land_rent_min_minor: min,
      land_rent_max_minor: max,
      land_rent_currency: min === null && max === null ? null : currency,
      land_rent_unit: textOrNull(d.land_rent_unit),
      incentives_vi: textOrNull(d.incentives_vi),
      incentives_en: textOrNull(d.incentives_en),
      infrastructure: textOrNull(d.infrastructure),
      contact: textOrNull(d.contact),
      key_figures: keptFigures(d.key_figures).map((f) => ({ ...f, source_date: f.source_date || null })),
      source: d.source.trim(),
      source_date: d.source_date.trim(),
      notes: textOrNull(d.notes),
    },
  };
}
