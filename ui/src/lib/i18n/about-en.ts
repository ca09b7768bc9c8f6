// English words of the About and Help screens: the same keys as `about-vi.ts` (the compiler
// checks it), spread into `en.ts`.

import type { Message } from './index.svelte';
import type { aboutVi } from './about-vi';

export const aboutEn: Record<keyof typeof aboutVi, Message> = {
  'nav.help': 'Help',
  'nav.about': 'About',
  'nav.helpShortcut': 'F1',
  'about.buildDate': 'Build date',
  'about.fingerprint': 'Office key fingerprint',
  'about.noFingerprint': 'None yet: set the office profile in Settings to make the key.',
  'about.openSettings': 'Open Settings',
  'about.licences': 'Licences of the bundled components',
  'about.licencesIntro':
    'The app ships {count} third-party components: {crates} Rust crates, {npm} npm packages and the {fonts} fonts. The list is generated from the lock files (Cargo.lock, package-lock.json); each licence text is the one its package carries.',
  'about.filter': 'Filter by name',
  'about.kind.crate': 'Rust crate',
  'about.kind.npm': 'npm package',
  'about.kind.font': 'font',
  'about.showText': 'Show the licence text',
  'about.hideText': 'Hide the licence text',
  'about.noText': 'This package carries no licence file; its licence is {licence} (see {url}).',
  'about.noMatch': 'No component matches.',
  'about.fullList': 'Licences and version details: About',
  'help.language': 'Language of the guide',
  'help.contents': 'Contents',
  'help.imageMissing': 'Picture not available yet: {alt}',
};
