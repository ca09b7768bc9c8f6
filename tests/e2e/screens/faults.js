// What a reader would see wrong on the screen now: raw value keys, "undefined"/"null"/"NaN",
// «» in English, text cut by its box, words broken mid-word, a column so narrow it reads one word
// per line, and a page that scrolls sideways. Run by screens.rs in the real window; returns one
// line per fault. arguments[0]: every enum value and sector key (labels.gen.ts); arguments[1]:
// the interface language.
const keys = new Set(arguments[0]);
const lang = arguments[1];
const faults = [];
const seen = new Set();
const say = (what, el) => {
  const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const line = `${what}: <${el.tagName.toLowerCase()} class="${el.className}"> in [${id}] «${text}»`;
  if (!seen.has(line)) faults.push(line);
  seen.add(line);
};
const shown = (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};
// Vietnamese letters: text holding them is Vietnamese (record data shown as entered), not English.
const vietnamese = /[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u0323\u1ea0-\u1ef9]/;
const badWord = /\b(undefined|null|NaN)\b/;

function checkText(text, el) {
  if (keys.has(text)) say(`raw key «${text}»`, el);
  for (const word of text.split(/[\s,;:()]+/)) {
    if (word.includes('_') && keys.has(word)) say(`raw key «${word}»`, el);
  }
  if (badWord.test(text)) say(`«${text.match(badWord)[0]}» shown`, el);
  if (lang === 'en' && /[«»]/.test(text) && !vietnamese.test(text.replace(/«[^»]*»/g, ''))) {
    say('«» in English', el);
  }
}

// 1. Words: every text node and the attributes people read.
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const words = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const el = node.parentElement;
  if (!el || el.closest('script, style, template')) continue;
  const text = node.data.trim();
  if (!text) continue;
  checkText(text, el);
  if (shown(el)) words.push(node);
}
for (const el of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
  for (const a of ['title', 'placeholder', 'aria-label']) {
    const v = el.getAttribute(a);
    if (v) checkText(v.trim(), el);
  }
}

// 2. Text cut by its box: wider (or, when clipped, taller) than the box, unless the box says the
// whole text in its title (a clamped title) or scrolls by design.
const boxes = 'label, th, td, dt, dd, button, .btn, .badge, .tag, h1, h2, h3, legend, .vrow > *, a, p, li, summary';
for (const el of document.querySelectorAll(boxes)) {
  if (!shown(el) || el.clientWidth === 0 || el.closest('.sr-only')) continue;
  const style = getComputedStyle(el);
  if (['auto', 'scroll'].includes(style.overflowX)) continue;
  const whole = el.getAttribute('title')?.trim();
  const text = (el.textContent ?? '').trim();
  if (whole && text && whole.includes(text.replace(/…$/, '').slice(0, 20))) continue;
  if (el.scrollWidth > el.clientWidth + 1) say('text wider than its box', el);
  else if (['hidden', 'clip'].includes(style.overflowY) && el.scrollHeight > el.clientHeight + 2) {
    say('text cut at the bottom', el);
  }
}

// 3. Words broken mid-word (a label too narrow for "Attendees:"): a short word whose letters
// land on two lines. Long addresses and hyphenated words may break; short words may not.
const range = document.createRange();
for (const node of words) {
  const re = /[^\s\-–—/]+/g;
  for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
    const word = m[0];
    if (word.length < 3 || word.length > 20 || /[@.]/.test(word.slice(0, -1))) continue;
    range.setStart(node, m.index);
    range.setEnd(node, m.index + word.length);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) say(`«${word}» broken across lines`, node.parentElement);
  }
}

// 4. A column so narrow that a text of several words reads one word per line.
for (const el of document.querySelectorAll('td, dd, .vrow > *, .notes, p')) {
  if (!shown(el) || el.children.length > 0) continue;
  // A list cell clamped to two lines with its whole text in its tooltip is cut by design.
  if (el.getAttribute('title')) continue;
  const count = (el.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;
  if (count < 3) continue;
  range.selectNodeContents(el);
  const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  if (lines.size >= count) say(`one word per line (${count} words)`, el);
}

// 5. The window itself never scrolls sideways, nor does the page under the header; a wide area
// (the pipeline board, a wide table) scrolls inside itself. Named: the outermost box past the
// edge, where the widening starts.
function widening(container, right) {
  const past = [...container.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > right + 1);
  return past.find((el) => !past.includes(el.parentElement)) ?? container;
}
const content = document.querySelector('main.content');
if (document.documentElement.scrollWidth > window.innerWidth + 1) {
  say(`the window scrolls sideways (${document.documentElement.scrollWidth}px)`, widening(document.body, window.innerWidth));
}
if (content && content.scrollWidth > content.clientWidth + 1) {
  // Past the content box: a box reaching into the right padding already widens the page.
  const edge = content.getBoundingClientRect().left + content.clientWidth - parseFloat(getComputedStyle(content).paddingRight);
  say(`the page scrolls sideways (${content.scrollWidth}px)`, widening(content, edge));
}
return faults;
