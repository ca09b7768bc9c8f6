// Writes assets/licences/licences.json: every third-party component the app and the CLI ship,
// with its version, licence expression and licence texts (each distinct text once). Run by
// `./dev licences` after a dependency changes; `licences_list_every_shipped_component` in
// crates/core/tests/core/licences.rs fails while the file is stale, without this script.
//
// Nothing here is typed by hand: the Rust crates are cargo's own dependency graph
// (`cargo metadata` for the shipped target, normal and build dependencies of planner-app and
// planner-cli, the workspace's own crates left out), with the licence texts their packages
// carry; the npm packages are those whose code the Vite build puts in ui/dist (read from the
// build's own module list) and the production dependencies of ui/package-lock.json; the fonts
// are the files of assets/fonts with their OFL.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const UI = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(UI, '..');
const OUT = join(ROOT, 'assets/licences/licences.json');
// The .deb and .rpm are built for this target; the test reads the same constant from the file.
const TARGET = 'x86_64-unknown-linux-gnu';
const SHIPPED_BINARIES = ['planner-app', 'planner-cli'];

const texts = new Map();

// Licence files as packages name them: LICENSE, LICENCE-MIT, COPYING, NOTICE, UNLICENSE…
const LICENCE_FILE = /^(un)?licen[cs]e|^copying|^notice/i;

function normalised(text) {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim() + '\n';
}

/** Keeps a text once, under the start of its SHA-256; returns that id. */
function keep(file, raw) {
  const text = normalised(raw);
  const id = createHash('sha256').update(text).digest('hex').slice(0, 16);
  if (!texts.has(id)) texts.set(id, { file, text });
  return id;
}

function licenceTexts(dir, extra = []) {
  const names = readdirSync(dir).filter((n) => LICENCE_FILE.test(n) && statSync(join(dir, n)).isFile());
  const files = [...new Set([...names.map((n) => join(dir, n)), ...extra])].sort();
  return files.map((f) => keep(relative(dir, f), readFileSync(f, 'utf8')));
}

function crates() {
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', '--filter-platform', TARGET], {
      cwd: ROOT,
      maxBuffer: 256 * 1024 * 1024,
    }).toString(),
  );
  const packages = new Map(meta.packages.map((p) => [p.id, p]));
  const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
  const seen = new Set();
  const stack = meta.packages.filter((p) => SHIPPED_BINARIES.includes(p.name)).map((p) => p.id);
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id).deps) {
      // Dev-dependencies are not shipped; build dependencies (build scripts, proc macros) write
      // code that is.
      if (dep.dep_kinds.some((k) => k.kind === null || k.kind === 'build')) stack.push(dep.pkg);
    }
  }
  return [...seen]
    .map((id) => packages.get(id))
    .filter((p) => p.source !== null)
    .map((p) => {
      const dir = dirname(p.manifest_path);
      const extra = p.license_file ? [join(dir, p.license_file)] : [];
      return {
        kind: 'crate',
        name: p.name,
        version: p.version,
        licence: p.license ?? 'see licence file',
        url: p.repository ?? `https://crates.io/crates/${p.name}`,
        texts: licenceTexts(dir, extra),
      };
    });
}

async function bundledNpm() {
  // The build's own list of modules: what ui/dist holds, devDependencies such as Svelte's
  // runtime included, and nothing only the tests or the compiler use.
  const out = await build({ root: UI, logLevel: 'warn', build: { write: false } });
  const ids = new Set();
  for (const o of Array.isArray(out) ? out : [out])
    for (const c of o.output) if (c.type === 'chunk') for (const id of c.moduleIds ?? Object.keys(c.modules)) ids.add(id);
  const dirs = new Set();
  for (const id of ids) {
    const m = /^(.*\/node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'));
    if (m) dirs.add(`node_modules/${m[2]}`);
  }
  const lock = JSON.parse(readFileSync(join(UI, 'package-lock.json'), 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) dirs.add(path);
  return [...dirs].map((path) => {
    const dir = join(UI, path);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return {
      kind: 'npm',
      name: pkg.name,
      version: pkg.version,
      licence: typeof pkg.license === 'string' ? pkg.license : 'see licence file',
      url: `https://www.npmjs.com/package/${pkg.name}`,
      texts: licenceTexts(dir),
    };
  });
}

function fonts() {
  const dir = join(ROOT, 'assets/fonts');
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  const version = /fonts-noto-core (\S+?)\.?\s/.exec(readme)?.[1] ?? 'unknown';
  const files = readdirSync(dir).filter((n) => n.endsWith('.ttf')).sort();
  return [
    {
      kind: 'font',
      name: 'Noto Sans',
      version,
      licence: 'OFL-1.1',
      url: 'https://notofonts.github.io/',
      files,
      texts: [keep('OFL.txt', readFileSync(join(dir, 'OFL.txt'), 'utf8'))],
    },
  ];
}

const byName = (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
const components = [...crates(), ...(await bundledNpm()), ...fonts()].sort(byName);
const used = [...texts.entries()].sort(([a], [b]) => a.localeCompare(b));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(
  OUT,
  JSON.stringify(
    { generated_by: './dev licences (ui/scripts/licences.mjs)', target: TARGET, components, texts: Object.fromEntries(used) },
    null,
    1,
  ) + '\n',
);
const missing = components.filter((c) => c.texts.length === 0).map((c) => `${c.name} ${c.version}`);
console.log(`${components.length} components, ${used.length} distinct licence texts → ${relative(ROOT, OUT)}`);
if (missing.length) console.log(`without a licence file in their package (${missing.length}): ${missing.join(', ')}`);
