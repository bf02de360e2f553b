// Drives Debian's Chromium through playwright-core over sites served from 127.0.0.1: a reader's walk
// from the home page to a contested relation, a speaker, their perspective, an entity and a search,
// at a phone's and a laptop's width; axe-core on every kind of page; the home page by keyboard only;
// a hostile dataset; a site opened from its folder (file://) and one read without JavaScript.
// Screenshots go to packages/site/test-artifacts/ (git-ignored) for a person to look at.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, recordPath, statementFragment, statementPath, writeSite } from '../src/index.js';
import { launchChromium, noChromium, ready, serveFolder, watch } from './chromium.js';
import { bundledInput, HOSTILE_NAME, HOSTILE_QUOTE, hostileInput } from './fixtures.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [375, 1280] as const;

describe.skipIf(noChromium)('the site in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let base: string;
  let bundledDir: string;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'claimgraph-site-browser-'));
    bundledDir = join(root, 'bundled');
    await writeSite(bundledDir, buildSite(await bundledInput()));
    await writeSite(join(root, 'hostile'), buildSite(hostileInput()));
    server = await serveFolder(root);
    base = server.base;
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const local = (url: URL) => url.hostname === '127.0.0.1' || url.protocol === 'data:';

  for (const width of WIDTHS) {
    it(`walks home → contested relation → speaker → perspective → entity → search "haqqani" → result at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems = watch(page, local);
      const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `walk-${width}-${name}.png`) });

      await page.goto(`${base}bundled/index.html`);
      await ready(page);
      await shot('1-home');
      const contested = page.locator('.relation-list li', { has: page.locator('.status-contested') }).first();
      const proposition = (await contested.locator('a').first().textContent())!;
      await contested.locator('a').first().click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toContain(proposition.split(' ')[0]);
      expect(await page.locator('.kicker .status-contested').count()).toBe(1);
      expect(await page.locator('figure.chart svg.marks').count()).toBe(1);
      await shot('2-relation');

      // A statement's first link is its speaker.
      const speaker = page.locator('main > ol > li > a:first-child').first();
      const speakerName = (await speaker.textContent())!;
      await speaker.click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toBe(speakerName);
      await shot('3-speaker');

      await page.getByRole('link', { name: `The relations as ${speakerName} tells them` }).click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toBe(`The relations as ${speakerName} tells them`);
      expect(await page.locator('figure.chart svg.marks').count()).toBe(1);
      await shot('4-perspective');

      const entity = page.locator('.chips a').first();
      const entityName = (await entity.textContent())!;
      await entity.click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toBe(entityName);
      await shot('5-entity');

      // A page's nav links the search page, whose box takes the words.
      await page.locator('header nav').getByRole('link', { name: 'Search' }).click();
      // Its script sets the box from the address (empty here) once loaded: type after it has.
      await ready(page);
      // A mark on the page's window: it survives Enter only if the results come in place, without a reload.
      await page.evaluate(() => Object.assign(window, { searchPageMark: true }));
      await page.locator('#q').fill('haqqani');
      await page.locator('#q').press('Enter');
      await page.waitForSelector('.results li');
      expect(await page.evaluate(() => 'searchPageMark' in window)).toBe(true);
      expect(page.url()).toContain('search.html?q=haqqani');
      const first = page.locator('.results a').first();
      const title = (await first.textContent())!;
      expect(title.toLowerCase()).toContain('haqqani');
      await shot('6-search');
      await first.click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toContain(title.split(' ')[0]);
      await shot('7-result');

      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('finds names across spellings: accents, hyphens and Arabic-script keyboard variants', async () => {
    const page = await browser.newPage();
    const problems = watch(page, local);
    for (const [query, expected] of [
      ['HAQQÁNI network', 'Haqqani network'],
      ['al-qaeda', 'al Qaeda'],
    ] as const) {
      await page.goto(`${base}bundled/search.html?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('.results li');
      expect((await page.locator('.results a').allTextContents()).join(' | ')).toContain(expected);
    }
    await page.goto(`${base}hostile/search.html?q=${encodeURIComponent('د حقاني شبکه')}`); // Persian keheh in the query
    await page.waitForSelector('.results li');
    expect(await page.locator('.results a').first().textContent()).toBe('Haqqani <b>network</b>');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches as the words are typed, fetching the index parts of those words only', async () => {
    const page = await browser.newPage();
    const problems = watch(page, local);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${base}bundled/search.html`);
    await ready(page);
    await page.locator('#q').pressSequentially('haqq');
    await page.waitForSelector('.results li');
    expect(page.url()).toContain('search.html?q=haqq');
    expect((await page.locator('.results a').first().textContent())!.toLowerCase()).toContain('haqqani');
    const parts = fetched.filter((path) => /\/assets\/search-\w+\/t-/.test(path)).map((path) => path.split('/').pop());
    expect(parts).toEqual(['t-ha.js']);
    // A word no term starts with fetches nothing: the page knows which parts exist.
    await page.locator('#q').fill('qqzx');
    await page.waitForSelector('#search-results p:text("Nothing matches")');
    expect(fetched.filter((path) => path.includes('/t-qq'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violation on any kind of page', async () => {
    const pages = [
      'index.html',
      recordPath('rel:haqqani-network-part-of-taliban'),
      recordPath('armed-group:haqqani-network'),
      `perspective/${recordPath('person:ned-price')}`,
      recordPath('person:ned-price'),
      `${statementPath('st:ned-price-no-it-does-not')}#${statementFragment('st:ned-price-no-it-does-not')}`,
      recordPath('src:washington-examiner-2021-08-taliban-haqqani'),
      'relations.html',
      'entities.html',
      'timeline.html',
      'downloads.html',
      'search.html?q=haqqani',
      'embed.html#stance=rel:haqqani-network-part-of-taliban',
      'embed.html#network=armed-group:haqqani-network',
      'embed.html#perspective=person:ned-price',
    ];
    // A chart alone on its page still needs the page's heading (a moderate rule, hence named here).
    const embedRules = new Set(['page-has-heading-one']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page, local);
    const found: string[] = [];
    for (const path of pages) {
      await page.goto(`${base}bundled/${path}`);
      await ready(page);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: Document,
              ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const { violations } = await axe.run(document);
        return violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical' || (path.startsWith('embed') && embedRules.has(v.id)))
          found.push(`${path}: ${v.impact} ${v.id} at ${v.targets.join(', ')}`);
    }
    expect(found.join('\n')).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws on the one embed page the chart its fragment names, titled and linked to its page', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 600 } });
    const problems = watch(page, local);
    await page.goto(`${base}bundled/embed.html#stance=rel:haqqani-network-part-of-taliban`);
    await ready(page);
    expect(await page.locator('figure.chart').getAttribute('data-drawn')).toBe('true');
    expect(await page.locator('h1').textContent()).toBe('Who says what: Haqqani network — part of — Taliban');
    expect(await page.title()).toContain('Who says what: Haqqani network — part of — Taliban');
    expect(await page.locator('figcaption a').getAttribute('href')).toBe(
      `./${recordPath('rel:haqqani-network-part-of-taliban')}`,
    );
    // A fragment that names no chart: said in the chart's place (a new load, not a jump within the page).
    await page.goto('about:blank');
    await page.goto(`${base}bundled/embed.html#pie=1`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.locator('.chart-canvas').textContent()).toContain('names no chart');
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const width of WIDTHS)
    it(`writes a relation's embed snippet when its box opens, and copies it, at ${width} px`, async () => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await context.newPage();
      const problems = watch(page, local);
      await page.goto(`${base}bundled/${recordPath('rel:haqqani-network-part-of-taliban')}`);
      await ready(page);
      expect(await page.locator('figure.chart svg.marks').count()).toBe(1);
      // The script adds the box after the chart: closed, it holds the embed page's link alone; the
      // snippet is written when a reader asks for it.
      const box = page.locator('figure.chart + details.embed');
      expect(await box.locator('a').getAttribute('href')).toBe(
        `${base}bundled/embed.html#stance=rel:haqqani-network-part-of-taliban`,
      );
      expect(await box.locator('pre').count()).toBe(0);
      await box.locator('summary').click();
      const snippet =
        '<iframe src="/embed.html#stance=rel:haqqani-network-part-of-taliban" title="Who says what: Haqqani network — part of — Taliban" width="100%" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>';
      expect(await box.locator('pre code').textContent()).toBe(snippet);
      await box.getByRole('button', { name: 'Copy the snippet' }).click();
      await expect.poll(() => box.locator('[role=status]').textContent()).toBe('Copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
      await box.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `embed-${width}.png`) });
      // Closed and opened again: still one snippet.
      await box.locator('summary').click();
      await box.locator('summary').click();
      expect(await box.locator('pre').count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    });

  it('sends an old statement permalink, through 404.html, to the statement on its page', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    // The test server has no 404 page: it answers as GitHub Pages does, with the site's 404.html.
    const notFound = await readFile(join(bundledDir, '404.html'), 'utf8');
    await page.route(/\/bundled\/st\/[^/]+\.html$/, (route) =>
      route.fulfill({ status: 404, contentType: 'text/html', body: notFound }),
    );
    const id = 'st:ned-price-no-it-does-not';
    await page.goto(`${base}bundled/${recordPath(id)}`);
    await page.waitForURL((url) => url.pathname.endsWith(statementPath(id)));
    expect(new URL(page.url()).hash).toBe(`#${statementFragment(id)}`);
    const article = page.locator(`article#${statementFragment(id)}`);
    expect(await article.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await article.isVisible()).toBe(true);
    await page.close();
  });

  it('reaches the search box and every link of the home page by keyboard alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}bundled/index.html`);
    await ready(page);
    const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const reached = new Set<string>();
    for (let i = 0; i < links.length + 20; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.tagName === 'A' ? `a ${el.getAttribute('href')}` : `${el?.tagName.toLowerCase()}#${el?.id}`;
      });
      reached.add(focused);
    }
    expect(reached).toContain('input#q');
    for (const href of links) expect(reached, `link ${href}`).toContain(`a ${href}`);
    // The skip link comes first and lands on the content.
    await page.goto(`${base}bundled/index.html`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.close();
  });

  it('shows a hostile dataset’s markup as text, runs none of it, and searches it', async () => {
    const page = await browser.newPage();
    const problems = watch(page, local);
    await page.goto(`${base}hostile/${recordPath('person:ned-price')}`);
    await ready(page);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAME);
    await page.goto(`${base}hostile/${recordPath('rel:haqqani-part-of-taliban')}`);
    await ready(page);
    expect(await page.locator('blockquote').allTextContents()).toContain(`“${HOSTILE_QUOTE}”`);
    expect(await page.locator('img, iframe:not([title]), b, em').count()).toBe(0);
    expect(await page.locator('figure.chart svg.marks').count()).toBe(1);
    await page.goto(`${base}hostile/search.html?q=${encodeURIComponent('<script>')}`);
    await ready(page);
    await page.goto(`${base}hostile/search.html?q=ned`);
    await page.waitForSelector('.results li');
    expect(await page.locator('.results a').first().textContent()).toBe(HOSTILE_NAME);
    await page.goto(`${base}hostile/${recordPath('person:edward-price')}`);
    await page.waitForURL(/person\/ned-price\.html$/);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAME);
    await page.screenshot({ path: join(ARTIFACTS, 'hostile-search.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works from its folder (file://) with no network at all', async () => {
    const page = await browser.newPage();
    const problems = watch(page, (url) => url.protocol === 'file:' || url.protocol === 'data:');
    await page.goto(pathToFileURL(join(bundledDir, recordPath('rel:haqqani-network-part-of-taliban'))).href);
    await ready(page);
    expect(await page.locator('figure.chart svg.marks').count()).toBe(1);
    await page.goto(`${pathToFileURL(join(bundledDir, 'search.html')).href}?q=price`);
    await page.waitForSelector('.results li');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads without JavaScript: the words, dates and sources are in the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}bundled/${recordPath('rel:haqqani-network-part-of-taliban')}`);
    expect(await page.locator('blockquote').first().isVisible()).toBe(true);
    // Every statement's date, its permalink, is in the page.
    const dates = page.locator('main > ol a[href*="#st-"]');
    expect(await dates.count()).toBeGreaterThan(5);
    expect(await dates.first().textContent()).toMatch(/^(\d{1,2} )?([A-Z][a-z]{2} )?\d{4}$/);
    // The empty figure says why it is empty, from the stylesheet.
    const note = await page
      .locator('figure.chart')
      .first()
      .evaluate((figure) => getComputedStyle(figure, '::before').content);
    expect(note).toContain('the lists say the same');
    expect(await page.locator('figure.chart').first().isVisible()).toBe(true);
    // No chart without the script, so nothing to embed: no embed box.
    expect(await page.locator('details.embed').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'no-javascript-375.png'), fullPage: false });
    await context.close();
  });

  it('draws a relation from the words of its own part only, and says so when that part is missing', async () => {
    const dataset = syntheticDataset({ entities: 300, statements: 3000, seed: 7 });
    const dir = join(root, 'synthetic');
    await writeSite(dir, buildSite({ dataset, meta: { name: 'synthetic', title: 'Synthetic', version: '0.0.0' } }));
    expect((await readdir(join(dir, 'assets'))).filter((f) => f.startsWith('words-')).length).toBeGreaterThan(1);
    const quoted = dataset.statements.find((s) => s.quote)!;
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${base}synthetic/${recordPath(quoted.relation)}`);
    await ready(page);
    const parts = fetched.filter((path) => /\/assets\/words-\d+\./.test(path));
    expect(parts).toHaveLength(1);
    // The chart quotes the statement: its first words are in the drawing.
    expect(await page.locator('figure.chart svg.marks').textContent()).toContain(
      quoted.quote!.split(' ').slice(0, 2).join(' '),
    );

    await rm(join(root, parts[0]!.slice(1)));
    await page.reload();
    await page.waitForFunction(() => document.body?.dataset.ready !== undefined, undefined, { timeout: 0 });
    expect(await page.locator('figure.chart').getAttribute('data-drawn')).toBe('error');
    expect(await page.locator('figure.chart .chart-note').textContent()).toContain('did not load');
    await page.close();
  });
});
