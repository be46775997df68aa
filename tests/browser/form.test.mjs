// Forms people can trust on paper (issue 16), in headless Chromium on the demo's Fjordvik:
// a long answer printed in full, required fields checked before printing (GOV.UK's error
// summary), clearing and leaving asked about first, a date that does not follow the
// browser's locale, a checkbox with a hint laid out on a phone — and nothing typed is
// stored or sent. Run: node --test tests/browser/form.test.mjs (after `cargo build`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { demoSite, pdfText } from './demo-site.mjs';

let site;
before(async () => { site = await demoSite('form'); });
after(async () => { await site?.close(); });

const FORM = 'skjema/bekymringsmelding/';
const AREA = '#bekymringsmelding-beskrivelse';

// A page whose window.print only counts its calls (headless Chromium cannot show a dialog).
async function formPage(options = {}) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => { window.__printed += 1; };
  });
  await page.goto(site.baseUrl + FORM);
  return page;
}

test('a 41-line answer is printed in full', async () => {
  const page = await formPage();
  const lines = Array.from({ length: 41 }, (_, i) => `Linje ${String(i + 1).padStart(2, '0')} av 41: barnet sa noe nytt`);
  await page.fill(AREA, lines.join('\n'));
  // Where CSS cannot grow a text area on paper (no field-sizing, or longer than a page),
  // the copy that forms.js keeps beside it is what prints.
  const copy = await page.$eval(`${AREA} + .print-value`, (e) => [e.textContent, getComputedStyle(e).display]);
  assert.deepEqual(copy, [lines.join('\n'), 'none'], 'a copy, hidden on screen');
  await page.emulateMedia({ media: 'print' });
  const file = path.join(site.tmp, 'skjema.pdf');
  await page.pdf({ path: file, format: 'A4' });
  const text = await pdfText(file);
  const missing = lines.filter((l) => !text.includes(l));
  assert.deepEqual(missing, [], `every typed line is on paper (${41 - missing.length} of 41)`);
  await page.context().close();
});

test('printing with required fields empty shows an error summary linking to them', async () => {
  const page = await formPage();
  await page.click('button[data-print]');
  const summary = page.locator('#skjema-feil');
  assert.ok(await summary.isVisible(), 'the summary is shown');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skjema-feil', 'and focused');
  assert.equal(await page.evaluate(() => window.__printed), 0, 'nothing printed yet');
  const links = await summary.locator('.error-list a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
  const required = await page.$$eval('[data-required]', (fs) => fs.map((f) => f.querySelector('input, textarea').id));
  assert.deepEqual(links.map(([href]) => href), required.map((id) => `#${id}`), 'one link per required field, in order');
  assert.ok(links.every(([, label]) => label.includes('må fylles ut')), JSON.stringify(links));
  // Each field says what is wrong, and the link takes the keyboard there.
  const first = required[0];
  assert.equal(await page.getAttribute(`#${first}`, 'aria-invalid'), 'true');
  assert.match(await page.getAttribute(`#${first}`, 'aria-describedby'), new RegExp(`${first}-feil`));
  await summary.locator('.error-list a').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), first);

  // "Print anyway" prints a part-filled form; filling every required field prints at once.
  await page.click('[data-print-anyway]');
  assert.equal(await page.evaluate(() => window.__printed), 1);
  for (const field of await page.$$('[data-required]')) {
    const choice = await field.$('input[type=radio], input[type=checkbox]');
    if (choice) { await choice.check(); continue; }
    for (const control of await field.$$('input, textarea')) await control.fill('12');
  }
  await page.click('button[data-print]');
  assert.equal(await page.evaluate(() => window.__printed), 2);
  assert.ok(await summary.isHidden(), 'the summary goes away');
  assert.equal(await page.locator('.error-message').count(), 0);
  await page.context().close();
});

test('clearing the form asks first, and only clears when confirmed', async () => {
  const page = await formPage();
  await page.fill(AREA, 'Noe jeg har skrevet');
  const messages = [];
  page.once('dialog', (d) => { messages.push(d.message()); d.dismiss(); });
  await page.click('button[type=reset]');
  assert.equal(await page.inputValue(AREA), 'Noe jeg har skrevet', 'kept after "Avbryt"');
  assert.match(messages[0], /tømme skjemaet/);
  page.once('dialog', (d) => d.accept());
  await page.click('button[type=reset]');
  assert.equal(await page.inputValue(AREA), '', 'cleared after "OK"');
  await page.context().close();
});

test('leaving a changed form warns; an untouched form does not', async () => {
  const page = await formPage();
  await page.fill(AREA, 'Ikke lagret');
  const dialog = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.accept(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await dialog, 'beforeunload');

  const untouched = await formPage();
  let asked = false;
  untouched.on('dialog', (d) => { asked = true; d.accept(); });
  await untouched.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(asked, false);
});

test('a date is typed as day, month and year whatever the browser locale', async () => {
  const page = await formPage({ locale: 'en-US' });
  assert.equal(await page.locator('input[type=date]').count(), 0, 'no locale-dependent date picker');
  const labels = await page.$$eval('.date-field', (fs) => fs.map((f) => [...f.querySelectorAll('.date-part label')].map((l) => l.textContent)));
  assert.ok(labels.length > 0);
  for (const l of labels) assert.deepEqual(l, ['Dag', 'Måned', 'År']);
  await page.context().close();
});

test('a checkbox with a hint keeps its label beside the box on a phone', async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.baseUrl + 'skjema/nyansatt-sjekkliste/');
  const boxes = await page.$$eval('.single-choice', (fields) => fields.filter((f) => f.querySelector('.hint')).map((f) => {
    const box = f.querySelector('input').getBoundingClientRect();
    const label = f.querySelector('label').getBoundingClientRect();
    const hint = f.querySelector('.hint').getBoundingClientRect();
    return { box: [box.left, box.right, box.top], label: [label.left, label.top], hint: hint.left };
  }));
  assert.ok(boxes.length > 0);
  for (const { box, label, hint } of boxes) {
    assert.ok(label[0] >= box[1], `label beside the box: ${JSON.stringify({ box, label })}`);
    assert.ok(Math.abs(label[1] - box[2]) < 12, `label on the box's line: ${JSON.stringify({ box, label })}`);
    assert.ok(hint >= box[1], 'hint under the label, not under the box');
  }
  await context.close();
});

test('nothing typed is stored or sent', async () => {
  const page = await formPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.fill(AREA, 'Fortrolig');
  await page.fill('#bekymringsmelding-barnets-navn', 'Kari');
  await page.click('button[data-print]');
  await page.click('[data-print-anyway]');
  await page.keyboard.press('Enter');
  const stored = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
  assert.deepEqual(stored, [0, 0, '']);
  assert.deepEqual(requests, [], 'no request after the page loaded');
  assert.equal(await page.getAttribute('form.fill-form', 'action'), null);
  await page.context().close();
});
