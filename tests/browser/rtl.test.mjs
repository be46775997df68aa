// Right-to-left pages in headless Chromium: what an Arabic reader sees, measured from the
// rendered layout rather than read from the HTML.
// Run: node --test tests/browser/rtl.test.mjs
//
// - a phone number on an Arabic page is shown in its logical order ("10 20 31 50", not
//   "50 31 20 10") and on one line, in the footer and in the emergency box;
// - on an Arabic page whose text falls back to Norwegian, the Norwegian text is lang=nb and
//   left-to-right, while the Arabic emergency box inside it is lang=ar and right-to-left;
// - the arrows between the level boxes point in the reading direction;
// - the Arabic and Ethiopic web fonts are loaded on Arabic and Tigrinya pages only.
//
// Environment: VEIVISER_BIN (binary, default target/debug/veiviser), CHROMIUM (default
// /usr/bin/chromium).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { run } from './demo-site.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = process.env.VEIVISER_BIN || path.join(ROOT, 'target/debug/veiviser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

let tmp;
let out;
let browser;
let server;
let origin;

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };

before(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`veiviser binary not found at ${BIN}: run \`cargo build\` or set VEIVISER_BIN`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=…)`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-rtl-'));
  out = path.join(tmp, 'public');
  const build = await run(BIN, ['build', '--no-pdf', '--kommune', 'fjordvik', '--root', ROOT, '--out', out, '--base-url', 'https://www.example.no/bti/']);
  if (build.code !== 0) throw new Error(`veiviser build failed (exit ${build.code}):\n${build.output}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  // Served over HTTP (web fonts are not loaded from file://).
  server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/bti\//, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(out, rel);
    if (!file.startsWith(out) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}/bti/`;
});

after(async () => {
  await browser?.close().catch(() => {});
  server?.close();
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

async function open(rel, width = 375) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + (rel ? `${rel}/` : ''));
  await page.evaluate(() => document.fonts.ready);
  return { context, page, requests };
}

// For every phone link inside `selector`: its text, the digit groups in logical order, the
// groups sorted by where they are drawn (left to right), and how many lines it takes.
function phoneLayout(page, selector) {
  return page.$$eval(`${selector} a[href^="tel:"]`, (links) => links.map((a) => {
    const node = a.firstChild;
    const text = node.textContent;
    const groups = [];
    for (const m of text.matchAll(/\d+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const r = range.getBoundingClientRect();
      groups.push({ digits: m[0], x: r.left, top: Math.round(r.top) });
    }
    const shown = [...groups].sort((a, b) => a.x - b.x).map((g) => g.digits);
    const lines = new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size;
    return { text, logical: groups.map((g) => g.digits), shown, lines };
  }));
}

test('phone numbers on an Arabic page are drawn in their logical order, on one line', async () => {
  const { context, page } = await open('ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  for (const selector of ['.site-footer', '.acute-strip']) {
    const phones = await phoneLayout(page, selector);
    assert.ok(phones.some((p) => p.logical.length >= 4), `${selector} shows a number of four groups: ${JSON.stringify(phones)}`);
    for (const p of phones) {
      assert.deepEqual(p.shown, p.logical, `${selector}: "${p.text}" is drawn as ${p.shown.join(' ')}`);
      assert.equal(p.lines, 1, `${selector}: "${p.text}" does not wrap`);
    }
  }
  await context.close();
});

test('the emergency strip on an Arabic page with Norwegian fallback text is Arabic and right-to-left', async () => {
  const { context, page } = await open('ar/veileder/niva-1');
  assert.ok(await page.$('.fallback-note'), 'the level page falls back to Norwegian in Arabic');
  const content = await page.$eval('.page-content', (el) => ({ lang: el.lang, dir: getComputedStyle(el).direction }));
  assert.deepEqual(content, { lang: 'nb', dir: 'ltr' });
  const acute = await page.$eval('.acute-strip', (el) => ({ lang: el.closest('[lang]').lang, dir: getComputedStyle(el).direction }));
  assert.deepEqual(acute, { lang: 'ar', dir: 'rtl' });
  const phones = await phoneLayout(page, '.acute-strip');
  for (const p of phones) assert.deepEqual(p.shown, p.logical);
  await context.close();
});

test('the arrows between the level boxes point in the reading direction of the boxes', async () => {
  const arrow = (page) => page.$eval('.level-box:not(:last-child)', (el) => getComputedStyle(el, '::after').content);
  const { context, page } = await open('veileder', 1280);
  assert.equal(await arrow(page), '"→"');
  await context.close();
  // The Arabic guide shows the Norwegian level texts left to right: the arrows follow them,
  // not the page.
  const ar = await open('ar/veileder', 1280);
  assert.equal(await ar.page.$eval('.level-box', (el) => getComputedStyle(el).direction), 'ltr');
  assert.equal(await arrow(ar.page), '"→"');
  // Once the boxes are right-to-left (a translated guide), the arrows point left.
  await ar.page.$eval('.page-content', (el) => { el.dir = 'rtl'; });
  assert.equal(await arrow(ar.page), '"←"');
  await ar.context.close();
});

test('the Arabic and Ethiopic web fonts load on pages in those languages only', async () => {
  const fonts = (requests) => requests.filter((u) => u.endsWith('.woff2')).map((u) => u.replace(/.*\//, '')).sort();
  const ar = await open('ar/foreldre');
  assert.deepEqual(fonts(ar.requests), ['noto-sans-arabic-bold.woff2', 'noto-sans-arabic-regular.woff2']);
  assert.ok(await ar.page.evaluate(() => document.fonts.check('16px "Veiviser Arabic"', 'للوالدين')));
  const loaded = await ar.page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
  assert.ok(loaded.includes('"Veiviser Arabic"') || loaded.includes('Veiviser Arabic'), JSON.stringify(loaded));
  await ar.context.close();
  const ti = await open('ti/foreldre');
  assert.deepEqual(fonts(ti.requests), ['noto-sans-ethiopic-bold.woff2', 'noto-sans-ethiopic-regular.woff2']);
  await ti.context.close();
  // A Norwegian page names Arabic and Tigrinya in its language picker, yet loads no web font.
  const nb = await open('');
  assert.deepEqual(fonts(nb.requests), []);
  await nb.context.close();
});
