// How the preview picks the text of a `Bilingual` text, following the PDF renderer: one language,
// or both side by side ("vi / en" for short labels, two columns for paragraphs and bullets).

import type { BriefModel, Bilingual, UiLanguage } from '../lib/bindings.gen';

export type Mode = { kind: 'one'; lang: UiLanguage } | { kind: 'both' };

/** The passes the preview renders: one, or for a sequential bilingual brief Vietnamese then English. */
export function passesOf(model: Pick<BriefModel, 'language' | 'layout'>): Mode[] {
  if (model.language === 'bi') {
    return model.layout === 'sequential'
      ? [
          { kind: 'one', lang: 'vi' },
          { kind: 'one', lang: 'en' },
        ]
      : [{ kind: 'both' }];
  }
  return [{ kind: 'one', lang: model.language }];
}

/** A short text in the mode: one form, or "vi / en" (one form when both are the same). */
export function textOf(l: Bilingual, mode: Mode): string {
  if (mode.kind === 'one') return l[mode.lang];
  return l.vi === l.en ? l.vi : `${l.vi} / ${l.en}`;
}

/** Whether a longer text (paragraph, bullet) goes in two columns. */
export function twoColumns(l: Bilingual, mode: Mode): boolean {
  return mode.kind === 'both' && l.vi !== l.en;
}

/** The language numbers are written in (Vietnamese marks unless the brief is in English). */
export function numberLang(mode: Mode): UiLanguage {
  return mode.kind === 'one' ? mode.lang : 'vi';
}

/** The width class of a bar (w-0 … w-100 in steps of 5) for `value` out of `max`. */
export function widthClass(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return 'w-0';
  const step = Math.round((Math.min(value, max) / max) * 20) * 5;
  return `w-${Math.max(step, 5)}`;
}

/** The heading element of a brief heading level (the page already uses h1 and h2). */
export function headingTag(level: number): string {
  return `h${Math.min(Math.max(level, 1) + 2, 6)}`;
}
