// The site as files: every record has its page, the output is byte-for-byte deterministic, pages
// reference nothing off-site, every page cites and every chart embeds, record text stays text.
import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  recordPath,
  SITE_MARKER,
  siteFiles,
  statementFragment,
  statementPath,
  writeSite,
  type SiteFiles,
  type SiteInput,
} from '../src/index.js';
import { chartOfFragment, chartPagePath, embedFragment } from '../src/paths.js';
import { addWords, decodeChartData, type ChartData, type WordsPart } from '../src/chart-data.js';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { bundledInput, HOSTILE_NAME, HOSTILE_QUOTE, hostileInput } from './fixtures.js';

const text = (files: SiteFiles, path: string) => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path} in the site`);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
};
/** Reads back the five entities an HTML serializer writes. */
const decode = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );
const pages = (files: SiteFiles) => [...files.keys()].filter((p) => p.endsWith('.html'));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * A page of one statement cites it in a block; a page of several says once how to cite one (the
 * dataset in full, an example) and shows each one's record id, linked to its permalink.
 */
function expectStatementCitations(html: string, path: string, dataset: string) {
  const ids = [...html.matchAll(/<article (?:class="disputes" )?id="st-([^"]+)"/g)].map((m) => `st:${m[1]}`);
  expect(ids.length, path).toBeGreaterThan(0);
  if (ids.length === 1) {
    expect(html, path).toMatch(
      new RegExp(`<section class="cite"><h2>Cite this</h2><p>[^<]*${dataset}, record ${ids[0]}\\.`),
    );
    return;
  }
  expect(html, path).not.toContain('Cite this');
  expect(html.match(/<h2>How to cite<\/h2>/g), path).toHaveLength(1);
  expect(html, path).toMatch(new RegExp(`<p>[^<]*${dataset}, record ${ids[0]}\\.”</p></section>`));
  for (const id of ids) expect(html, path).toContain(`<a href="#${statementFragment(id)}">${id}</a>`);
}

let input: SiteInput;
let files: SiteFiles;
beforeAll(async () => {
  input = await bundledInput();
  files = buildSite(input);
});

describe('buildSite() on the bundled release', () => {
  it('writes a page for every entity, relation, statement and source, at its permalink', () => {
    const { entities, relations, statements, sources } = input.dataset;
    for (const record of [...entities, ...relations, ...sources])
      expect(files.has(recordPath(record.id)), record.id).toBe(true);
    // A statement is an article, named by its id, on the page of statements its id hashes to; one that
    // disputes is marked so for the stylesheet (supporting is the default).
    for (const { id, stance } of statements) {
      expect(text(files, statementPath(id)), id).toContain(
        `<article ${stance === 'disputes' ? 'class="disputes" ' : ''}id="${id.replace(':', '-')}"`,
      );
      expect(files.has(recordPath(id)), id).toBe(false);
    }
    expect(files.has('404.html')).toBe(true);
    for (const path of [
      'index.html',
      'search.html',
      'downloads.html',
      'relations.html',
      'entities.html',
      'timeline.html',
    ])
      expect(files.has(path), path).toBe(true);
    const speakers = new Set(statements.map((s) => s.speaker));
    for (const id of speakers) expect(files.has(`perspective/${recordPath(id)}`), id).toBe(true);
  });

  it('is deterministic: two builds, and two written folders (one written as made), are byte-identical', async () => {
    const again = buildSite(await bundledInput());
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [path, content] of files) expect(again.get(path), path).toEqual(content);
    const root = await mkdtemp(join(tmpdir(), 'claimgraph-site-'));
    await writeSite(join(root, 'a'), files);
    await writeSite(join(root, 'b'), siteFiles(await bundledInput()));
    const listed = await listFiles(join(root, 'a'));
    expect(listed).toEqual(await listFiles(join(root, 'b')));
    expect(listed).toEqual([...files.keys()].sort());
    for (const path of listed)
      expect(Buffer.compare(await readFile(join(root, 'a', path)), await readFile(join(root, 'b', path))), path).toBe(
        0,
      );
  });

  it('keeps one copy of the libraries and of the data, shared by every page, each named by its hash', () => {
    const shared = [
      /^assets\/data\.[0-9a-f]{10}\.js$/,
      /^assets\/search\.[0-9a-f]{10}\.js$/,
      /^assets\/charts\.[0-9a-f]{10}\.js$/,
      /^assets\/site\.[0-9a-f]{10}\.css$/,
      /^assets\/vega\.[0-9a-f]{10}\.min\.js$/,
      /^assets\/vega-lite\.[0-9a-f]{10}\.min\.js$/,
      /^assets\/vega-embed\.[0-9a-f]{10}\.min\.js$/,
      /^assets\/load\.[0-9a-f]{10}\.js$/,
    ];
    for (const name of shared)
      expect(
        [...files.keys()].filter((p) => name.test(p)),
        String(name),
      ).toHaveLength(1);
    const biggest = Math.max(...pages(files).map((p) => text(files, p).length));
    expect(biggest).toBeLessThan(200_000);
    // No inline scripts: data and code come from assets/. 404.html alone, served at any depth, cannot
    // know where assets/ is: its few lines send an old statement permalink on.
    for (const path of pages(files).filter((p) => p !== '404.html')) {
      const html = text(files, path);
      expect(html, path).not.toMatch(/<script>[^<]/);
    }
  });

  it('references nothing off-site: every script, stylesheet and image is a relative path', () => {
    for (const path of pages(files)) {
      const html = text(files, path);
      for (const [, url] of html.matchAll(/<(?:script|link|img|iframe)\b[^>]*?\s(?:src|href)="([^"]*)"/g)) {
        if (/rel="canonical"/.test(url!)) continue;
        expect(url, `${path}: ${url}`).toMatch(/^(\.\.?\/|data:,$|\/)/);
      }
    }
  });

  it('puts a cite-this block with dataset, version, record id and URL on every content page', () => {
    // Pages for ids redirected since an earlier release only point to the new record.
    const redirected = new Set((input.dataset.redirects ?? []).map((r) => recordPath(r.from)));
    const noCite = new Set(['embed.html', '404.html']);
    for (const path of pages(files).filter((p) => !noCite.has(p) && !redirected.has(p))) {
      const html = text(files, path);
      const dataset = `\\(claimgraph dataset afghanistan-2021, version ${input.meta.version}\\)`;
      if (html.includes('data-page="statement"')) {
        expectStatementCitations(html, path, dataset);
        continue;
      }
      expect(html, path).toMatch(/<section class="cite"><h([23])>Cite this<\/h\1>/);
      expect(html, path).toMatch(new RegExp(`<p>[^<]*${dataset}[^<]*</p></section>`));
    }
    const relation = input.dataset.relations[0]!;
    expect(text(files, recordPath(relation.id))).toMatch(
      new RegExp(`<p>[^<]*, record ${relation.id}\\.[^<]*</p></section>`),
    );
  });

  it('says once how to cite on a page of several statements, each with its record id as permalink', () => {
    const dataset = syntheticDataset({ entities: 300, statements: 3000, seed: 3 });
    const synthetic = buildSite({ dataset, meta: { name: 'synthetic', title: 'Synthetic', version: '0.0.0' } });
    const several = pages(synthetic).filter(
      (p) => p.startsWith('statements/') && /<article[^>]*>[^]*<article/.test(text(synthetic, p)),
    );
    expect(several.length).toBeGreaterThan(50);
    for (const path of several.slice(0, 50))
      expectStatementCitations(text(synthetic, path), path, '\\(claimgraph dataset synthetic, version 0\\.0\\.0\\)');
  });

  it('cites without a base URL by name alone: no bare site path, no site title said twice', () => {
    const cite = (path: string) => /<p>([^<]*)<\/p><\/section><\/main>/.exec(text(files, path))?.[1];
    const dataset = `claimgraph dataset afghanistan-2021, version ${input.meta.version}`;
    expect(cite('index.html')).toBe(`${input.meta.title} (${dataset}).`);
    expect(cite('search.html')).toBe(`Search of ${input.meta.title} (${dataset}).`);
    expect(cite(recordPath('person:ned-price'))).toBe(
      `Ned Price. ${input.meta.title} (${dataset}), record person:ned-price.`,
    );
    for (const path of pages(files)) expect(text(files, path), path).not.toContain('<dt>URL</dt>');
    const based = buildSite(input, { baseUrl: 'https://data.example.org/afghanistan' });
    expect(/<p>([^<]*)<\/p><\/section><\/main>/.exec(text(based, 'search.html'))?.[1]).toBe(
      `Search of ${input.meta.title} (${dataset}). https://data.example.org/afghanistan/search.html`,
    );
  });

  it('has one embed page, with one level-one heading, for every chart', () => {
    expect(pages(files).filter((p) => p.startsWith('embed'))).toEqual(['embed.html']);
    expect(text(files, 'embed.html').match(/<h1\b/g)).toHaveLength(1);
  });

  it('names every chart by the embed fragment of a chart of its page, with a note for readers without JavaScript', () => {
    let charts = 0;
    for (const path of pages(files).filter((p) => p !== 'embed.html')) {
      const html = text(files, path);
      const count = (html.match(/<figure class="chart"/g) ?? []).length;
      charts += count;
      if (count === 0) continue;
      const fragment = decode(/<figure class="chart" data-chart="([^"]*)"/.exec(html)![1]!);
      const chart = chartOfFragment(fragment);
      expect(chart, path).toBeDefined();
      expect(embedFragment(chart!), path).toBe(fragment);
      expect(chartPagePath(chart!), path).toBe(path);
      // Empty until the chart script fills it: the stylesheet says why to a reader without the script.
      expect(html, path).toMatch(/<figure class="chart" data-chart="[^"]*"( data-alone="")?><\/figure>/);
      // The chart script names the chart and adds its embed box, snippet and all (browser test).
      expect(html, path).not.toContain('Embed this chart');
      // One script tag for the charts: load.js adds the rest.
      expect(html.match(/<script\b/g), path).toHaveLength(1);
      expect(html, path).toMatch(/<script defer src="[./]*assets\/load\.[0-9a-f]{10}\.js"><\/script>/);
    }
    expect(charts).toBeGreaterThan(input.dataset.relations.length);
  });

  it('has load.js add the chart scripts in order and give the embed page its URL', () => {
    const loader = (site: SiteFiles) =>
      text(
        site,
        [...site.keys()].find((p) => p.startsWith('assets/load.'))!,
      );
    const names = ['data', 'vega', 'vega-lite', 'vega-embed', 'charts'].map((name) =>
      [...files.keys()]
        .find((p) => new RegExp(`^assets/${name}\\.[0-9a-f]{10}(\\.min)?\\.js$`).test(p))!
        .slice('assets/'.length),
    );
    expect(loader(files)).toContain(JSON.stringify(names));
    expect(loader(files)).toContain('window.CLAIMGRAPH_EMBED="/embed.html"');
    const based = buildSite(input, { baseUrl: 'https://data.example.org/afghanistan' });
    expect(loader(based)).toContain('window.CLAIMGRAPH_EMBED="https://data.example.org/afghanistan/embed.html"');
  });

  it('writes absolute URLs in citations when given a base URL', () => {
    const site = buildSite(input, { baseUrl: 'https://data.example.org/afghanistan' });
    const html = text(site, 'rel/haqqani-network-part-of-taliban.html');
    expect(html).toMatch(
      /<p>[^<]* https:\/\/data\.example\.org\/afghanistan\/rel\/haqqani-network-part-of-taliban\.html<\/p><\/section>/,
    );
    // A statement's line cites its permalink: its page and its anchor.
    const id = input.dataset.statements[0]!.id;
    expect(text(site, statementPath(id))).toContain(
      ` https://data.example.org/afghanistan/${statementPath(id)}#${statementFragment(id)}</p>`,
    );
    expect(() => buildSite(input, { baseUrl: 'javascript:alert(1)' })).toThrow(
      '@claimgraph/site: options.baseUrl: "javascript:alert(1)" is not an http(s) URL',
    );
    expect(() => buildSite(input, { pageSize: 0 })).toThrow('options.pageSize: 0 is not a positive whole number');
  });

  it('lists the release files with size and sha256 on the downloads page, and ships them', () => {
    const html = text(files, 'downloads.html');
    for (const path of ['dataset.json', 'datapackage.json', 'parquet/statements/year=2021/part-0.parquet']) {
      expect(files.has(`release/${path}`), path).toBe(true);
      expect(html).toContain(`>${path}</a>`);
    }
    expect(html).toMatch(/<code class="hash">[0-9a-f]{64}<\/code>/);
  });

  it('paginates long lists and reads without JavaScript', () => {
    const site = buildSite(input, { pageSize: 10 });
    const relations = input.dataset.relations.length;
    expect(site.has(`list/relations-${Math.ceil(relations / 10)}.html`)).toBe(true);
    expect(site.has(`list/relations-${Math.ceil(relations / 10) + 1}.html`)).toBe(false);
    expect(text(site, 'relations.html')).toContain('aria-label="Next page, 2 of');
    // The relation page carries every statement's words in the HTML itself.
    const page = text(files, 'rel/haqqani-network-part-of-taliban.html');
    expect(page).toContain('The Taliban and the Haqqani network are separate entities.');
    // Each date, at its precision, links the statement's permalink.
    expect(page).toMatch(/<a href="\.\.\/statements\/[0-9a-f]{4}\.html#st-[^"]+">27 Aug 2021<\/a>/);
    // A record id in a curator's note becomes a link named after the record.
    expect(page).toContain(
      '<a href="../rel/haqqani-network-affiliated-with-taliban.html" title="rel:haqqani-network-affiliated-with-taliban">Haqqani network — affiliated with — Taliban</a>',
    );
  });
});

describe('buildSite() on hostile text', () => {
  it('shows markup in names, quotes, notes and titles as text, never as markup', () => {
    const site = buildSite(hostileInput());
    for (const path of pages(site)) {
      const html = text(site, path);
      expect(html, path).not.toMatch(
        /<script>alert|<img src=x|<b>bold|<iframe src="javascript|<svg onload|<em>title|<b>network|<u>one|<i>a q/,
      );
      expect(html, path).not.toContain('href="javascript:');
    }
    const entity = text(site, recordPath('person:ned-price'));
    const h1 = /<h1>(.*?)<\/h1>/s.exec(entity)![1]!;
    expect(h1).not.toContain('<');
    expect(decode(h1)).toBe(HOSTILE_NAME);
    const relation = text(site, recordPath('rel:haqqani-part-of-taliban'));
    const quotes = [...relation.matchAll(/<blockquote>(.*?)<\/blockquote>/gs)].map((m) => m[1]!);
    for (const quote of quotes) expect(quote).not.toContain('<');
    expect(quotes.map(decode)).toContain(`“${HOSTILE_QUOTE}”`);
    expect(relation).toContain(
      '<span class="label">Paraphrase:</span> Says the two are &lt;u>one&lt;/u> &amp; the same',
    );
    expect(relation).toContain('<span class="label">Context:</span> answering &lt;i>a question&lt;/i> about');
    expect(HOSTILE_NAME).toContain('<script>');
    expect(HOSTILE_QUOTE).toContain('</script>');
  });

  it('keeps record text inside the data script a string, never closing it', () => {
    const site = buildSite(hostileInput());
    const data = text(
      site,
      [...site.keys()].find((p) => /^assets\/data\.\w+\.js$/.test(p))!,
    );
    const parsed = new Function(`const window = {}; ${data}; return window.CLAIMGRAPH_SITE;`)() as {
      data: ChartData;
    };
    const records = decodeChartData(parsed.data);
    expect(records.entities.map((e) => e.name)).toContain(HOSTILE_NAME);
    // Each part of words is a script too: its quotes stay strings.
    for (const name of parsed.data.parts) {
      const part = text(site, `assets/${name}`);
      const [k, words] = new Function(
        `let got; const CLAIMGRAPH_WORDS = (...a) => (got = a); ${part}; return got;`,
      )() as [number, WordsPart];
      addWords(records, parsed.data, k, words);
    }
    expect(records.statements.map((s) => s.quote)).toContain(HOSTILE_QUOTE);
  });

  it('writes a redirect page for a redirected id, pointing to the record that replaced it', () => {
    const site = buildSite(hostileInput());
    const html = text(site, recordPath('person:edward-price'));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=../person/ned-price.html"');
    expect(html).toContain('<a href="../person/ned-price.html">');
  });
});

describe('writeSite()', () => {
  it('replaces an earlier site but refuses a folder that holds anything else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'claimgraph-site-'));
    const site = buildSite(hostileInput());
    await writeSite(join(root, 'site'), site);
    await writeSite(join(root, 'site'), site);
    expect((await readdir(join(root, 'site'))).includes(SITE_MARKER)).toBe(true);
    await mkdir(join(root, 'mine'));
    await writeFile(join(root, 'mine', 'notes.txt'), 'keep me');
    await expect(writeSite(join(root, 'mine'), site)).rejects.toThrow(
      `${join(root, 'mine')}: the folder is not empty and holds no ${SITE_MARKER}`,
    );
    expect(await readFile(join(root, 'mine', 'notes.txt'), 'utf8')).toBe('keep me');
    expect((await readdir(root)).sort()).toEqual(['mine', 'site']);
  });
});

describe('a site of several datasets', () => {
  const input = (): SiteInput => {
    const base = hostileInput();
    const [first, ...rest] = base.dataset.entities;
    const provenance: Record<string, string[]> = {};
    for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
      for (const { id } of base.dataset[kind]) provenance[id] = ['one', 'two'];
    for (const { id } of rest) provenance[id] = ['two'];
    return {
      ...base,
      datasets: [
        { name: 'one', title: HOSTILE_NAME, version: '1.0.0' },
        {
          name: 'two',
          version: '0.1.0',
          coverage: { period: { from: '2012', to: '2026-12' }, languages: ['en'], searches: [], gaps: ['No Pashto.'] },
        },
      ],
      provenance: { ...provenance, [first!.id]: ['one'] },
    };
  };

  it('lists the datasets on the home page, gives each a page and links every record to its datasets', () => {
    const files = buildSite(input());
    const home = text(files, 'index.html');
    expect(home).toContain('<h2 id="datasets-title">2 datasets, shown as one</h2>');
    expect(decode(home)).toContain(`${HOSTILE_NAME}</a> (version 1.0.0)`);
    expect(home).not.toContain('<script>alert("name")</script>');
    expect(home).toMatch(/<a href="\.\/dataset\/two\.html">two<\/a> \(version 0\.1\.0\) · researched 2012 to Dec 2026/);
    expect(text(files, 'dataset/two.html')).toContain('<li>No Pashto.</li>');
    const { entities } = input().dataset;
    const [first, second] = [recordPath(entities[0]!.id), recordPath(entities[1]!.id)];
    expect(text(files, first)).toContain('<p>From dataset: <a href="../dataset/one.html">');
    expect(text(files, second)).toContain('<p>From dataset: <a href="../dataset/two.html">two</a> (version 0.1.0)</p>');
  });

  it('a site of one dataset has no dataset pages and cites the dataset as before', () => {
    const files = buildSite(hostileInput());
    expect([...files.keys()].some((path) => path.startsWith('dataset/'))).toBe(false);
    expect(text(files, 'index.html')).not.toContain('datasets-title');
  });
});
