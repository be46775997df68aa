// Level pages built for action (issue 16), in headless Chromium on the demo's Fjordvik:
// the level stepper and the step list, each step's lead with its details one click away,
// the step's tools beside it on a wide screen and the action bar on a phone, one compact
// emergency strip, a header that leaves room for the page at 375 px and at 400 % zoom, a main
// menu that shows on a phone where it has more and which section the page is in, and
// the browser print of a level page. Run: node --test tests/browser/level.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { demoSite, pdfText } from './demo-site.mjs';

let site;
before(async () => { site = await demoSite('level'); });
after(async () => { await site?.close(); });

async function open(url, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await site.browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  await page.goto(site.baseUrl + url);
  return page;
}

test('the stepper shows every level and marks the current one', async () => {
  const page = await open('veileder/niva-1/');
  const entries = await page.$$eval('nav.level-stepper a', (as) => as.map((a) => [a.querySelector('.stepper-number').textContent, a.getAttribute('aria-current')]));
  assert.deepEqual(entries, [['0', null], ['1', 'page'], ['2', null], ['3', null]]);
  await page.click('nav.level-stepper a >> text=2');
  assert.match(page.url(), /veileder\/niva-2\/$/);
  assert.equal(await page.textContent('nav.level-stepper a[aria-current=page] .stepper-number'), '2');
  await page.context().close();
});

test('the step list links to each step, and a step leads with what to do now', async () => {
  const page = await open('veileder/niva-1/');
  const list = await page.$$eval('nav.step-list a', (as) => as.map((a) => a.getAttribute('href')));
  const steps = await page.$$eval('.steps > li', (ls) => ls.map((l) => `#${l.id}`));
  assert.deepEqual(list, steps);
  assert.ok(steps.length >= 5);
  await page.click(`nav.step-list a[href="${steps[2]}"]`);
  assert.ok(page.url().endsWith(steps[2]));
  const inView = await page.$eval(steps[2], (el) => { const r = el.getBoundingClientRect(); return r.top > -2 && r.top < innerHeight; });
  assert.ok(inView, 'the step is scrolled into view');
  // The lead is visible; how and who wait behind the toggle, which works without scripts.
  const step = page.locator(steps[2]);
  assert.ok(await step.locator('.step-now').isVisible());
  assert.ok(await step.locator('.step-answers').isHidden());
  await step.locator('details.step-details > summary').click();
  assert.ok(await step.locator('.step-answers').isVisible());
  await page.context().close();

  const noScript = await open('veileder/niva-1/', undefined, { javaScriptEnabled: false });
  await noScript.locator('.steps > li details > summary').first().click();
  assert.ok(await noScript.locator('.steps > li .step-answers').first().isVisible());
  await noScript.context().close();
});

test("a step's forms, services and arenas sit beside it on a wide screen", async () => {
  const page = await open('veileder/niva-1/');
  const boxes = await page.$$eval('.step.has-tools', (steps) => steps.map((s) => {
    const main = s.querySelector('.step-main').getBoundingClientRect();
    const tools = s.querySelector('.step-tools').getBoundingClientRect();
    return { mainRight: main.right, toolsLeft: tools.left, mainTop: main.top, toolsTop: tools.top, links: s.querySelectorAll('.step-tools a').length };
  }));
  assert.ok(boxes.length >= 3, 'several steps have tools');
  for (const b of boxes) {
    assert.ok(b.toolsLeft > b.mainRight, `beside: ${JSON.stringify(b)}`);
    assert.ok(b.toolsTop - b.mainTop < 80, `level with the step: ${JSON.stringify(b)}`);
    assert.ok(b.links > 0);
  }
  assert.ok(await page.locator('nav.action-bar').isHidden(), 'no action bar on a wide screen');
  await page.context().close();
});

test('a phone gets an action bar at the foot of the screen', async () => {
  const page = await open('veileder/niva-1/', { width: 375, height: 740 });
  const bar = page.locator('nav.action-bar');
  assert.ok(await bar.isVisible());
  const hrefs = await bar.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs[0].startsWith('tel:'), 'call child welfare');
  assert.ok(hrefs.includes('#niva-ressurser'), 'the forms');
  const rows = await bar.locator('li').evaluateAll((ls) => new Set(ls.map((l) => Math.round(l.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, 'the shortcuts share one row');
  await page.mouse.wheel(0, 1500);
  await page.waitForTimeout(200);
  const bottom = await bar.evaluate((el) => innerHeight - el.getBoundingClientRect().bottom);
  assert.ok(Math.abs(bottom) < 2, `at the foot of the screen while reading (${bottom})`);
  await page.context().close();
  // At 320 px (400 % zoom) the bar reflows instead of scrolling sideways, in every language.
  for (const url of ['veileder/niva-1/', 'uk/veileder/niva-1/', 'ar/veileder/niva-1/']) {
    const narrow = await open(url, { width: 320, height: 800 });
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${url}: scrollWidth ${width}`);
    await narrow.context().close();
  }
});

test('one compact emergency strip with the numbers and 116 111, no large box', async () => {
  const page = await open('veileder/niva-2/');
  assert.equal(await page.locator('aside.acute').count(), 0);
  assert.equal(await page.locator('aside.acute-strip').count(), 1);
  const tels = await page.$$eval('aside.acute-strip a[href^="tel:"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(tels.includes('tel:112') && tels.includes('tel:116111'), tels.join(' '));
  const height = await page.$eval('aside.acute-strip', (el) => el.getBoundingClientRect().height);
  assert.ok(height < 150, `compact at 1280 px (the large box was 272 px): ${height}`);
  await page.context().close();
});

test('the header is at most 120 px at 375 px, and at 400 % zoom the page starts on the first screen', async () => {
  for (const url of ['', 'veileder/niva-1/', 'skjema/bekymringsmelding/']) {
    const phone = await open(url, { width: 375, height: 740 });
    const header = await phone.$eval('.site-header', (el) => el.getBoundingClientRect().height);
    assert.ok(header <= 120, `${url || 'front page'}: header ${header} px`);
    await phone.context().close();
    // 1280 × 900 at 400 %: 320 × 225 CSS pixels.
    const zoomed = await open(url, { width: 320, height: 225 });
    const h1 = await zoomed.$eval('main h1', (el) => el.getBoundingClientRect().top);
    const mainTop = await zoomed.$eval('main', (el) => el.getBoundingClientRect().top);
    assert.ok(mainTop < 225, `${url || 'front page'}: main starts at ${mainTop}`);
    if (!url.startsWith('veileder')) assert.ok(h1 < 225, `${url || 'front page'}: h1 at ${h1}`);
    await zoomed.context().close();
  }
});

test('at 375 px the main menu starts at the section the page is in and fades where it has more', async () => {
  const nav = (page) => page.$eval('.main-nav ul', (ul) => {
    const style = getComputedStyle(ul);
    const current = ul.querySelector('[aria-current]')?.getBoundingClientRect();
    const box = ul.getBoundingClientRect();
    return {
      scrolls: ul.scrollWidth > ul.clientWidth,
      fadeStart: style.getPropertyValue('--nav-fade-start'),
      fadeEnd: style.getPropertyValue('--nav-fade-end'),
      currentShown: current ? current.left >= box.left && current.right <= box.right : null,
    };
  });
  // The parents' entry is the last: on their page the row starts scrolled to it.
  const parents = await open('foreldre/', { width: 375, height: 740 });
  const atParents = await nav(parents);
  assert.ok(atParents.scrolls, 'the menu is wider than a phone');
  assert.equal(atParents.currentShown, true, 'For foreldre is in view');
  assert.equal(atParents.fadeStart, '48px', 'entries before it fade at the start');
  await parents.context().close();
  // On a level page the row starts at its beginning and fades at the end, until scrolled there.
  const level = await open('veileder/niva-1/', { width: 375, height: 740 });
  assert.deepEqual(await nav(level), { scrolls: true, fadeStart: '0px', fadeEnd: '48px', currentShown: true });
  // Under a keyboard's focus nothing fades (the focus box of an entry at the edge was half gone).
  const mask = () => level.$eval('.main-nav ul', (ul) => getComputedStyle(ul).maskImage);
  assert.notEqual(await mask(), 'none');
  await level.focus('.main-nav li:nth-child(4) a');
  assert.equal(await mask(), 'none');
  await level.$eval('.main-nav ul', (ul) => { ul.scrollLeft = ul.scrollWidth; });
  await level.waitForFunction(() => getComputedStyle(document.querySelector('.main-nav ul')).getPropertyValue('--nav-fade-end') === '0px');
  await level.context().close();
  // On a wide screen nothing scrolls and nothing fades.
  const wide = await open('veileder/niva-1/');
  assert.deepEqual(await nav(wide), { scrolls: false, fadeStart: '0px', fadeEnd: '0px', currentShown: true });
  await wide.context().close();
});

test('a printed level page has every step in full, no footer and no site-relative URLs', async () => {
  const page = await open('veileder/niva-1/');
  const how = await page.$$eval('.step-answers dd', (dds) => dds.map((d) => d.textContent.trim().split(/\s+/).slice(0, 6).join(' ')));
  await page.emulateMedia({ media: 'print' });
  const file = path.join(site.tmp, 'niva-1.pdf');
  await page.pdf({ path: file, format: 'A4' });
  const text = (await pdfText(file)).replace(/\s+/g, ' ');
  for (const start of how) assert.ok(text.includes(start), `printed: ${start}`);
  assert.ok(!text.includes('bruker ikke informasjonskapsler'), 'no footer');
  assert.ok(!/\(\/[a-z]/.test(text), 'no "(/skjema/…)" after links');
  assert.ok(text.includes('116 111'));
  const pages = (await pdfText(file)).split('\f').filter((p) => p.trim()).length;
  assert.ok(pages <= 6, `${pages} pages (8 before issue 16)`);
  await page.context().close();
});
