// Shared by level.test.mjs and form.test.mjs: the demo's Fjordvik built with the veiviser
// binary (VEIVISER_BIN, default target/debug/veiviser) into a temporary folder, a small
// static server for it and headless Chromium (CHROMIUM, default /usr/bin/chromium).
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = process.env.VEIVISER_BIN || path.join(ROOT, 'target/debug/veiviser');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const MIME = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

function serve(root) {
  const srv = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found'); return; }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
    res.end(body);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

/** Runs a command; resolves with its exit code and its stdout and stderr together. */
export function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** Builds Fjordvik (no PDFs), serves it and starts Chromium. `close()` undoes all three. */
export async function demoSite(prefix) {
  if (!fs.existsSync(BIN)) throw new Error(`veiviser binary not found at ${BIN}: run \`cargo build\` or set VEIVISER_BIN`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM=…)`);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), `veiviser-${prefix}-`));
  const out = path.join(tmp, 'public');
  const server = await serve(out);
  const baseUrl = `http://127.0.0.1:${server.address().port}/`;
  const build = await run(BIN, ['build', '--root', ROOT, '--out', out, '--base-url', baseUrl, '--kommune', 'fjordvik', '--no-pdf']);
  if (build.code !== 0) throw new Error(`veiviser build failed (exit ${build.code}):\n${build.output}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    baseUrl,
    tmp,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await fsp.rm(tmp, { recursive: true, force: true });
    },
  };
}

/** The text of a PDF, as pdftotext reads it (layout kept). */
export async function pdfText(file) {
  const result = await run('pdftotext', ['-layout', file, '-']);
  if (result.code !== 0) throw new Error(`pdftotext failed: ${result.output}`);
  return result.output;
}
