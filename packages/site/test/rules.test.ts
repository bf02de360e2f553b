// Consensus rules and positions on the site: the rule named beside every status, a page that
// explains each rule, each relation's verdict under every rule, and a speaker's positions in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_RULES, ruleName } from '@claimgraph/sdk';
import { buildSite, type SiteFiles } from '../src/index.js';
import { bundledInput, hostileInput } from './fixtures.js';

const text = (files: SiteFiles, path: string) => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path} in the site`);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
};
/** The page as words: tags dropped, the five entities read back, spaces folded. */
const words = (html: string, tag = '') =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, tag)
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)
    .replace(/\s+/g, ' ');

let files: SiteFiles;
beforeAll(async () => {
  files = buildSite(await bundledInput());
});

describe('the consensus rules on the bundled site', () => {
  it('names the rule beside a status, or once above a list of them, linked to its explanation', () => {
    const rule = /<a class="status-rule" href="(\.\.?\/)*rules\.html#every-statement-1"[^>]*>every-statement@1<\/a>/;
    let badges = 0;
    let listed = 0;
    let agreed = 0;
    for (const [path] of files) {
      if (!path.endsWith('.html')) continue;
      // The verdict table names its rules in its own column.
      const html = text(files, path).replace(/<table class="verdicts">[\s\S]*?<\/table>/g, '');
      // A badge is a span; a row of a relation list says its status in an <i>, classed unless supported.
      for (const match of html.matchAll(
        /<span class="status status-(\w+)">\w+<\/span>|<i(?: class="status-\w+")?>(\w+)<\/i>/g,
      )) {
        badges++;
        const status = match[1] ?? match[2];
        const after = html.slice(match.index + match[0].length, match.index + match[0].length + 200);
        if (after.startsWith(' <a class="status-rule"')) {
          expect(after, `${path}: ${status}`).toMatch(new RegExp(`^ ${rule.source}`));
          continue;
        }
        // A relation's status that every rule finds: the standfirst says so and links the rules.
        if (
          html.includes('data-page="relation"') &&
          html.slice(0, match.index).includes('<p class="kicker">') &&
          !html.slice(0, match.index).includes('<h1') &&
          new RegExp(`All \\d+ <a href="(\\.\\./)*rules\\.html">rules</a> agree, on the same count`).test(html)
        ) {
          agreed++;
          continue;
        }
        // A row of a relation list: the list's note above it names the rule.
        listed++;
        const before = html.slice(0, match.index);
        const note = before.lastIndexOf('<p class="rule-note">');
        expect(note, `${path}: ${status} without a rule note`).toBeGreaterThan(-1);
        expect(before.slice(note), path).toMatch(rule);
      }
    }
    expect(badges).toBeGreaterThan(80);
    expect(listed).toBeGreaterThan(40);
    expect(agreed).toBeGreaterThan(10);
  });

  it('explains every rule, with its version and what it finds in this dataset', () => {
    const page = words(text(files, 'rules.html'));
    for (const rule of CONSENSUS_RULES) {
      expect(page).toContain(ruleName(rule));
      expect(page).toContain(rule.description);
    }
    expect(page).toMatch(/every-statement@1.*In this dataset: \d+ supported, \d+ disputed, \d+ contested\./);
  });

  it("gives each relation's verdict under every rule", () => {
    const page = words(text(files, 'rel/haqqani-network-part-of-taliban.html'), ' ');
    expect(page).toContain('Under each rule');
    // Its counts follow the curated data; who is heard as one voice does not.
    expect(page).toContain('Rule Verdict For (voices) Against (voices)');
    expect(page).toMatch(/every-statement@1 contested (\d+) \(\1\) (\d+) \(\2\)/);
    // Ned Price and the State Department: one voice.
    expect(page).toMatch(/one-voice-per-body@1 contested [\d.]+ \(\d+\) 1 \(1\)/);
  });

  it('says in a line, not a table, that the rules agree when each finds the same on the same count', () => {
    let agreed = 0;
    for (const [path] of files) {
      if (!path.startsWith('rel/')) continue;
      const html = text(files, path);
      if (html.includes('data-page="redirect"')) continue;
      // The verdict is said only when it is not the status the standfirst already says.
      const line = /All (\d+) <a href="\.\.\/rules\.html">rules<\/a> agree(?:: (\w+))?, on the same count\./.exec(html);
      if (!line) {
        expect(html, path).toContain('<table class="verdicts">');
        continue;
      }
      agreed++;
      expect(Number(line[1])).toBe(CONSENSUS_RULES.length);
      expect(html, path).not.toContain('<table class="verdicts">');
      // The verdict they agree on is the status the page shows, with its rule beside it.
      expect(html, path).toContain(`<p class="kicker">Relation · `);
      const status = /<p class="kicker">.*?<span class="status status-(\w+)">/.exec(html)?.[1];
      expect(line[2] ?? status, path).toBe(status);
    }
    expect(agreed).toBeGreaterThan(0);
    expect(text(files, 'rel/haqqani-network-part-of-taliban.html')).toContain('<table class="verdicts">');
  });

  it("shows a body's positions in order, its spokesman named and linked, and the change marked", () => {
    const page = words(text(files, 'perspective/government-body/state-department.html'));
    const positions = page.slice(page.indexOf('Positions over time'), page.indexOf('Cite this'));
    expect(positions).toContain('Haqqani network and Taliban');
    // A relation shows its latest statement; the spokesman's earlier words on it are counted and one
    // link away (the relation's page), and a line that is his names him and links his own page.
    const latest = positions.indexOf('disputes Haqqani network — part of — Taliban');
    const change = positions.indexOf('changed from disputes part of (27 Aug 2021) to supports affiliated with');
    expect(latest).toBeGreaterThan(0);
    expect(positions.slice(latest)).toMatch(
      /^disputes Haqqani network — part of — Taliban( \(Ned Price\))?, and 1 earlier/,
    );
    expect(positions).not.toContain('“');
    expect(change).toBeGreaterThan(latest);
    expect(positions.indexOf('changed from', change + 1)).toBe(-1);
    expect(positions).toContain('(Ned Price)');
    expect(text(files, 'perspective/government-body/state-department.html')).toContain(
      '(<a href="../../perspective/person/ned-price.html">Ned Price</a>)',
    );
    const spokesman = words(text(files, 'perspective/person/ned-price.html'));
    expect(spokesman).toContain('Ned Price speaks for the State Department, whose positions include these words.');
  });
});

describe('positions on a synthetic site', () => {
  it("marks a speaker's own change of stance on their page", () => {
    const input = hostileInput();
    input.dataset.statements.push({
      id: 'st:price-2',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021-08-28',
      quote: 'They are one.',
      source: 'src:hostile',
    });
    const site = buildSite(input);
    const page = words(text(site, 'perspective/person/ned-price.html'));
    expect(page).toMatch(
      /28 Aug 2021: supports [^“]*, and 1 earlier ?28 Aug 2021: changed from disputes part of \(27 Aug 2021\) to supports part of/,
    );
    expect(page).not.toContain('speaks for the');
  });
});
