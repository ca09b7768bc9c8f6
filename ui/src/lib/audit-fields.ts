// The change history in the words of the forms: a changed field is named by the label its form
// gives it ("Trade counsellor", not `counsellor_id`) and its values are shown as the record's
// page shows them (enum labels, the name of a referenced record, money, dates in the language).

import type { Bilingual, EntityKind, UiLanguage } from './bindings.gen';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';
import { message, type MessageKey } from './i18n/index.svelte';
import { vi } from './i18n/vi';
import {
  CONSENT_BASIS,
  DELEGATION_KIND,
  DELEGATION_STATUS,
  OPPORTUNITY_KIND,
  OPPORTUNITY_STATUS,
  ORGANIZATION_KIND,
  ORGANIZATION_SIZE,
} from './labels.gen';
import { sectorLabel } from './sectors.svelte';

/** The form prefix of each kind's field labels in the dictionaries (`delegation.title`). */
const FORM_OF: Partial<Record<EntityKind, string>> = {
  delegations: 'delegation',
  organizations: 'organization',
  contacts: 'contact',
  opportunities: 'opportunity',
  offices: 'office',
  counsellors: 'counsellor',
};

/** Fields whose form label is not `<form>.<field>` (an amount typed in major units). */
const LABEL_OF: Record<string, MessageKey> = {
  'delegation.budget_minor': 'delegations.budget',
};

/** Amounts in minor units, and the field that names their currency. */
const CURRENCY_OF: Record<string, string> = {
  budget_minor: 'budget_currency',
  land_rent_min_minor: 'land_rent_currency',
  land_rent_max_minor: 'land_rent_currency',
  expected_capital_minor: 'expected_capital_currency',
};

/** A record another field points at, named on its own page. */
export const REFERENCE_OF: Record<string, EntityKind> = {
  counsellor_id: 'counsellors',
  organization_id: 'organizations',
  office_id: 'offices',
  delegation_id: 'delegations',
};

const ENUM_OF: Record<string, Readonly<Record<string, Bilingual>>> = {
  'delegation.kind': DELEGATION_KIND,
  'delegation.status': DELEGATION_STATUS,
  'organization.kind': ORGANIZATION_KIND,
  'organization.size': ORGANIZATION_SIZE,
  'contact.consent_basis': CONSENT_BASIS,
  'opportunity.kind': OPPORTUNITY_KIND,
  'opportunity.status': OPPORTUNITY_STATUS,
};

const isKey = (key: string): key is MessageKey => key in vi;

/** The label the form gives `field` of a `kind` record; the field's name when no form shows it. */
export function fieldLabel(kind: EntityKind, field: string, lang: UiLanguage): string {
  const form = FORM_OF[kind];
  if (!form) return field;
  const key = LABEL_OF[`${form}.${field}`] ?? `${form}.${field}`;
  return isKey(key) ? message(lang, key) : field;
}

/** What the trail knows beside a value: the record's currencies and referenced records' names. */
export type ValueContext = {
  /** The value of another field of the record (for an amount's currency). */
  fieldOf: (field: string) => unknown;
  /** The name of a referenced record, once read; undefined until then. */
  nameOf: (kind: EntityKind, id: number) => string | undefined;
};

const asText = (v: unknown) => (typeof v === 'string' ? v : '');

/** A value of `field` as the record's page shows it; '—' for none. */
export function fieldValue(
  kind: EntityKind,
  field: string,
  value: unknown,
  lang: UiLanguage,
  cx: ValueContext,
): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '—';
  }
  const enumLabels = ENUM_OF[`${FORM_OF[kind]}.${field}`];
  if (enumLabels && typeof value === 'string') return enumLabels[value]?.[lang] ?? value;
  if (field === 'sectors' && Array.isArray(value)) return value.map((s) => sectorLabel(String(s))).join(', ');
  if (field in CURRENCY_OF && typeof value === 'number') {
    const currency = asText(cx.fieldOf(CURRENCY_OF[field]));
    return currency ? formatMoney(value, currency, lang) : formatNumber(value, lang);
  }
  if (field in REFERENCE_OF && typeof value === 'number') {
    return cx.nameOf(REFERENCE_OF[field], value) ?? message(lang, 'audit.recordNo', { id: value });
  }
  if (field.endsWith('_at') && typeof value === 'string') return formatDateTime(value, lang);
  if ((field.endsWith('_date') || field.endsWith('_expiry')) && typeof value === 'string') return formatDate(value, lang);
  if (typeof value === 'boolean') return message(lang, value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return formatNumber(value, lang);
  if (Array.isArray(value)) return value.map((v) => listItem(v, lang)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// One entry of a list field: an email or phone with its label, a key figure, a language.
function listItem(v: unknown, lang: UiLanguage): string {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('value' in o && 'label' in o) return o.label ? `${asText(o.value)} (${asText(o.label)})` : asText(o.value);
    if ('value' in o && 'label_vi' in o) {
      const name = lang === 'en' && o.label_en ? asText(o.label_en) : asText(o.label_vi);
      return `${name}: ${asText(o.value)}`;
    }
    return JSON.stringify(v);
  }
  return String(v);
}
