// The browser editor of `veiviser serve` (issue 19), in headless Chromium: Decap CMS at
// /admin/ edits a copy of the demo through its forms, saves, and the change is in the file
// on disk and on the served page; the editor's file API refuses a foreign origin and paths
// outside content/. Run: node --test tests/browser/cms.test.mjs
//
// Environment: VEIVISER_BIN (binary, default target/debug/veiviser), CHROMIUM
// (default /usr/bin/chromium), SCREENSHOTS (a folder: the walkthrough's screenshots are
// written there, for docs/screenshots/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = process.env.VEIVISER_BIN || path.join(ROOT, 'target/debug/veiviser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const SHOTS = process.env.SCREENSHOTS;

let tmp;
let serve;
let url;
let browser;

/** Start `veiviser serve` on a free port and wait for its address. */
function startServe(root) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ['serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (d) => {
      output += d;
      const m = output.match(/(http:\/\/\S+\/)\s/);
      if (m) resolve({ child, url: m[1], log: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => { output += d; });
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`veiviser serve stopped (${code}):\n${output}`)));
  });
}

async function waitFor(what, check, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name) });
}

before(async () => {
  if (!fs.existsSync(BIN)) throw new Error(`veiviser binary not found at ${BIN}`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-cms-'));
  await fsp.cp(path.join(ROOT, 'content'), path.join(tmp, 'content'), { recursive: true });
  await fsp.copyFile(path.join(ROOT, 'veiviser.yaml'), path.join(tmp, 'veiviser.yaml'));
  serve = await startServe(tmp);
  url = serve.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  serve?.child.kill();
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

async function openEditor(page, hash) {
  await page.goto(`${url}admin/`);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByText('Samlinger').first().waitFor();
  if (hash) await page.goto(`${url}admin/#${hash}`);
}

async function publish(page) {
  await page.getByRole('button', { name: 'Publiser' }).first().click();
  await page.getByText('Publiser nå').first().click();
}

test("Decap accepts the generated configuration: its own config schema, every collection shown", { timeout: 240000 }, async () => {
  // Decap validates config.yml against its configuration schema (ajv, in the pinned bundle)
  // before it shows anything; an invalid one shows "Config Errors" and no collections.
  const config = await (await fetch(`${url}admin/config.yml`)).text();
  // One top-level list item per collection (written at the margin or indented under
  // `collections:`, depending on the YAML writer).
  const count = (config.match(/^ {0,2}- (create|delete|description|editor|extension|fields|files|folder|format|i18n|identifier_field|label|name|slug): /gm) || []).length;
  assert.ok(count > 10, `collections found in config.yml: ${count}`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openEditor(page);
  // The sidebar's links (not the entries of the open collection, nor its "new" button).
  const links = page.locator('a[href^="#/collections/"]:not([href*="/entries/"]):not([href$="/new"])');
  await waitFor('the collections', async () => (await links.count()) >= count);
  assert.equal(await links.count(), count);
  assert.ok(!(await page.locator('body').innerText()).includes('Config Errors'));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a service's phone number changed in the editor is in the file and on the page", { timeout: 240000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const file = path.join(tmp, 'content/fjordvik/tjenester/helsestasjon.yaml');
  const siblings = () => fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('helsestasjon')).sort();
  const before = siblings();
  await page.goto(`${url}fjordvik/tjenester/helsestasjon/`);
  await shot(page, 'redigering-1-forhandsvisning.png');
  await openEditor(page);
  await shot(page, 'redigering-2-samlinger.png');
  await page.goto(`${url}admin/#/collections/fjordvik-tjenester/entries/helsestasjon`);
  const phone = page.getByLabel('Telefon').first();
  assert.equal(await phone.inputValue(), '10 20 31 00');
  await phone.fill('10 20 99 88');
  await phone.scrollIntoViewIfNeeded();
  await shot(page, 'redigering-3-telefon.png');
  await publish(page);
  await waitFor('the saved file', () => fs.readFileSync(file, 'utf8').includes('10 20 99 88'));
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /phone: 10 20 99 88|phone: '10 20 99 88'|phone: "10 20 99 88"/);
  assert.ok(!text.includes('10 20 31 00'), text);
  // Only the default language was edited: no translation file appears or disappears.
  assert.deepEqual(siblings(), before);
  await waitFor('the served page', async () => {
    const html = await (await fetch(`${url}fjordvik/tjenester/helsestasjon/`)).text();
    return html.includes('10 20 99 88');
  }, 90000);
  await page.goto(`${url}fjordvik/tjenester/helsestasjon/`);
  await page.getByText('10 20 99 88').first().waitFor();
  await shot(page, 'redigering-4-resultat.png');
  await page.close();
});

test("a level step's text changed in the editor is in the file and on the page", { timeout: 240000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const file = path.join(tmp, 'content/felles/veileder/niva-1.md');
  await openEditor(page, '/collections/felles-veileder/entries/niva-1');
  // Open the first step and replace its "Hvordan?" text (rich text editor).
  const step = page.getByText('Utpek en stafettholder', { exact: true }).first();
  await step.locator('xpath=ancestor::div[contains(@class,"ListItem")][1]/div[1]/button[1]').click();
  const how = page.locator("xpath=(//label[normalize-space()='Hvordan?'])[1]/following::*[@contenteditable='true'][1]");
  await how.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Velg en stafettholder som kjenner barnet godt.');
  await publish(page);
  await waitFor('the saved file', () => fs.readFileSync(file, 'utf8').includes('Velg en stafettholder som kjenner barnet godt.'));
  const text = fs.readFileSync(file, 'utf8');
  assert.match(text, /^---\n[\s\S]*\n---\n/, 'front matter kept');
  assert.match(text, /title: "?Utpek en stafettholder"?/);
  // The preview rebuilds (a front matter change is a full build) and shows the new text.
  await waitFor('the served level page', async () => {
    const html = await (await fetch(`${url}fjordvik/veileder/niva-1/`)).text();
    return html.includes('Velg en stafettholder som kjenner barnet godt.');
  }, 90000);
  await page.close();
});

test('the file API refuses a foreign origin and paths outside content/', { timeout: 240000 }, async () => {
  const api = `${url}admin/api/v1`;
  const post = (body, headers = {}) => fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url.replace(/\/$/, ''), ...headers },
    body: JSON.stringify(body),
  });
  const persist = (p) => ({ action: 'persistEntry', params: { dataFiles: [{ path: p, raw: 'x: 1\n' }], assets: [] } });
  const foreign = await post(persist('content/fjordvik/tjenester/ny.yaml'), { Origin: 'http://evil.example' });
  assert.equal(foreign.status, 403);
  assert.ok(!fs.existsSync(path.join(tmp, 'content/fjordvik/tjenester/ny.yaml')));
  for (const bad of ['content/../veiviser.yaml', '/etc/passwd', 'veiviser.yaml', 'themes/x.html']) {
    const res = await post(persist(bad));
    assert.equal(res.status, 403, bad);
    assert.match((await res.json()).error, /avvist/i);
  }
  assert.equal(fs.readFileSync(path.join(tmp, 'veiviser.yaml'), 'utf8'), fs.readFileSync(path.join(ROOT, 'veiviser.yaml'), 'utf8'));
  // From a page of another site, in the browser: refused as well.
  const page = await browser.newPage();
  await page.route('http://evil.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<p>x</p>' }));
  await page.goto('http://evil.example/');
  const written = path.join(tmp, 'content/fjordvik/tjenester/fra-nettside.yaml');
  const body = JSON.stringify(persist('content/fjordvik/tjenester/fra-nettside.yaml'));
  const outcome = await page.evaluate(async ({ target, body }) => {
    const results = [];
    // A simple request (no preflight) and a JSON one (preflighted): neither may write.
    for (const type of ['text/plain', 'application/json']) {
      try {
        const res = await fetch(target, { method: 'POST', mode: type === 'text/plain' ? 'no-cors' : 'cors', headers: { 'Content-Type': type }, body });
        results.push(res.type);
      } catch (e) { results.push('blocked'); }
    }
    return results;
  }, { target: api, body });
  assert.equal(outcome.length, 2);
  assert.ok(!fs.existsSync(written), `a foreign page wrote ${written} (${outcome})`);
  await page.close();
});
