// Tests for themes/standard/static/js/search.js against indexes written by the Rust side
// (fixtures/index.js, fixtures/sharded/ and fixtures/parity.json come from `src/search/mod.rs`;
// regenerate with `VEIVISER_UPDATE_FIXTURES=1 cargo test search`). Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import vm from 'node:vm';

const here = new URL('.', import.meta.url);
const read = (p) => readFileSync(new URL(p, here), 'utf8');
const SEARCH_JS = read('../../themes/standard/static/js/search.js');
const INDEX_JS = read('fixtures/index.js');
const SHARDED_JS = read('fixtures/sharded/indeks.js');
const PARITY = JSON.parse(read('fixtures/parity.json'));
const tick = () => new Promise((r) => setImmediate(r));

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
  appendChild(c) { this.children.push(c); if (this.onAppend) this.onAppend(c); return c; }
  setAttribute(k, v) {
    this.attrs[k] = String(v);
    if (k.startsWith('data-')) this.dataset[k.slice(5)] = String(v);
  }
  getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  fire(type, ev = {}) { for (const fn of this.listeners[type] || []) fn(ev); }
  focus() { this.focused = true; }
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

// Loads search.js (and an index) into a fresh context with a fake page. With sharded, part
// files are "loaded" from fixtures/sharded/ when search.js appends a script element.
function page({ query = '', index = INDEX_JS, sharded = false, withResults = true, protocol = 'http:', header = false } = {}) {
  const ids = {};
  const form = new Element('form');
  ids['search-input'] = Object.assign(new Element('input'), { form });
  ids['search-status'] = new Element('p', { role: 'status' });
  ids['search-more'] = Object.assign(new Element('button'), { hidden: true });
  if (header) ids['header-q'] = Object.assign(new Element('input'), { form: new Element('form') });
  if (withResults) {
    ids['search-results'] = new Element('ol', {
      'data-root': '../',
      'data-none': 'Ingen treff for «{q}»',
      'data-count': '{n} treff for «{q}»',
      'data-failed': 'Søket kunne ikke lastes.',
    });
  }
  const timers = [];
  const replaced = [];
  const loaded = []; // part files requested
  const head = new Element('head');
  const document = {
    readyState: 'loading',
    listeners: {},
    head,
    getElementById: (id) => ids[id] || null,
    createElement: (tag) => new Element(tag),
    createTextNode: (t) => new Text(t),
    addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); },
  };
  const base = protocol === 'file:' ? 'file:///site/fjordvik/sok/index.html' : 'http://x.example/fjordvik/sok/';
  const href = `${base}${query ? `?q=${encodeURIComponent(query)}` : ''}`;
  const ctx = {
    document,
    URL,
    URLSearchParams,
    Promise,
    console: { error() {} },
    location: { href, search: new URL(href).search, protocol },
    history: { state: null, replaceState: (s, t, url) => replaced.push(url) },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => {},
  };
  ctx.window = ctx;
  vm.createContext(ctx);
  // A script element appended by search.js: run the part file (asynchronously, like a browser).
  head.onAppend = (el) => {
    loaded.push(el.src);
    setImmediate(() => {
      const file = new URL(`fixtures/sharded/${el.src}`, here);
      if (!existsSync(file)) return el.onerror?.();
      vm.runInContext(readFileSync(file, 'utf8'), ctx);
      el.onload?.();
    });
  };
  if (index) vm.runInContext(sharded ? SHARDED_JS : index, ctx);
  vm.runInContext(SEARCH_JS, ctx);
  for (const fn of document.listeners.DOMContentLoaded || []) fn();
  const api = ctx.VeiviserSearch;
  return { ctx, ids, form, timers, replaced, loaded, api, results: api.results, done: api.results?.done };
}

const { api } = page({ withResults: false });
const ix = new api.Index(vm.runInNewContext(INDEX_JS + 'window.VEIVISER_SEARCH', { window: {} }));
const docs = (q) => Array.from(ix.search(q), (h) => h.doc);
const title = (i) => ix.doc(i)[1];
const html = (list) => list.children.map((li) => li.html).join('\n');

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

test('title ranks above keywords above body; the page name breaks ties', () => {
  assert.deepEqual(docs('tjeneste'), [4, 2], 'title (niva-1) before body (samtykke)');
  const bek = docs('bekymr');
  assert.equal(bek[0], 0, 'keyword bekymringsmelding before body bekymret');
  assert.deepEqual(bek.slice(1).sort(), [3, 4]);
  const scores = ix.search('samtykke');
  assert.equal(title(scores[0].doc), 'Samtykkeerklæring');
  assert.ok(scores[0].score > scores[1].score);
  // "foreldre/" (title "Til foreldre") is named foreldre: title 10 + body 1 + exact name 3;
  // a prefix of the name adds nothing.
  const f = ix.search('foreldre');
  assert.equal(f[0].doc, 3);
  assert.equal(f[0].score, 10 + 1 + 3);
  assert.ok(ix.search('forel')[0].score < 10);
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

test('Arabic: the article, alef forms, taa marbuta and harakat do not hide a word', () => {
  // The index has "العربية: الطِّفْل والأسرة".
  assert.deepEqual(docs('طفل'), [5], 'without the article ال');
  assert.deepEqual(docs('الطفل'), [5]);
  assert.deepEqual(docs('طِفْل'), [5], 'with harakat');
  assert.deepEqual(docs('عربيه'), [5], 'taa marbuta written as haa, no article');
  assert.equal(api.stem(api.norm('أسرة'), 'ar'), api.stem(api.norm('الاسره'), 'ar'), 'alef forms');
  assert.equal(api.stem(api.norm('إبلاغ'), 'nb'), 'ابلاغ', 'on any page language');
  const s = api.snippet('اتصلوا بخدمة الطوارئ الآن', ix.stems('طوارئ'), 'ar');
  assert.ok(Array.from(s, (p) => Array.from(p)).some(([t, m]) => m && t === 'الطوارئ'), 'the snippet marks the word with its article');
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

test('renders results from ?q=, with the count in the status', async () => {
  const { ids, replaced, done } = page({ query: 'barnevern' });
  assert.equal(ids['search-input'].value, 'barnevern');
  await done;
  const list = ids['search-results'];
  assert.equal(list.children.length, 2);
  assert.equal(ids['search-status'].textContent, '2 treff for «barnevern»');
  assert.match(html(list), /<li><a href="\.\.\/tjenester\/barneverntjenesten\/">Barneverntjenesten<\/a> <span class="search-kind">Tjeneste<\/span><p><mark>Barneverntjenesten<\/mark> hjelper/);
  assert.match(html(list), /<mark>barnevernet<\/mark>/);
  assert.equal(ids['search-more'].hidden, true);
  assert.deepEqual(replaced, [], 'the first render keeps the URL');
});

test('typing re-runs the search, debounced, and updates the URL', async () => {
  const { ids, form, timers, replaced, results, done } = page({ query: 'barnevern', protocol: 'file:' });
  await done;
  const input = ids['search-input'];
  input.value = 'kjære';
  input.fire('input');
  assert.equal(timers.length, 1);
  assert.ok(timers[0].ms >= 50 && timers[0].ms <= 300);
  timers[0].fn();
  await tick();
  assert.equal(ids['search-results'].children.length, 1);
  assert.equal(ids['search-status'].textContent, '1 treff for «kjære»');
  assert.equal(replaced.at(-1), 'file:///site/fjordvik/sok/index.html?q=kj%C3%A6re');
  input.value = 'ingenting her';
  let prevented = false;
  form.fire('submit', { preventDefault: () => { prevented = true; } });
  assert.ok(prevented);
  await tick();
  assert.equal(ids['search-results'].children.length, 0);
  assert.equal(ids['search-status'].textContent, 'Ingen treff for «ingenting her»');
  input.value = '';
  form.fire('submit', { preventDefault() {} });
  await tick();
  assert.equal(ids['search-status'].textContent, '');
  assert.equal(replaced.at(-1), 'file:///site/fjordvik/sok/index.html');
  assert.ok(results);
});

test('the header search field searches on the search page itself', async () => {
  const { ids, done } = page({ header: true });
  await done;
  const header = ids['header-q'];
  header.value = 'samtykke';
  let prevented = false;
  header.form.fire('submit', { preventDefault: () => { prevented = true; } });
  assert.ok(prevented, 'does not leave the page');
  await tick();
  assert.equal(ids['search-input'].value, 'samtykke');
  assert.ok(ids['search-input'].focused);
  assert.match(ids['search-status'].textContent, /^2 treff/);
});

test('result links name index.html when the site is opened from disk', async () => {
  assert.equal(api.href('../', 'skjema/samtykke/', false), '../skjema/samtykke/');
  assert.equal(api.href('../', 'skjema/samtykke/', true), '../skjema/samtykke/index.html');
  assert.equal(api.href('../', '', true), '../index.html');
  assert.equal(api.href('../', 'veileder/niva-0/#undringssamtale', true), '../veileder/niva-0/index.html#undringssamtale');
  const { ids, done } = page({ query: 'samtykke', protocol: 'file:' });
  await done;
  assert.match(html(ids['search-results']), /href="\.\.\/skjema\/samtykke\/index\.html"/);
});

test('a sharded index loads the parts a query needs, and finds the same', async () => {
  const { ids, loaded, done, results } = page({ query: 'barnevern', sharded: true });
  await done;
  const raw = vm.runInNewContext(SHARDED_JS + 'window.VEIVISER_SEARCH', { window: {} });
  assert.equal(raw.parts, undefined, 'no part is inline');
  assert.ok(raw.shards.length > 2, 'several term shards');
  assert.ok(loaded.length >= 2 && loaded.every((src) => src.startsWith(`indeks/${raw.id}-`)), loaded.join(' '));
  const terms = loaded.filter((s) => /-t\d+\.js$/.test(s)).length;
  assert.ok(terms < raw.shards.length, `one query loads ${terms} of ${raw.shards.length} term shards`);
  assert.equal(ids['search-status'].textContent, '2 treff for «barnevern»');
  assert.match(html(ids['search-results']), /Barneverntjenesten/);
  // The same ranking as the one-file index, for many queries.
  const sharded = results.ix;
  for (const q of ['barn', 'b', 'samtykke foreldre', 'kjaere', 'nivå 1', 'tjeneste', 'الطفل', 'zzz', 'for', 'bekymr', 'a', 'ø']) {
    await sharded.ready(q);
    assert.equal(JSON.stringify(sharded.search(q)), JSON.stringify(ix.search(q)), q);
  }
  // Document chunks are loaded only for results shown.
  const ids5 = [5];
  const rows = await sharded.docs(ids5);
  assert.equal(rows[0][0], 'sider/sprak/');
});

test('"show more" adds the next results and moves focus to the first of them', async () => {
  const p = page({ sharded: true });
  await p.done;
  p.results.size = 2;
  const hits = await p.results.run('b');
  assert.ok(hits.length >= 4, `${hits.length}`);
  const list = p.ids['search-results'];
  assert.equal(list.children.length, 2);
  assert.equal(p.ids['search-more'].hidden, false);
  const first = await p.results.next();
  assert.equal(list.children.length, 4);
  assert.ok(first.focused);
  assert.equal(first, list.children[2].children[0]);
  while (!p.ids['search-more'].hidden) await p.results.next();
  assert.equal(list.children.length, hits.length);
});

test('a part that cannot be loaded says so in the status', async () => {
  const p = page({ sharded: true });
  await p.done;
  p.results.ix.id = 'missing';
  await p.results.run('samtykke');
  assert.equal(p.ids['search-status'].textContent, 'Søket kunne ikke lastes.');
});

test('everything inserted is text, never markup', async () => {
  const { ids, done } = page({ query: '<script> info' });
  await done;
  const out = html(ids['search-results']);
  assert.match(out, /<a href="\.\.\/sider\/sprak\/">&lt;Flerspråklig&gt; &amp; &quot;info&quot;<\/a>/);
  assert.match(out, /<span class="search-kind">Side &lt;b&gt;<\/span>/);
  assert.match(out, /<p>&lt;<mark>script<\/mark>&gt;alert/);
  assert.equal(ids['search-status'].textContent, '1 treff for «<script> info»');
});

test('does nothing without the index or the results list', () => {
  const a = page({ query: 'barn', index: null });
  assert.equal(a.results, null);
  assert.equal(a.ids['search-results'].children.length, 0);
  assert.equal(a.ids['search-status'].textContent, '');
  const b = page({ query: 'barn', withResults: false });
  assert.equal(b.ids['search-input'].value, '');
});
