// Tests for themes/standard/static/js/search.js against an index written by the Rust side
// (fixtures/index.js and fixtures/parity.json come from `src/search/mod.rs`; regenerate with
// `VEIVISER_UPDATE_FIXTURES=1 cargo test search`). Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const here = new URL('.', import.meta.url);
const read = (p) => readFileSync(new URL(p, here), 'utf8');
const SEARCH_JS = read('../../themes/standard/static/js/search.js');
const INDEX_JS = read('fixtures/index.js');
const PARITY = JSON.parse(read('fixtures/parity.json'));

// --- a minimal fake DOM: elements, text nodes, events; innerHTML is forbidden ---
class Text {
  constructor(text) { this.textContent = text; }
  get html() { return esc(this.textContent); }
}
class Element {
  constructor(tag, attrs = {}) {
    this.tagName = tag;
    this.children = [];
    this.attrs = {};
    this.dataset = {};
    this.listeners = {};
    this.className = '';
    this.value = '';
    for (const [k, v] of Object.entries(attrs)) this.setAttribute(k, v);
  }
  appendChild(c) { this.children.push(c); return c; }
  setAttribute(k, v) {
    this.attrs[k] = String(v);
    if (k.startsWith('data-')) this.dataset[k.slice(5)] = String(v);
  }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  fire(type, ev = {}) { for (const fn of this.listeners[type] || []) fn(ev); }
  get textContent() { return this.children.map((c) => c.textContent).join(''); }
  set textContent(v) { this.children = v === '' ? [] : [new Text(String(v))]; }
  set innerHTML(_) { throw new Error('search.js must not use innerHTML'); }
  get html() {
    const attrs = Object.entries(this.attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    const cls = this.className ? ` class="${esc(this.className)}"` : '';
    return `<${this.tagName}${attrs}${cls}>${this.children.map((c) => c.html).join('')}</${this.tagName}>`;
  }
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Loads search.js (and optionally the index) into a fresh context with a fake page.
function page({ query = '', withIndex = true, withResults = true } = {}) {
  const ids = {};
  const form = new Element('form');
  ids['search-input'] = Object.assign(new Element('input'), { form });
  ids['search-status'] = new Element('p', { role: 'status' });
  if (withResults) {
    ids['search-results'] = new Element('ol', {
      'data-root': '../',
      'data-none': 'Ingen treff for «{q}»',
      'data-count': '{n} treff for «{q}»',
    });
  }
  const timers = [];
  const replaced = [];
  const document = {
    readyState: 'loading',
    listeners: {},
    getElementById: (id) => ids[id] || null,
    createElement: (tag) => new Element(tag),
    createTextNode: (t) => new Text(t),
    addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); },
  };
  const href = `file:///site/fjordvik/sok/index.html${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  const ctx = {
    document,
    URL,
    URLSearchParams,
    location: { href, search: new URL(href).search },
    history: { state: null, replaceState: (s, t, url) => replaced.push(url) },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => {},
  };
  ctx.window = ctx;
  vm.createContext(ctx);
  if (withIndex) vm.runInContext(INDEX_JS, ctx);
  vm.runInContext(SEARCH_JS, ctx);
  for (const fn of document.listeners.DOMContentLoaded || []) fn();
  return { ctx, ids, form, timers, replaced, api: ctx.VeiviserSearch };
}

const { api } = page({ withResults: false });
const ix = new api.Index(vm.runInNewContext(INDEX_JS + 'window.VEIVISER_SEARCH', { window: {} }));
const docs = (q) => Array.from(ix.search(q), (h) => h.doc);
const title = (i) => ix.docs[i][1];

test('tokenizer and stemmer agree with the Rust side', () => {
  for (const c of PARITY.cases) {
    const tokens = Array.from(api.tokenize(c.text));
    assert.deepEqual(tokens, c.tokens, `tokens of ${c.text}`);
    assert.deepEqual(tokens.map((t) => api.stem(t, c.lang)), c.stems, `stems of ${c.text}`);
  }
  assert.deepEqual(Array.from(ix.stop).sort(), [...PARITY.stop.nb].sort());
});

test('inflected forms meet', () => {
  for (const [a, b] of [['barnet', 'barna'], ['barnas', 'barn'], ['tjenesten', 'tjenestene'], ['samtykket', 'samtykke']]) {
    assert.equal(api.stem(api.norm(a), 'nb'), api.stem(api.norm(b), 'nb'));
  }
  assert.ok(docs('barna').includes(4), 'barna finds barnet');
  assert.ok(docs('barnet').includes(3), 'barnet finds barna');
  assert.deepEqual(docs('samtykket').sort(), [2, 4]);
});

test('prefix search finds compound words', () => {
  assert.deepEqual(docs('barnevern'), [0, 1], 'title prefix + exact keyword + body first');
  assert.deepEqual(docs('barnevernvakt'), [1]);
  assert.deepEqual(docs('Barnevernet'), [0, 1]);
  assert.ok(docs('b').length >= 4);
  assert.deepEqual(docs('zzz'), []);
});

test('ASCII spellings find æ, ø and å', () => {
  assert.deepEqual(docs('kjaere'), [2]);
  assert.deepEqual(docs('Kjære'), [2]);
  assert.deepEqual(docs('niva 1'), [4]);
  assert.deepEqual(docs('nivå 1'), [4]);
  assert.deepEqual(docs('samtykkeerklaering'), [2]);
  assert.deepEqual(docs('drøfter'), docs('droefter'));
});

test('title ranks above keywords above body', () => {
  assert.deepEqual(docs('tjeneste'), [4, 2], 'title (niva-1) before body (samtykke)');
  const bek = docs('bekymr');
  assert.equal(bek[0], 0, 'keyword bekymringsmelding before body bekymret');
  assert.deepEqual(bek.slice(1).sort(), [3, 4]);
  const scores = ix.search('samtykke');
  assert.equal(title(scores[0].doc), 'Samtykkeerklæring');
  assert.ok(scores[0].score > scores[1].score);
});

test('several words are ANDed; stop words are dropped unless alone', () => {
  assert.deepEqual(docs('samtykke foreldre').sort(), [2, 4]);
  assert.deepEqual(docs('samtykke barnevernvakt'), []);
  assert.deepEqual(docs('for barnevernvakt'), [1]);
  assert.deepEqual(docs('barnevernvakt i og på'), [1]);
  assert.ok(docs('foreld').includes(3));
  assert.deepEqual(docs('for'), docs('for*'), 'a lone stop word is searched as a prefix');
});

test('other scripts, numbers and apostrophes', () => {
  assert.deepEqual(docs('الطفل'), [5], 'Arabic without harakat finds the vocalized word');
  assert.deepEqual(docs('ሕፃን'), [5]);
  assert.deepEqual(docs('ДИТИНА'), [5]);
  assert.deepEqual(docs('сім’я'), [5]);
  assert.deepEqual(docs('99'), [1]);
});

test('snippets mark matches and show the part around the first one', () => {
  const s = api.snippet('Barna og tjenesten hjelper barnet.', ix.stems('barn'), 'nb');
  assert.deepEqual(Array.from(s, (p) => Array.from(p)), [
    ['Barna', true], [' og tjenesten hjelper ', false], ['barnet', true], ['.', false],
  ]);
  const long = 'Innledning. '.repeat(30) + 'Her kommer samtykket til slutt, og litt mer tekst etterpå.';
  const parts = Array.from(api.snippet(long, ix.stems('samtykke'), 'nb'), (p) => Array.from(p));
  assert.equal(parts[0][0], '…');
  assert.ok(parts.some(([t, m]) => m && t === 'samtykket'));
  const shown = parts.map(([t]) => t).join('');
  assert.ok(shown.length < 200, shown);
  const none = api.snippet('Ingen treff her i det hele tatt.', ix.stems('barn'), 'nb');
  assert.deepEqual(Array.from(none, (p) => Array.from(p)), [['Ingen treff her i det hele tatt.', false]]);
});

test('renders results from ?q=, with the count in the status', () => {
  const { ids, replaced } = page({ query: 'barnevern' });
  assert.equal(ids['search-input'].value, 'barnevern');
  const list = ids['search-results'];
  assert.equal(list.children.length, 2);
  assert.equal(ids['search-status'].textContent, '2 treff for «barnevern»');
  const html = list.children.map((li) => li.html).join('\n');
  assert.match(html, /<li><a href="\.\.\/tjenester\/barneverntjenesten\/">Barneverntjenesten<\/a> <span class="search-kind">Tjeneste<\/span><p><mark>Barneverntjenesten<\/mark> hjelper/);
  assert.match(html, /<mark>barnevernet<\/mark>/);
  assert.deepEqual(replaced, [], 'the first render keeps the URL');
});

test('typing re-runs the search, debounced, and updates the URL', () => {
  const { ids, form, timers, replaced } = page({ query: 'barnevern' });
  const input = ids['search-input'];
  input.value = 'kjære';
  input.fire('input');
  assert.equal(timers.length, 1);
  assert.ok(timers[0].ms >= 50 && timers[0].ms <= 300);
  timers[0].fn();
  assert.equal(ids['search-results'].children.length, 1);
  assert.equal(ids['search-status'].textContent, '1 treff for «kjære»');
  assert.equal(replaced.at(-1), 'file:///site/fjordvik/sok/index.html?q=kj%C3%A6re');
  input.value = 'ingenting her';
  let prevented = false;
  form.fire('submit', { preventDefault: () => { prevented = true; } });
  assert.ok(prevented);
  assert.equal(ids['search-results'].children.length, 0);
  assert.equal(ids['search-status'].textContent, 'Ingen treff for «ingenting her»');
  input.value = '';
  form.fire('submit', { preventDefault() {} });
  assert.equal(ids['search-status'].textContent, '');
  assert.equal(replaced.at(-1), 'file:///site/fjordvik/sok/index.html');
});

test('everything inserted is text, never markup', () => {
  const { ids } = page({ query: '<script> info' });
  const html = ids['search-results'].children.map((li) => li.html).join('');
  assert.match(html, /<a href="\.\.\/sider\/sprak\/">&lt;Flerspråklig&gt; &amp; &quot;info&quot;<\/a>/);
  assert.match(html, /<span class="search-kind">Side &lt;b&gt;<\/span>/);
  assert.match(html, /<p>&lt;<mark>script<\/mark>&gt;alert/);
  assert.equal(ids['search-status'].textContent, '1 treff for «<script> info»');
});

test('does nothing without the index or the results list', () => {
  const a = page({ query: 'barn', withIndex: false });
  assert.equal(a.ids['search-results'].children.length, 0);
  assert.equal(a.ids['search-status'].textContent, '');
  const b = page({ query: 'barn', withResults: false });
  assert.equal(b.ids['search-input'].value, '');
});
