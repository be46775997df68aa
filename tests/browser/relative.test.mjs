// `veiviser build --relative-urls` opened from disk (file://) in headless Chromium, as a
// kommune would share it on a file share or a USB stick: the whole demo folder, no server.
// Run: node --test tests/browser/relative.test.mjs
//
// - the regional landing page is styled and leads to a kommune's front page;
// - the main menu leads to another page, styled, with no failed request;
// - the header search field submits to the search page, which finds the consent form, and
//   the result opens that page from disk, styled, in another folder depth;
// - an English page's links stay in the English pages.
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
let browser;

before(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`veiviser binary not found at ${BIN}: run \`cargo build\` or set VEIVISER_BIN`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=…)`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-relative-'));
  out = path.join(tmp, 'public');
  const build = await run(BIN, ['build', '--no-pdf', '--relative-urls', '--root', ROOT, '--out', out, '--base-url', 'https://www.example.no/bti/']);
  if (build.code !== 0) throw new Error(`veiviser build failed (exit ${build.code}):\n${build.output}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

// A page that records script errors, CSP violations and requests that fail.
async function open() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  return { context, page, errors };
}

const styled = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position);

test('the landing page opened from disk is styled and leads to a kommune, whose menu leads on', async () => {
  const { context, page, errors } = await open();
  await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
  assert.equal(await styled(page), 'absolute', 'the stylesheet loads from disk');
  await Promise.all([page.waitForURL(/\/fjordvik\/index\.html$/), page.click('a[href="fjordvik/index.html"]')]);
  assert.equal(await styled(page), 'absolute');
  await Promise.all([page.waitForURL(/\/fjordvik\/skjema\/index\.html$/), page.click('.main-nav a[href="skjema/index.html"]')]);
  assert.equal(await styled(page), 'absolute');
  assert.match(await page.title(), /^Skjema/);
  // Back to the kommune's front page through the brand link, from one folder down.
  await Promise.all([page.waitForURL(/\/fjordvik\/index\.html$/), page.click('a.brand')]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the header search opened from disk finds the consent form and opens it', async () => {
  const { context, page, errors } = await open();
  await page.goto(pathToFileURL(path.join(out, 'fjordvik', 'skjema', 'index.html')).href);
  await page.fill('#header-q', 'samtykke');
  await Promise.all([page.waitForURL(/\/fjordvik\/sok\/index\.html\?q=samtykke$/), page.press('#header-q', 'Enter')]);
  await page.waitForSelector('#search-results > li a', { timeout: 5000 });
  const first = await page.$eval('#search-results > li a', (a) => a.getAttribute('href'));
  assert.equal(first, '../skjema/samtykke/index.html');
  await Promise.all([page.waitForURL(/\/fjordvik\/skjema\/samtykke\/index\.html$/), page.click('#search-results > li:first-child a')]);
  assert.match(await page.title(), /^Samtykke/);
  assert.equal(await styled(page), 'absolute', 'the result page is styled from disk');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English page opened from disk links within the English pages', async () => {
  const { context, page, errors } = await open();
  await page.goto(pathToFileURL(path.join(out, 'fjordvik', 'en', 'index.html')).href);
  assert.equal(await styled(page), 'absolute');
  await Promise.all([page.waitForURL(/\/fjordvik\/en\/skjema\/index\.html$/), page.click('.main-nav a[href="skjema/index.html"]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(errors, []);
  await context.close();
});
