// Real-browser accessibility tests for the generated demo site: WCAG 2.1 AA, as PRODUCT.md
// "What the site must be" asks. Run: node --test tests/browser/   (needs `cargo build` first)
//
// before: builds the repository's demo content with the veiviser binary (VEIVISER_BIN, default
//   target/debug/veiviser) into a temporary folder, with a base URL pointing at a small static
//   server this file starts (port chosen first, then the build, since the URL holds the port).
// 1. the static server itself: MIME types, directory → index.html, 404 page, no traversal;
// 2. axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on every generated HTML page in headless
//    Chromium at 1280×900, then the same document resized to 320×800 (media queries re-apply,
//    as on a phone or at 400 % zoom of a 1280 px window) — plus the search pages with results
//    and a missing deep URL answered by 404.html. At 320 px nothing may scroll sideways. The
//    same pass reports script errors, Content-Security-Policy violations, resources that fail
//    to load and any request that leaves the site;
// 3. the Nu HTML checker (vnu.jar) over every page in one JVM;
// 4. keyboard use on the landing page, a kommune front page, level pages (nb and Arabic) and a
//    form: the first Tab reaches a visible skip link, Enter on it moves focus to
//    <main id="hovedinnhold">, and the next 30 Tab stops all show a focus indicator and are
//    scrolled into view.
//
// Environment: VEIVISER_BIN (binary), CHROMIUM (default /usr/bin/chromium),
// A11Y_CONCURRENCY (tabs checked in parallel, default 4), A11Y_ONLY (substring: only check
// pages whose path contains it — for quick local runs, e.g. A11Y_ONLY=fjordvik/skjema).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = process.env.VEIVISER_BIN || path.join(ROOT, 'target/debug/veiviser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CONCURRENCY = Math.max(1, Number(process.env.A11Y_CONCURRENCY) || 4);
const ONLY = process.env.A11Y_ONLY || '';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let tmp; // temporary folder holding the build
let out; // <tmp>/public
let server;
let baseUrl; // http://127.0.0.1:<port>/
let browser;
let pages = []; // site-relative paths of every generated HTML file, e.g. "fjordvik/index.html"

// ---------------------------------------------------------------------------------------
// Static server: GET/HEAD only, directory → index.html, 404 → nearest 404.html.
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function isDir(p) {
  try { return fs.statSync(p).isDirectory(); } catch { return false; }
}

// The nearest 404.html at or above the requested folder (a kommune built into a sub-folder
// has its own), falling back to the site root's.
function notFoundPage(root, rel) {
  let dir = path.dirname(path.join(root, rel));
  while (dir.startsWith(root)) {
    const candidate = path.join(dir, '404.html');
    if (isFile(candidate)) return candidate;
    if (dir === root) break;
    dir = path.dirname(dir);
  }
  return null;
}

function startServer(root) {
  const send = (req, res, status, file, headers = {}) => {
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const body = fs.readFileSync(file);
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const srv = http.createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
        res.end('Method not allowed');
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end('Bad request');
        return;
      }
      // No path traversal: resolve against the root and require the result to stay inside.
      const full = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
      if (pathname.includes('\0') || (full !== root && !full.startsWith(root + path.sep))) {
        res.writeHead(403, { 'Content-Type': 'text/plain' });
        res.end('Forbidden');
        return;
      }
      if (isDir(full)) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' });
          res.end();
          return;
        }
        const index = path.join(full, 'index.html');
        if (isFile(index)) return send(req, res, 200, index);
      } else if (isFile(full)) {
        return send(req, res, 200, full);
      }
      const nf = notFoundPage(root, path.relative(root, full));
      if (nf) return send(req, res, 404, nf);
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    }
  });
  return new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => resolve(srv));
  });
}

// ---------------------------------------------------------------------------------------
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function walkHtml(dir, rel = '') {
  const found = [];
  for (const entry of await fsp.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await walkHtml(dir, r)));
    else if (entry.isFile() && entry.name.endsWith('.html')) found.push(r);
  }
  return found;
}

// The URL a page is served at: "x/index.html" → "x/", "404.html" stays.
function urlFor(rel) {
  return baseUrl + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
}

before(async () => {
  if (!isFile(BIN)) {
    throw new Error(
      `veiviser binary not found at ${BIN}.\n` +
        'Run `cargo build` in the repository first, or point VEIVISER_BIN at a built binary.',
    );
  }
  if (!isFile(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=…)`);
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-a11y-'));
  out = path.join(tmp, 'public');
  await fsp.mkdir(out, { recursive: true });
  // Listen first: the base URL of the build contains the port.
  server = await startServer(out);
  baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const build = await run(BIN, ['build', '--root', ROOT, '--out', out, '--base-url', baseUrl]);
  if (build.code !== 0) {
    throw new Error(`veiviser build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
  }
  pages = (await walkHtml(out)).sort();
  if (pages.length === 0) throw new Error(`veiviser build wrote no HTML pages to ${out}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close().catch(() => {});
  await new Promise((r) => (server ? server.close(() => r()) : r()));
  if (tmp) await fsp.rm(tmp, { recursive: true, force: true });
});

// A browser context per test. The site's Content-Security-Policy stays in force (it forbids
// inline scripts, so axe-core is injected as an init script, which CSP does not govern, and
// which is also much cheaper than page.addScriptTag on every one of ~900 loads).
async function newContext(viewport = WIDE, { axe = false } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  if (axe) await context.addInitScript({ path: require.resolve('axe-core') });
  return context;
}

async function pool(items, n, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], w);
    }
  });
  await Promise.all(workers);
}

const snippet = (html) => (html || '').replace(/\s+/g, ' ').trim().slice(0, 160);

// ---------------------------------------------------------------------------------------
// The server the other tests rely on: types, directories, 404 page, no way out of the root.
test('the test server serves the build like a static host would', async () => {
  const get = (rawPath, method = 'GET') => new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, path: rawPath, method }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.once('error', reject);
    req.end();
  });
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.type, /^text\/html/);
  const css = pages.length && (await fsp.readdir(path.join(out, 'assets'), { recursive: true })).find((f) => f.endsWith('.css'));
  if (css) assert.match((await get(`/assets/${css}`)).type, /^text\/css/);
  const missing = await get('/finnes-ikke/');
  assert.equal(missing.status, 404);
  assert.match(missing.body, /<html/);
  for (const evil of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd']) {
    const r = await get(evil);
    assert.ok(![200, 301].includes(r.status) && !r.body.includes('root:'), `${evil} answered ${r.status}`);
  }
  assert.equal((await get('/', 'POST')).status, 405);
  assert.equal((await get('/', 'HEAD')).body, '');
  const dir = pages.find((p) => p.endsWith('/index.html'));
  if (dir) {
    const r = await get('/' + dir.slice(0, -'/index.html'.length));
    assert.equal(r.status, 301);
  }
});

// ---------------------------------------------------------------------------------------
test('axe-core finds no WCAG 2.1 A/AA violations on any page at 1280 px and 320 px, and nothing scrolls sideways at 320 px', async () => {
  const checked = pages.filter((p) => p.includes(ONLY)).map((rel) => ({ rel, url: urlFor(rel) }));
  // The search pages once more with results on screen (the result list is built by script).
  for (const rel of pages.filter((p) => /(^|\/)sok\/index\.html$/.test(p) && p.includes(ONLY))) {
    checked.push({ rel, url: `${urlFor(rel)}?q=barnet`, search: true });
  }
  // A missing address deep in the site gets the 404 page, which must still find its
  // stylesheet and links from there (the server answers with the nearest 404.html).
  for (const rel of pages.filter((p) => p.endsWith('404.html') && p.includes(ONLY))) {
    const dir = rel.slice(0, -'404.html'.length);
    checked.push({ rel, url: `${baseUrl}${dir}finnes-ikke/heller-ikke-her/`, status: 404 });
  }
  const violations = []; // { url, width, rule, impact, help, helpUrl, targets, html }
  const overflow = []; // { url, scrollWidth, innerWidth, culprits }
  const failures = []; // pages that did not load or where axe failed
  const foreign = []; // requests that left the local server
  const errors = []; // script errors and Content-Security-Policy violations
  const broken = []; // stylesheets, scripts, images… that did not load
  const context = await newContext(WIDE, { axe: true });
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('about:')) foreign.push(u);
  });
  context.on('response', (resp) => {
    const req = resp.request();
    // The browser asks for /favicon.ico by itself; the site is not required to have one.
    if (resp.status() >= 400 && !req.isNavigationRequest() && !resp.url().endsWith('/favicon.ico')) {
      broken.push(`${resp.url()} (HTTP ${resp.status()}, from ${req.frame().url()})`);
    }
  });
  context.on('requestfailed', (req) => broken.push(`${req.url()} (${req.failure()?.errorText})`));
  const tabs = await Promise.all(Array.from({ length: CONCURRENCY }, () => context.newPage()));
  for (const tab of tabs) {
    tab.on('pageerror', (err) => errors.push(`${tab.url()}: ${err.message.split('\n')[0]}`));
    tab.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) {
        errors.push(`${tab.url()}: ${msg.text().slice(0, 200)}`);
      }
    });
  }

  const axe = async (tab, url, width) => {
    const result = await tab.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary })),
      }));
    }, AXE_TAGS);
    for (const v of result) {
      for (const node of v.nodes) {
        violations.push({
          url, width, rule: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          targets: node.target.join(' '), html: snippet(node.html), summary: node.summary,
        });
      }
    }
  };

  await pool(checked, CONCURRENCY, async ({ url, search, status = 200 }, w) => {
    const tab = tabs[w];
    try {
      await tab.setViewportSize(WIDE);
      const resp = await tab.goto(url, { waitUntil: 'load' });
      if (!resp || resp.status() !== status) {
        failures.push(`${url}: HTTP ${resp ? resp.status() : 'no response'}`);
      }
      if (search) {
        await tab.waitForFunction(() => document.getElementById('search-status')?.textContent.trim(), null, { timeout: 5000 })
          .catch(() => failures.push(`${url}: the search status never said anything`));
      }
      await axe(tab, url, WIDE.width);
      // Same document at 320 px: media queries re-apply, as they do on a phone or at 400 %.
      await tab.setViewportSize(NARROW);
      await axe(tab, url, NARROW.width);
      const o = await tab.evaluate(() => {
        const sw = document.documentElement.scrollWidth;
        const iw = window.innerWidth;
        if (sw <= iw + 1) return null;
        // Name the elements that stick out, innermost first, to make the report useful.
        const culprits = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.right > iw + 1 || r.left < -1) {
            if ([...el.children].some((c) => {
              const cr = c.getBoundingClientRect();
              return cr.width > 0 && (cr.right > iw + 1 || cr.left < -1);
            })) continue;
            const id = el.id ? `#${el.id}` : '';
            const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
            culprits.push(`${el.tagName.toLowerCase()}${id}${cls} (${Math.round(r.left)}…${Math.round(r.right)}px) "${(el.textContent || '').trim().slice(0, 40)}"`);
            if (culprits.length >= 3) break;
          }
        }
        return { scrollWidth: sw, innerWidth: iw, culprits };
      });
      if (o) overflow.push({ url, ...o });
    } catch (err) {
      failures.push(`${url}: ${err.message.split('\n')[0]}`);
    }
  });
  await context.close();

  const report = [];
  if (failures.length) {
    report.push(`${failures.length} page(s) could not be checked:`, ...failures.slice(0, 20).map((f) => `  ${f}`));
  }
  if (violations.length) {
    const byRule = new Map();
    for (const v of violations) {
      if (!byRule.has(v.rule)) byRule.set(v.rule, []);
      byRule.get(v.rule).push(v);
    }
    report.push(`axe-core: ${violations.length} violating element(s) in ${byRule.size} rule(s):`);
    for (const [rule, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
      const urls = new Set(list.map((v) => v.url));
      const first = list[0];
      report.push(`\n● ${rule} (${first.impact}) — ${first.help}: ${list.length} element(s) on ${urls.size} page(s)`);
      report.push(`  ${first.helpUrl}`);
      const seen = new Set();
      for (const v of list) {
        const key = `${v.targets}|${v.width}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report.push(`  - ${v.url} @${v.width}px  ${v.targets}\n      ${v.html}`);
        if (v.summary) report.push(`      ${v.summary.replace(/\s*\n\s*/g, ' | ').slice(0, 300)}`);
        if (seen.size >= 4) break;
      }
    }
  }
  if (overflow.length) {
    report.push(`\nHorizontal scrolling at 320 px on ${overflow.length} page(s) (content must reflow at 400 % zoom):`);
    for (const o of overflow.slice(0, 15)) {
      report.push(`  - ${o.url}: scrollWidth ${o.scrollWidth} > ${o.innerWidth}`);
      for (const c of o.culprits) report.push(`      ${c}`);
    }
    if (overflow.length > 15) report.push(`  … and ${overflow.length - 15} more`);
  }
  if (errors.length) {
    report.push(`\nScript errors or Content-Security-Policy violations:`);
    for (const e of [...new Set(errors)].slice(0, 10)) report.push(`  - ${e}`);
  }
  if (broken.length) {
    report.push(`\nResources that failed to load:`);
    for (const b of [...new Set(broken)].slice(0, 10)) report.push(`  - ${b}`);
  }
  if (foreign.length) {
    report.push(`\nRequests that left the site (no third-party requests allowed):`);
    for (const u of [...new Set(foreign)].slice(0, 10)) report.push(`  - ${u}`);
  }
  assert.ok(checked.length > 0, `no pages matched A11Y_ONLY=${ONLY}`);
  assert.equal(report.length, 0, `Checked ${checked.length} pages at 1280 and 320 px.\n${report.join('\n')}`);
});

// ---------------------------------------------------------------------------------------
test('the Nu HTML checker reports no errors on any page', async () => {
  const vnuJar = require('vnu-jar');
  const files = pages.filter((p) => p.includes(ONLY)).map((p) => path.join(out, p));
  const result = await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
    cwd: out,
  });
  // vnu writes its JSON report to stderr; exit code 1 means "errors found".
  const raw = [result.stderr, result.stdout].find((s) => s.trim().startsWith('{'));
  assert.ok(raw, `vnu produced no JSON (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  const messages = JSON.parse(raw).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  const lines = messages.map((m) => {
    const file = m.url ? path.relative(out, new URL(m.url).pathname) : '?';
    return `  ${file}:${m.lastLine ?? m.firstLine ?? '?'}:${m.lastColumn ?? m.firstColumn ?? '?'}: ${m.message}${m.extract ? `\n      ${snippet(m.extract)}` : ''}`;
  });
  // Group identical messages so a template error on 400 pages reads as one problem.
  const byMessage = new Map();
  messages.forEach((m, i) => {
    if (!byMessage.has(m.message)) byMessage.set(m.message, []);
    byMessage.get(m.message).push(lines[i]);
  });
  const report = [];
  for (const [msg, list] of byMessage) {
    report.push(`● ${msg} — ${list.length} time(s)`, ...list.slice(0, 4));
  }
  assert.equal(messages.length, 0, `vnu: ${messages.length} error(s) in ${files.length} files:\n${report.join('\n')}`);
  assert.equal(result.code, 0, `vnu exited with ${result.code}:\n${result.stderr.slice(0, 2000)}`);
});

// ---------------------------------------------------------------------------------------
// Keyboard: skip link, focus to main, visible focus on the next 30 Tab stops.
const KEYBOARD_PAGES = [
  '', 'fjordvik/', 'fjordvik/veileder/niva-1/', 'fjordvik/ar/veileder/niva-1/', 'fjordvik/skjema/samtykke/',
];

for (const viewport of [WIDE, NARROW]) {
  for (const rel of KEYBOARD_PAGES) {
    test(`keyboard: skip link, focus to main and visible focus on /${rel} at ${viewport.width} px`, async (t) => {
      if (!pages.includes(rel + 'index.html')) {
        t.skip(`/${rel} is not in the demo site`);
        return;
      }
      const context = await newContext(viewport);
      const page = await context.newPage();
      try {
        const url = baseUrl + rel;
        const resp = await page.goto(url, { waitUntil: 'load' });
        assert.equal(resp.status(), 200, `${url} answered ${resp.status()}`);

        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return {
            tag: el.tagName, cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
            rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height },
            vw: window.innerWidth, vh: window.innerHeight,
          };
        });
        assert.ok(
          skip.tag === 'A' && /\bskip-link\b/.test(skip.cls),
          `${url}: the first Tab should focus <a class="skip-link">, got <${skip.tag.toLowerCase()} class="${skip.cls}">${skip.text}`,
        );
        assert.ok(skip.text.length > 0, `${url}: the skip link has no text`);
        const r = skip.rect;
        assert.ok(
          r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= skip.vh && r.right <= skip.vw,
          `${url}: the focused skip link must be visible inside the viewport, got ${JSON.stringify(r)} in ${skip.vw}×${skip.vh}`,
        );

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'hovedinnhold', null, { timeout: 2000 })
          .catch(() => {});
        const active = await page.evaluate(() => `${document.activeElement.tagName.toLowerCase()}#${document.activeElement.id}`);
        assert.equal(active, 'main#hovedinnhold', `${url}: Enter on the skip link should move focus to <main id="hovedinnhold">`);

        // How many Tab stops follow the start of <main> (to notice focus getting stuck).
        const after = await page.evaluate(() => {
          const main = document.getElementById('hovedinnhold');
          const sel = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
          return [...document.querySelectorAll(sel)].filter((el) =>
            (main.compareDocumentPosition(el) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) &&
            el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' &&
            // a group of radio buttons is one Tab stop
            !(el.type === 'radio' && el.name && el !== document.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]`))).length;
        });
        const problems = [];
        let previous = null;
        let visited = 0;
        let same = 0;
        for (let i = 1; i <= 30; i++) {
          await page.keyboard.press('Tab');
          const f = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const cs = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
            const shadow = cs.boxShadow && cs.boxShadow !== 'none';
            const desc = `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''}> "${(el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
            // A number per element, to notice focus that no longer moves.
            window.__tabIds ||= new WeakMap();
            if (!window.__tabIds.has(el)) window.__tabIds.set(el, (window.__tabN = (window.__tabN || 0) + 1));
            return {
              desc,
              key: window.__tabIds.get(el),
              visibleFocus: outline || shadow,
              inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
              style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
              rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`,
            };
          });
          if (!f) break; // past the last focusable element
          // A date field takes several Tab presses (day, month, year, calendar button);
          // the same element many times in a row means focus is stuck.
          same = previous === f.key ? same + 1 : 0;
          if (same >= 5) { problems.push(`Tab ${i}: focus stays on ${f.desc}`); break; }
          previous = f.key;
          visited++;
          if (!f.visibleFocus) problems.push(`Tab ${i}: ${f.desc} has no visible focus indicator (${f.style})`);
          if (!f.inView) problems.push(`Tab ${i}: ${f.desc} is outside the viewport when focused (${f.rect})`);
        }
        assert.deepEqual(problems, [], `${url} at ${viewport.width} px:\n${problems.join('\n')}`);
        assert.ok(
          visited >= Math.min(30, after) - 1,
          `${url}: Tab reached only ${visited} elements after the skip link, but ${after} focusable elements follow <main>`,
        );
      } finally {
        await context.close();
      }
    });
  }
}
