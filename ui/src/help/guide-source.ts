// The user guide as the app bundles it: docs/guide/{vi,en}.md read at build time (Vite `?raw`,
// each language its own chunk, loaded when Help opens) and the screenshots under
// docs/guide/img/<lang>/ that exist when the UI is built. Shown offline, never fetched.

import type { UiLanguage } from '../lib/bindings.gen';

const SOURCES: Record<UiLanguage, () => Promise<{ default: string }>> = {
  vi: () => import('../../../docs/guide/vi.md?raw'),
  en: () => import('../../../docs/guide/en.md?raw'),
};

/** The guide's Markdown in `lang`. */
export async function guideSource(lang: UiLanguage): Promise<string> {
  return (await SOURCES[lang]()).default;
}

// The screenshots the end-to-end harness takes (`./dev screenshots`); one missing shows its words.
const IMAGES: Record<string, string> = import.meta.glob('../../../docs/guide/img/*/*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});

/**
 * The bundled URL of a picture the guide names (`img/en/dashboard.png`), or null when the
 * picture is not there or the name is anything but a file of the guide's own img folder.
 */
export function guideImage(src: string, images: Record<string, string> = IMAGES): string | null {
  if (!/^img\/(vi|en)\/[\w-]+\.png$/.test(src)) return null;
  return images[`../../../docs/guide/${src}`] ?? null;
}
