#!/usr/bin/env node
// Search benchmark: veiviser's own index against Pagefind, on the same built sites.
//
//   node scripts/bench-search.mjs [--pages 1000[,5000]] [--queries 50] [--write] [--keep]
//   node scripts/bench-search.mjs --generate DIR [--pages N]   (only write a generated site)
//
// For the demo kommune (fjordvik, built alone) and for generated sites of --pages pages
// (synthetic content in veiviser's format: services, free pages and training modules with
// Norwegian text recombined from the demo, plus a long tail of generated words and names,
// on top of the demo's shared base), it:
//
// 1. builds the site with the release binary (`cargo build --release` first, or
//    VEIVISER_BIN) under /usr/bin/time -v: wall time and peak RSS of the whole build, and
//    the time spent building the search index (VEIVISER_TIMINGS=1);
// 2. runs Pagefind (npm package `pagefind`, installed by this script into a cache folder
//    under the system temp dir) over the same output, under /usr/bin/time -v;
// 3. serves the output with gzip (level 6, like a typical web server; Pagefind's own
//    pre-compressed index files are sent as they are) and, in headless Chromium, runs first
//    queries in a fresh browser context each, summing the transferred (encoded) body sizes
//    of the responses each engine needs: veiviser's search page (search.js, sok/indeks.js,
//    the parts it loads, excerpts of the first ten results shown); Pagefind's JS API
//    (pagefind.js, its WebAssembly, entry/meta, index chunks, and the fragments of the first
//    ten results, i.e. `search()` then `data()` of ten — lighter than Pagefind's own UI);
// 4. on the generated site, times --queries queries (performance.now() around the search
//    call): cold (first time, loading what it needs from the local server), warm (data
//    downloaded, nothing decoded yet — veiviser only) and repeated;
// 5. prints a Markdown report; --write puts it into docs/benchmarks.md between the
//    `<!-- search-bench:start -->` and `<!-- search-bench:end -->` markers.
//
// Environment: VEIVISER_BIN, CHROMIUM (default /usr/bin/chromium), PAGEFIND_VERSION
// (default 1.6.0).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PAGEFIND_VERSION = process.env.PAGEFIND_VERSION || '1.6.0';
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? dflt : args[i + 1];
};
const SIZES = String(opt('pages', '1000')).split(',').map(Number).filter(Boolean);
const QUERIES = Number(opt('queries', '50'));
const WRITE = args.includes('--write');
const KEEP = args.includes('--keep');
const FIRST_QUERIES = ['barnevern', 'samtykke', 'bekymringsmelding', 'foreldre', 'helsesykepleier'];

const log = (...a) => console.error('[bench]', ...a);

// --------------------------------------------------------------------------------------
// Deterministic random numbers (mulberry32), so every run generates the same site.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
// Zipf-like pick: early entries much more often than late ones.
const zipf = (r, list) => list[Math.min(list.length - 1, Math.floor(list.length * r() ** 3))];

// Sentences of the demo's bokmål content (Markdown bodies and YAML text values).
function demoSentences() {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'bjorkedal') walk(p); } // bjorkedal is nynorsk
      else if (/^[^.]+\.(md|yaml)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, 'content'));
  const sentences = new Set();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8')
      .replace(/\{\{[^}]*\}\}/g, ' ')
      .replace(/^\s*[-\w]+:\s*(\||>)?\s*$/gm, ' ')
      .replace(/^\s*-?\s*[a-z_]+:\s*/gm, ' ')
      .replace(/[#*_`>|"\[\]()]/g, ' ')
      .replace(/\s+/g, ' ');
    for (const s of text.split(/(?<=[.!?])\s+/)) {
      const words = s.trim().split(' ');
      if (words.length >= 5 && words.length <= 40 && /^[A-ZÆØÅ]/.test(s.trim()) && !/[{}@\/]|\d{2} \d{2}/.test(s)) {
        sentences.add(s.trim());
      }
    }
  }
  return [...sentences];
}

const PREFIXES = ('barne familie skole helse ungdoms oppvekst foreldre samarbeids kommune fritids kultur idretts nærmiljø ' +
  'tverrfaglig lavterskel rus trivsels mestrings språk leke lese mat søvn sorg krise vold tolke bolig økonomi ' +
  'barnehage nabolag natur musikk digital trafikk tann syns hørsels ernærings sosial').split(' ');
const HEADS = ('tilbud team tjeneste gruppe kurs plan møte veileder koordinator kontakt senter prosjekt nettverk ' +
  'tiltak rutine samtale program arena kartlegging oppfølging ordning verksted kafé dag undersøkelse').split(' ');
const ENDINGS = ['', 'en', 'et', 'ene', 'er'];
const ENDINGS_E = ['', 'n', 'r', 'ne', 'ns'];
const compound = (r) => {
  const head = pick(r, HEADS);
  return pick(r, PREFIXES) + head + pick(r, head.endsWith('e') ? ENDINGS_E : ENDINGS);
};
const PLACE_A = 'Fjell Strand Vik Dal Nes Berg Haug Li Mo Sand Bakke Elv Fjord Holm Skog Myr Ås Øy Rød Grøn'.split(' ');
const PLACE_B = 'vik dal nes berg haugen lia moen sand ås øy heim stad bø land rud set by voll'.split(' ');
const FIRST = 'Ola Kari Nora Emil Sara Jonas Ingrid Lars Aisha Yonas Olena Ahmed Mari Sindre Tiril Håkon Eirin Amir'.split(' ');
const LAST = 'Fjellheim Strand Nordby Haugen Berg Lie Moe Dahl Solberg Vik Aas Eide Myhre Tangen Bakken Holm'.split(' ');
const CATEGORIES = ['Helse', 'Barnevern', 'Skole og barnehage', 'Fritid', 'Familie', 'Psykisk helse', 'Arbeid og NAV', 'Språk og tolk'];

function rareWord(r) {
  const k = r();
  if (k < 0.6) return compound(r);
  if (k < 0.85) return pick(r, PLACE_A) + pick(r, PLACE_B);
  return `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

// A paragraph of `words` words: demo sentences, about 6 % of the words replaced by rarer ones.
function prose(r, sentences, words) {
  const out = [];
  let n = 0;
  while (n < words) {
    const s = zipf(r, sentences).split(' ').map((w) => (r() < 0.06 ? rareWord(r) : w));
    out.push(s.join(' '));
    n += s.length;
  }
  return out.join(' ');
}
const title = (r) => {
  const t = `${pick(r, PREFIXES)}${pick(r, HEADS)} ${pick(r, ['for', 'i', 'på', 'og'])} ${pick(r, PLACE_A)}${pick(r, PLACE_B)}`;
  return t[0].toUpperCase() + t.slice(1);
};
const yamlString = (s) => JSON.stringify(s);

// Writes a veiviser project into dir: kommune `bench`, a copy of the demo's fjordvik (which
// inherits the demo's `felles`) in bokmål only, plus `pages` generated pages.
async function generate(dir, pages) {
  const r = rng(20240901 + pages);
  const sentences = demoSentences();
  await fsp.rm(dir, { recursive: true, force: true });
  await fsp.mkdir(path.join(dir, 'content'), { recursive: true });
  await fsp.cp(path.join(ROOT, 'themes'), path.join(dir, 'themes'), { recursive: true });
  await fsp.cp(path.join(ROOT, 'content/felles'), path.join(dir, 'content/felles'), { recursive: true });
  await fsp.copyFile(path.join(ROOT, 'veiviser.yaml'), path.join(dir, 'veiviser.yaml'));
  const k = path.join(dir, 'content/bench');
  // The demo kommune's own services, contacts and training (the shared base refers to them).
  await fsp.cp(path.join(ROOT, 'content/fjordvik'), k, { recursive: true });
  for (const sub of ['tjenester', 'sider', 'opplaering']) await fsp.mkdir(path.join(k, sub), { recursive: true });
  await fsp.writeFile(path.join(k, 'kommune.yaml'), `name: "Benchvik kommune"
short_name: "Benchvik"
number: "9998"
inherits: felles
languages: [nb]
emergency:
  child_welfare_phone: "10 20 30 40"
  police_phone: "112"
  report_url: "https://bekymringsmelding.example/"
contacts:
  - name: "Oppvekstkontoret"
    phone: "10 20 30 00"
accessibility_statement: "https://uustatus.example/erklaringer/benchvik"
`);
  await fsp.writeFile(path.join(k, 'index.md'), `---\ntitle: "Er du bekymret for et barn?"\n---\n${prose(r, sentences, 150)}\n`);
  const counts = { services: Math.round(pages * 0.25), modules: Math.round(pages * 0.15) };
  counts.pages = pages - counts.services - counts.modules;
  let words = 0;
  for (let i = 0; i < counts.services; i++) {
    const description = prose(r, sentences, 40 + Math.floor(r() * 120));
    const referral = prose(r, sentences, 20 + Math.floor(r() * 40));
    words += (description + referral).split(' ').length;
    const kw = Array.from({ length: 2 + Math.floor(r() * 4) }, () => rareWord(r).toLowerCase());
    await fsp.writeFile(path.join(k, 'tjenester', `gen-tjeneste-${i}.yaml`), `name: ${yamlString(title(r))}
description: ${yamlString(description)}
category: ${yamlString(pick(r, CATEGORIES))}
ages: { from: 0, to: 18 }
levels: [0, 1]
contact:
  phone: "10 ${String(20 + (i % 70)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 00"
  email: "tjeneste${i}@benchvik.kommune.example"
  address: "${pick(r, PLACE_A)}gata ${1 + (i % 90)}, 9990 Benchvik"
referral: ${yamlString(referral)}
keywords: [${kw.map(yamlString).join(', ')}]
`);
  }
  const body = (n) => {
    const parts = [];
    let left = n;
    while (left > 0) {
      const len = Math.min(left, 120 + Math.floor(r() * 80));
      parts.push(`## ${title(r)}\n\n${prose(r, sentences, len)}`);
      words += len;
      left -= len;
    }
    return parts.join('\n\n');
  };
  for (let i = 0; i < counts.modules; i++) {
    await fsp.writeFile(path.join(k, 'opplaering', `gen-modul-${i}.md`), `---
title: ${yamlString(title(r))}
audience: "Alle ansatte"
duration: "90 minutter"
goals:
  - ${yamlString(prose(r, sentences, 8))}
  - ${yamlString(prose(r, sentences, 8))}
keywords: [${yamlString(rareWord(r).toLowerCase())}]
---
${body(300 + Math.floor(r() * 500))}
`);
  }
  for (let i = 0; i < counts.pages; i++) {
    await fsp.writeFile(path.join(k, 'sider', `gen-side-${i}.md`), `---
title: ${yamlString(title(r))}
intro: ${yamlString(prose(r, sentences, 20))}
---
${body(300 + Math.floor(r() * 600))}
`);
  }
  return { ...counts, words, sentences: sentences.length };
}

// --------------------------------------------------------------------------------------
function run(cmd, cmdArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

// Runs under /usr/bin/time -v; returns wall seconds, peak RSS (MB) and the output.
async function timed(cmd, cmdArgs, env) {
  const r = await run('/usr/bin/time', ['-v', cmd, ...cmdArgs], env);
  if (r.code !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.code}):\n${r.out}\n${r.err.slice(-3000)}`);
  const wall = r.err.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/);
  const rss = r.err.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const seconds = (Number(wall[1] || 0) * 3600) + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, rssMB: Number(rss[1]) / 1024, out: r.out, err: r.err };
}

function ensureBinary() {
  if (process.env.VEIVISER_BIN) return process.env.VEIVISER_BIN;
  log('cargo build --release');
  const r = spawnSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('cargo build --release failed');
  return path.join(ROOT, 'target/release/veiviser');
}

function ensurePagefind() {
  const dir = path.join(os.tmpdir(), `veiviser-bench-pagefind-${PAGEFIND_VERSION}`);
  const bin = path.join(dir, 'node_modules/@pagefind/linux-x64/bin/pagefind_extended');
  if (!fs.existsSync(bin)) {
    log(`npm install pagefind@${PAGEFIND_VERSION} into ${dir}`);
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', `pagefind@${PAGEFIND_VERSION}`], { stdio: 'inherit' });
    if (r.status !== 0 || !fs.existsSync(bin)) throw new Error(`could not install pagefind into ${dir}`);
  }
  return bin;
}

function walkFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p));
    else out.push(p);
  }
  return out;
}
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

// --------------------------------------------------------------------------------------
// Static server with gzip for text types. Pagefind's .pf_* files are already compressed.
const TEXT = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };
function serve(root) {
  const srv = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, path.posix.normalize('/' + pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404).end(); return; }
    const body = fs.readFileSync(file);
    const ext = path.extname(file);
    if (TEXT[ext] && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const z = zlib.gzipSync(body, { level: 6 });
      res.writeHead(200, { 'Content-Type': TEXT[ext], 'Content-Encoding': 'gzip', 'Content-Length': z.length });
      res.end(z);
    } else {
      const type = ext === '.wasm' ? 'application/wasm' : TEXT[ext] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
      res.end(body);
    }
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

const PF_PAGE = `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
window.pf = await import('./pagefind/pagefind.js');
window.pfFirst = async (q) => {
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return { count: r.results.length, first: data[0] && data[0].url };
};
window.pfTimes = async (qs) => {
  await pf.init();
  await pf.search('barn');
  const cold = [], repeat = [];
  for (const q of qs) {
    let t = performance.now(); await pf.search(q); cold.push(performance.now() - t);
    t = performance.now(); await pf.search(q); repeat.push(performance.now() - t);
  }
  return { cold, repeat };
};
window.pfReady = true;
</script></body></html>`;

async function measureSite(browser, out, baseUrl, queries) {
  const result = { veiviser: [], pagefind: [] };
  const isVeiviser = (u) => /\/assets\/search\.[^/]*\.js$|\/sok\/indeks(\.js|\/)/.test(u);
  const isPagefind = (u) => u.includes('/pagefind/');
  for (const q of FIRST_QUERIES) {
    for (const engine of ['veiviser', 'pagefind']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const files = [];
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const pending = [];
      page.on('requestfinished', (req) => {
        const u = req.url();
        if (engine === 'veiviser' ? isVeiviser(u) : isPagefind(u)) {
          pending.push(req.sizes().then((sizes) => files.push({ url: u, bytes: sizes.responseBodySize })));
        }
      });
      let shown;
      if (engine === 'veiviser') {
        await page.goto(`${baseUrl}sok/?q=${encodeURIComponent(q)}`);
        await page.waitForFunction(() => /«/.test(document.getElementById('search-status').textContent), null, { timeout: 20000 });
        shown = await page.$$eval('#search-results > li', (l) => l.length);
      } else {
        await page.goto(`${baseUrl}pagefind-bench.html`);
        await page.waitForFunction(() => window.pfReady, null, { timeout: 20000 });
        shown = (await page.evaluate((q) => window.pfFirst(q), q)).count;
      }
      await page.waitForTimeout(200);
      await Promise.all(pending);
      await context.close();
      if (errors.length) throw new Error(`${engine} ${q}: ${errors.join('; ')}`);
      result[engine].push({ q, bytes: files.reduce((a, f) => a + f.bytes, 0), requests: files.length, shown, files });
    }
  }
  if (queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}sok/`);
    await page.waitForFunction(() => window.VeiviserSearch && window.VeiviserSearch.results);
    result.veiviserTimes = await page.evaluate(async (qs) => {
      const S = window.VeiviserSearch, first = S.results.ix;
      const cold = [], warm = [], repeat = [];
      await first.ready('barn'); first.search('barn');
      for (const q of qs) {
        let t = performance.now(); await first.ready(q); first.search(q); cold.push(performance.now() - t);
        // Warm: a fresh index over the same downloaded parts, nothing decoded or cached.
        const fresh = new S.Index(window.VEIVISER_SEARCH, first.base);
        Object.assign(fresh.data, first.data);
        t = performance.now(); fresh.search(q); warm.push(performance.now() - t);
        t = performance.now(); fresh.search(q); repeat.push(performance.now() - t);
      }
      return { cold, warm, repeat };
    }, queries);
    await page.goto(`${baseUrl}pagefind-bench.html`);
    await page.waitForFunction(() => window.pfReady);
    result.pagefindTimes = await page.evaluate((qs) => window.pfTimes(qs), queries);
    await context.close();
  }
  return result;
}

// Queries for timing: common words, rare generated words, prefixes, two words.
function timingQueries(n) {
  const r = rng(7);
  const common = ['barn', 'samtykke', 'foreldre', 'bekymring', 'skole', 'helsesykepleier', 'tiltak', 'barnevernet', 'samarbeid', 'uro'];
  const qs = [];
  for (let i = 0; qs.length < n; i++) {
    const k = i % 5;
    if (k === 0) qs.push(common[i % common.length]);
    else if (k === 1) qs.push(rareWord(r).split(' ')[0].toLowerCase());
    else if (k === 2) qs.push(pick(r, PREFIXES).slice(0, 3 + (i % 3)));
    else if (k === 3) qs.push(`${pick(r, common)} ${pick(r, HEADS)}`);
    else qs.push(pick(r, PREFIXES) + pick(r, HEADS));
  }
  return qs;
}

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const kb = (b) => (b / 1024).toFixed(1);
const ms = (x) => x.toFixed(x < 10 ? 2 : 1);

async function benchSite(name, root, kommune, browser, bins, queries) {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'veiviser-bench-out-'));
  const out = path.join(work, 'public');
  const server = await serve(out);
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  log(`${name}: veiviser build`);
  const build = await timed(bins.veiviser, ['build', '--root', root, '--kommune', kommune, '--out', out, '--base-url', baseUrl], { VEIVISER_TIMINGS: '1' });
  const indexMs = [...build.err.matchAll(/search-index [^:]*: (\d+) documents, (\d+) files, ([\d.]+) ms/g)];
  const html = walkFiles(out).filter((f) => f.endsWith('.html'));
  // Every language's index (sok/indeks.js and its parts).
  const vvFiles = walkFiles(out).filter((f) => /\/sok\/(indeks\.js$|indeks\/)/.test(f));
  const vvIndexGz = vvFiles.reduce((a, f) => a + gz(fs.readFileSync(f)), 0);
  const vvIndexRaw = vvFiles.reduce((a, f) => a + fs.statSync(f).size, 0);
  const docs = indexMs.reduce((a, m) => a + Number(m[1]), 0);
  log(`${name}: pagefind`);
  const pf = await timed(bins.pagefind, ['--site', out]);
  const pfPages = Number((pf.out.match(/Indexed (\d+) pages?/) || [])[1] || html.length);
  const pfFiles = walkFiles(path.join(out, 'pagefind'));
  const pfIndex = pfFiles.filter((f) => /\.pf_(index|fragment|meta|filter)$|pagefind-entry\.json$/.test(f));
  const pfIndexBytes = pfIndex.reduce((a, f) => a + (/\.json$/.test(f) ? gz(fs.readFileSync(f)) : fs.statSync(f).size), 0);
  await fsp.writeFile(path.join(out, 'pagefind-bench.html'), PF_PAGE);
  log(`${name}: Chromium`);
  const measured = await measureSite(browser, out, baseUrl, queries);
  await new Promise((r) => server.close(r));
  if (!KEEP) await fsp.rm(work, { recursive: true, force: true });
  else log(`kept ${work}`);
  return {
    name,
    htmlPages: html.length,
    docs,
    build: { seconds: build.seconds, rssMB: build.rssMB, indexMs: indexMs.reduce((a, m) => a + Number(m[3]), 0), files: indexMs.reduce((a, m) => a + Number(m[2]), 0) },
    pagefind: { seconds: pf.seconds, rssMB: pf.rssMB, pages: pfPages, indexBytes: pfIndexBytes },
    veiviserIndex: { gz: vvIndexGz, raw: vvIndexRaw },
    measured,
  };
}

function report(results, meta) {
  const L = [];
  L.push(`Run \`${meta.command}\` on ${meta.date}: ${meta.machine}; veiviser ${meta.commit} (release build), Pagefind ${PAGEFIND_VERSION} (npm, \`pagefind_extended\` binary), Chromium ${meta.chromium}. Load average during the run: ${meta.load} (other work on the machine slows both engines alike; byte counts do not depend on it).`);
  L.push('');
  L.push('**Bytes a browser downloads to answer the first query** (gzip, scripts included, on the bokmål search page; median of the first queries ' +
    FIRST_QUERIES.map((q) => `*${q}*`).join(', ') + ', each in a fresh browser; results shown: veiviser its first 10 with excerpts, Pagefind `data()` of its first 10):');
  L.push('');
  L.push('| site | pages | veiviser | requests | Pagefind | requests | veiviser / Pagefind |');
  L.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const v = median(r.measured.veiviser.map((x) => x.bytes));
    const p = median(r.measured.pagefind.map((x) => x.bytes));
    const vr = median(r.measured.veiviser.map((x) => x.requests));
    const pr = median(r.measured.pagefind.map((x) => x.requests));
    L.push(`| ${r.name} | ${r.htmlPages} | ${kb(v)} KB | ${vr} | ${kb(p)} KB | ${pr} | ${(v / p).toFixed(2)} |`);
  }
  L.push('');
  L.push('Per query (KB, veiviser / Pagefind): ' + results.map((r) => `${r.name}: ` + r.measured.veiviser.map((x, i) => `*${x.q}* ${kb(x.bytes)} / ${kb(r.measured.pagefind[i].bytes)}`).join(', ')).join('; ') + '.');
  L.push('');
  L.push('**Index size on disk** (gzip, all languages; per page = index size / HTML pages; Pagefind: its index chunks, fragments, meta and entry file, which it stores compressed; engine code not included):');
  L.push('');
  L.push('| site | documents (veiviser) | veiviser index | per page | files | Pagefind pages | Pagefind index | per page |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    L.push(`| ${r.name} | ${r.docs} | ${kb(r.veiviserIndex.gz)} KB | ${(r.veiviserIndex.gz / r.htmlPages).toFixed(0)} B | ${r.build.files} | ${r.pagefind.pages} | ${kb(r.pagefind.indexBytes)} KB | ${(r.pagefind.indexBytes / r.pagefind.pages).toFixed(0)} B |`);
  }
  L.push('');
  L.push('**Indexing time and peak memory** (`/usr/bin/time -v`; veiviser: the whole build — load, check, render, write, index — and the time spent building the indexes, summed over languages; Pagefind: indexing the built HTML):');
  L.push('');
  L.push('| site | veiviser build | of which index | peak RSS | Pagefind | peak RSS |');
  L.push('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    L.push(`| ${r.name} | ${r.build.seconds.toFixed(2)} s | ${ms(r.build.indexMs)} ms | ${r.build.rssMB.toFixed(0)} MB | ${r.pagefind.seconds.toFixed(2)} s | ${r.pagefind.rssMB.toFixed(0)} MB |`);
  }
  const timedSites = results.filter((r) => r.measured.veiviserTimes);
  if (timedSites.length) {
    L.push('');
    L.push(`**Query time in Chromium** (${QUERIES} queries: common words, rare words, 3–5 letter prefixes, two words; median / 95th percentile; \`performance.now()\` around the search call, no rendering): cold = first time, including loading the parts it needs from a local server; warm = data downloaded, nothing decoded yet (veiviser); repeat = the same query again.`);
    L.push('');
    L.push('| site | veiviser cold | veiviser warm | veiviser repeat | Pagefind cold | Pagefind repeat |');
    L.push('|---|---:|---:|---:|---:|---:|');
    for (const r of timedSites) {
      const v = r.measured.veiviserTimes;
      const p = r.measured.pagefindTimes;
      const f = (a) => `${ms(median(a))} / ${ms(p95(a))} ms`;
      L.push(`| ${r.name} | ${f(v.cold)} | ${f(v.warm)} | ${f(v.repeat)} | ${f(p.cold)} | ${f(p.repeat)} |`);
    }
  }
  return L.join('\n');
}

async function main() {
  if (opt('generate')) {
    // Only write a generated site (for a look, or to build it by hand).
    log(JSON.stringify(await generate(path.resolve(opt('generate')), SIZES[0])));
    return;
  }
  const { chromium } = require('playwright-core');
  const bins = { veiviser: ensureBinary(), pagefind: ensurePagefind() };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  const queries = timingQueries(QUERIES);
  const loadStart = os.loadavg()[0];
  const results = [];
  try {
    results.push(await benchSite('demo (fjordvik, 5 languages)', ROOT, 'fjordvik', browser, bins, null));
    for (const n of SIZES) {
      const dir = path.join(os.tmpdir(), `veiviser-bench-site-${n}`);
      log(`generating ${n} pages into ${dir}`);
      const g = await generate(dir, n);
      log(`generated ${JSON.stringify(g)}`);
      results.push(await benchSite(`generated ${n}`, dir, 'bench', browser, bins, queries));
      if (!KEEP) await fsp.rm(dir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  const load = [loadStart, os.loadavg()[0]].map((x) => x.toFixed(1)).join(' → ');
  const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1] || 'unknown CPU';
  const meta = {
    command: `node scripts/bench-search.mjs --pages ${SIZES.join(',')} --queries ${QUERIES}${WRITE ? ' --write' : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine: `${os.cpus().length} × ${cpu} (nproc ${spawnSync('nproc').stdout.toString().trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}`,
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout.toString().trim() + ' + working tree',
    load,
    chromium: spawnSync(CHROMIUM, ['--version']).stdout.toString().trim().replace(/^Chromium\s*/, ''),
  };
  const md = report(results, meta);
  console.log(md);
  await fsp.writeFile(path.join(os.tmpdir(), 'veiviser-bench-search.json'), JSON.stringify({ meta, results }, null, 1));
  if (WRITE) {
    const file = path.join(ROOT, 'docs/benchmarks.md');
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
    const start = '<!-- search-bench:start -->';
    const end = '<!-- search-bench:end -->';
    if (!text.includes(start)) throw new Error(`${file} has no ${start} marker: add it in the Search section`);
    const before = text.slice(0, text.indexOf(start) + start.length);
    const after = text.slice(text.indexOf(end));
    fs.writeFileSync(file, `${before}\n${md}\n${after}`);
    log(`wrote ${file}`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
