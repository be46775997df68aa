// End-to-end test of the site search and the A–Å index in headless Chromium, on the demo
// content (issue 8). Run: node --test tests/browser/search.test.mjs
//
// Builds the repository's demo with the veiviser binary (VEIVISER_BIN, default
// target/debug/veiviser — run `cargo build` first) into a temporary folder, serves it with a
// small static server, and checks as a worried employee would use it:
// - the words from the issue (samtykke, barnevernet, barna, bekymringsmelding) put the right
//   form, service or page first, typed into the search page's field;
// - results are announced in the live region, snippets mark the words, the keyboard reaches
//   the results;
// - the header field on any page submits to sok/?q= and the search page runs that query;
// - the search works from a copy of the built folder opened from disk (file://);
// - the A–Å page lists keywords and titles in Norwegian order and works without JavaScript.
//
// Environment: VEIVISER_BIN (binary), CHROMIUM (default /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from './demo-site.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = process.env.VEIVISER_BIN || path.join(ROOT, 'target/debug/veiviser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

let tmp;
let out;
let server;
let baseUrl;
let browser;

const MIME = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

function startServer(root) {
  const srv = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) { res.writeHead(301, { Location: pathname + '/' }).end(); return; }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'); return; }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

before(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`veiviser binary not found at ${BIN}: run \`cargo build\` or set VEIVISER_BIN`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=…)`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-search-'));
  out = path.join(tmp, 'public');
  server = await startServer(out);
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const build = await run(BIN, ['build', '--root', ROOT, '--out', out, '--base-url', baseUrl]);
  if (build.code !== 0) throw new Error(`veiviser build failed (exit ${build.code}):\n${build.output}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => (server ? server.close(() => r()) : r()));
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

// A page that records script errors and Content-Security-Policy violations.
async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text()); });
  // The browser asks for /favicon.ico by itself; the site is not required to have one.
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.url()}: HTTP ${r.status()}`); });
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  return { context, page, errors };
}

// Waits until the live region reports the results of q; returns the results shown.
async function results(page, q) {
  await page.waitForFunction((q) => {
    const s = document.getElementById('search-status').textContent;
    return s.includes(`«${q}»`) || s.includes(`“${q}”`);
  }, q, { timeout: 5000 });
  return page.$$eval('#search-results > li', (lis) => lis.map((li) => ({
    href: li.querySelector('a').getAttribute('href'),
    title: li.querySelector('a').textContent,
    kind: li.querySelector('.search-kind').textContent,
    snippet: li.querySelector('p').innerHTML,
  })));
}

// What a worried employee types, and what must come first.
const EXPECTED = [
  { q: 'samtykke', href: /\/skjema\/samtykke\/$/, title: /^Samtykke/, why: 'the consent form' },
  { q: 'bekymringsmelding', href: /\/skjema\/bekymringsmelding\/$/, title: /^Bekymringsmelding/, why: 'the report-of-concern form' },
  { q: 'barnevernet', href: /\/tjenester\/barnevern\/$/, title: /^Barneverntjenesten$/, why: 'the child welfare service (whom to call)' },
  { q: 'barna', href: /\//, title: /\bbarn/i, why: 'a page about children (barn, barnet, barna) by its title' },
];

test('typed queries put the expected form, service or page first, announced in the live region', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${baseUrl}fjordvik/sok/`);
  const status = page.locator('#search-status');
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await status.getAttribute('aria-live'), 'polite');
  for (const { q, href, title, why } of EXPECTED) {
    await page.fill('#search-input', '');
    await page.focus('#search-input');
    await page.keyboard.type(q, { delay: 15 });
    const found = await results(page, q);
    assert.ok(found.length > 0, `${q}: no results`);
    const first = found[0];
    assert.match(first.href, href, `${q}: first result should be ${why}, got ${first.title} (${first.href})`);
    assert.match(first.title, title, `${q}: first result should be ${why}, got ${first.title}`);
    const total = Number((await status.textContent()).match(new RegExp(`^(\\d+) treff for «${q}»\\.$`))?.[1]);
    assert.ok(total >= found.length && found.length === Math.min(total, 10), `${q}: status ${await status.textContent()}, ${found.length} shown`);
    assert.ok(found.some((r) => r.snippet.includes('<mark>')), `${q}: no snippet marks the word`);
    assert.equal(new URL(page.url()).searchParams.get('q'), q, 'the address keeps the query');
  }
  // Inflected forms meet: barnet, barna and barn find the same pages.
  const barn = new Set((await (async () => { await page.fill('#search-input', 'barn'); return results(page, 'barn'); })()).map((r) => r.href));
  await page.fill('#search-input', 'barnet');
  const barnet = await results(page, 'barnet');
  assert.deepEqual(new Set(barnet.map((r) => r.href)), barn);
  // The first consent result's snippet marks the word.
  await page.fill('#search-input', 'samtykke');
  const samtykke = await results(page, 'samtykke');
  assert.match(samtykke[0].snippet, /<mark>Samtykke\w*<\/mark>/i);
  // A step of a level is a result of its own, linking to the step (the glossary's own
  // entry for the word comes first).
  await page.fill('#search-input', 'stafettholder');
  const steps = await results(page, 'stafettholder');
  assert.match(steps[0].href, /\/ordliste\/#stafettholder$/, JSON.stringify(steps[0]));
  const step = steps.find((r) => /\/veileder\/niva-1\/#[a-z-]+$/.test(r.href));
  assert.ok(step, JSON.stringify(steps));
  assert.match(step.kind, /Nivå 1 · Steg \d/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the header field on any page submits to sok/?q= and the search page runs the query on load', async () => {
  const { context, page, errors } = await open();
  await page.goto(`${baseUrl}fjordvik/veileder/niva-0/`);
  const form = page.locator('form.header-search');
  assert.match(await form.getAttribute('action'), /\/fjordvik\/sok\/$/);
  await page.fill('#header-q', 'bekymringsmelding');
  await Promise.all([page.waitForURL(/\/fjordvik\/sok\/\?q=bekymringsmelding$/), page.press('#header-q', 'Enter')]);
  const found = await results(page, 'bekymringsmelding');
  assert.match(found[0].href, /\/skjema\/bekymringsmelding\/$/);
  assert.equal(await page.inputValue('#search-input'), 'bekymringsmelding');
  // Another language: the English search page loads its own index.
  await page.goto(`${baseUrl}fjordvik/en/sok/?q=consent`);
  const en = await results(page, 'consent');
  assert.match(en[0].href, /\/skjema\/samtykke\/$/, JSON.stringify(en[0]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: from the search field, Tab reaches the first result, Enter opens it', async () => {
  const { context, page } = await open();
  await page.goto(`${baseUrl}fjordvik/sok/`);
  await page.focus('#search-input');
  await page.keyboard.type('samtykke');
  await results(page, 'samtykke');
  let reached = false;
  for (let i = 0; i < 3 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement === document.querySelector('#search-results > li a'));
  }
  assert.ok(reached, 'Tab from the search field (past its button) reaches the first result');
  const visible = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.outlineStyle !== 'none' || s.boxShadow !== 'none';
  });
  assert.ok(visible, 'the focused result shows a focus indicator');
  await Promise.all([page.waitForURL(/\/skjema\/samtykke\/$/), page.keyboard.press('Enter')]);
  assert.match(await page.title(), /^Samtykke/);
  await context.close();
});

test('search works from a copy of the site opened from disk (file://)', async () => {
  const copy = path.join(tmp, 'kopi', 'fjordvik');
  await fsp.cp(path.join(out, 'fjordvik'), copy, { recursive: true });
  const { context, page, errors } = await open();
  const url = `${pathToFileURL(path.join(copy, 'sok', 'index.html')).href}?q=samtykke`;
  await page.goto(url);
  const found = await results(page, 'samtykke');
  assert.match(found[0].href, /^\.\.\/skjema\/samtykke\/index\.html$/);
  assert.ok(found[0].snippet.includes('<mark>'));
  // The page is styled (relative stylesheet), and typing works without a server.
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);
  assert.equal(styled, 'absolute', 'the stylesheet loads from disk');
  await page.fill('#search-input', 'barnevernet');
  const bv = await results(page, 'barnevernet');
  assert.match(bv[0].href, /^\.\.\/tjenester\/barnevern\/index\.html$/);
  assert.deepEqual(errors, []);
  // A result opens its page from disk (that page's own links and stylesheet are
  // site-absolute, so only the search page is styled from disk).
  await Promise.all([page.waitForURL(/tjenester\/barnevern\/index\.html$/), page.click('#search-results > li:first-child a')]);
  assert.match(await page.title(), /^Barneverntjenesten/);
  await context.close();
});

test('the A–Å page groups keywords and titles in Norwegian order and works without JavaScript', async () => {
  const { context, page, errors } = await open({ javaScriptEnabled: false });
  // The search page points to it when JavaScript is off (and always, below the results).
  await page.goto(`${baseUrl}fjordvik/sok/`);
  assert.ok(await page.locator('noscript').count());
  await page.click('.search-az a');
  assert.match(page.url(), /\/fjordvik\/a-a\/$/);
  assert.match(await page.title(), /Stikkord A–Å/);
  // Footer link on every page.
  assert.equal(await page.locator('footer a[href$="/fjordvik/a-a/"]').count(), 1);
  const letters = await page.$$eval('.az-letters li', (lis) => lis.map((li) => ({ text: li.textContent.trim(), link: !!li.querySelector('a') })));
  const alphabet = letters.map((l) => l.text).filter((t) => /^[A-ZÆØÅ]$/.test(t));
  assert.equal(alphabet.join(''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ');
  const groups = await page.$$eval('.az-group', (gs) => gs.map((g) => ({
    id: g.querySelector('h2').id,
    letter: g.querySelector('h2').textContent,
    entries: [...g.querySelectorAll('.az-list > li')].map((li) => (li.querySelector('.az-term') || li.querySelector('a')).textContent),
  })));
  // Links exactly for the letters that have entries.
  for (const l of letters) assert.equal(l.link, groups.some((g) => g.letter === l.text), `letter ${l.text}`);
  const order = groups.map((g) => g.letter).filter((l) => /^[A-ZÆØÅ]$/.test(l));
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ';
  assert.deepEqual(order, [...order].sort((a, b) => ALPHA.indexOf(a) - ALPHA.indexOf(b)));
  // Within a group, Norwegian order (case-insensitive; æ, ø, å after z).
  const collator = new Intl.Collator('nb', { sensitivity: 'base' });
  for (const g of groups) {
    const sorted = [...g.entries].sort(collator.compare);
    assert.deepEqual(g.entries.map((e) => e.toLowerCase()), sorted.map((e) => e.toLowerCase()), `group ${g.letter}`);
  }
  const s = groups.find((g) => g.letter === 'S');
  assert.ok(s.entries.some((e) => /^Samtykke til samarbeid/.test(e)), 'form title under S');
  assert.ok(s.entries.some((e) => e.toLowerCase() === 'samtykke'), 'keyword samtykke under S');
  // A keyword links to every page it belongs to.
  const samtykke = page.locator('.az-list > li', { has: page.locator('.az-term', { hasText: /^samtykke$/i }) });
  const targets = await samtykke.locator('.az-targets a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(targets.some((h) => h.endsWith('/skjema/samtykke/')) && targets.length >= 2, targets.join(' '));
  // Every link on the page works.
  const hrefs = await page.$$eval('main a[href]', (as) => [...new Set(as.map((a) => a.href))]);
  for (const h of hrefs) {
    const u = new URL(h);
    if (u.origin !== new URL(baseUrl).origin) continue;
    const r = await page.request.get(u.origin + u.pathname);
    assert.equal(r.status(), 200, h);
    if (u.hash) {
      const id = decodeURIComponent(u.hash.slice(1));
      if (u.pathname === new URL(page.url()).pathname) assert.ok(await page.locator(`[id="${id}"]`).count(), h);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('what a film says is found: its transcript (from the captions) is in the search index', async () => {
  const { context, page, errors } = await open();
  // The demo film on the training module has English captions; the English pages show its
  // English transcript, though the module itself has no English text.
  await page.goto(`${baseUrl}fjordvik/en/sok/`);
  await page.fill('#search-input', 'hello');
  const found = await results(page, 'hello');
  assert.ok(found.some((r) => /\/opplaering\/bruk-av-veilederen\/$/.test(r.href)), JSON.stringify(found));
  assert.deepEqual(errors, []);
  await context.close();
});
