import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInNewContext } from 'node:vm';
import {
  embedPath,
  encodePart,
  pathToUrl,
  perspectivePath,
  recordPath,
  relativeHref,
  statementFragment,
  statementHref,
  statementPath,
  STATEMENT_PAGES,
  type ChartRef,
} from '../src/index.js';
import { chartOfFragment, embedFragment } from '../src/paths.js';
import { oldPermalinkScript } from '../src/pages/not-found.js';

describe('recordPath(), the permalink of a record id', () => {
  it('maps the prefix to a folder and the name to a page', () => {
    expect(recordPath('person:ned-price')).toBe('person/ned-price.html');
    expect(recordPath('rel:haqqani-network-part-of-taliban')).toBe('rel/haqqani-network-part-of-taliban.html');
    expect(recordPath('st:kirby-1')).toBe('st/kirby-1.html');
    expect(perspectivePath('person:ned-price')).toBe('perspective/person/ned-price.html');
  });

  it('percent-encodes every other character, one %XX per UTF-8 byte', () => {
    expect(recordPath('person:josé')).toBe('person/jos%C3%A9.html');
    expect(recordPath('person:a/b')).toBe('person/a%2Fb.html');
    expect(recordPath('person:..')).toBe('person/%2E%2E.html');
    expect(recordPath('doc:a:b')).toBe('doc/a%3Ab.html');
    expect(recordPath('place:کابل')).toBe(`place/${encodePart('کابل')}.html`);
    expect(encodePart('a b?#')).toBe('a%20b%3F%23');
  });

  it('links write the % of a file name as %25, so a host decodes the link to that file', () => {
    expect(pathToUrl(recordPath('person:josé'))).toBe('person/jos%25C3%25A9.html');
    expect(decodeURIComponent(pathToUrl(recordPath('person:josé')))).toBe(recordPath('person:josé'));
  });

  it('makes relative links that never start with the prefix and a colon', () => {
    expect(relativeHref('index.html', 'person/ned-price.html')).toBe('./person/ned-price.html');
    expect(relativeHref('rel/x.html', 'person/ned-price.html')).toBe('../person/ned-price.html');
    expect(relativeHref('perspective/person/y.html', 'assets/site.css')).toBe('../../assets/site.css');
    expect(new URL(relativeHref('index.html', recordPath('javascript:alert(1)')), 'https://s.example/a/').href).toBe(
      'https://s.example/a/javascript/alert%25281%2529.html',
    );
  });

  it('refuses ids without a prefix or a name, and prefixes the site reserves', () => {
    expect(() => recordPath('ned-price')).toThrow('@claimgraph/site: permalink: "ned-price" is not a record id');
    expect(() => recordPath('person:')).toThrow('is not a record id');
    expect(() => recordPath('assets:site')).toThrow('the prefix "assets" is a folder the site reserves');
  });

  it('gives every id its own ASCII path inside its prefix folder (property)', () => {
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
        fc.string({ minLength: 1, unit: 'grapheme' }),
        (prefix, name) => {
          fc.pre(
            !prefix.includes(':') &&
              !['assets', 'embed', 'perspective', 'release', 'list', 'dataset', 'statements'].includes(prefix),
          );
          const id = `${prefix}:${name}`;
          const path = recordPath(id);
          expect(path).toMatch(/^[A-Za-z0-9_%-]+\/[A-Za-z0-9_%-]+\.html$/);
          const other = seen.get(path);
          if (other !== undefined) expect(other).toBe(id);
          seen.set(path, id);
        },
      ),
      { seed: 16, numRuns: 500 },
    );
  });
});

describe('statementPath(), the page a statement shares', () => {
  it('puts a statement on a page chosen by its id alone, at the anchor named by its id', () => {
    // Fixed for good: these pages are permalinks already cited.
    expect(statementPath('st:kirby-1')).toBe(statementPath('st:kirby-1'));
    expect(statementPath('st:kirby-1')).toMatch(/^statements\/[0-9a-f]{4}\.html$/);
    expect(statementHref('rel/x.html', 'st:kirby-1')).toBe(`../${statementPath('st:kirby-1')}#st-kirby-1`);
    expect(statementFragment('st:kirby-1')).toBe('st-kirby-1');
  });

  it('spreads statements over its pages evenly enough that none is crowded', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const path = statementPath(`st:statement-${i.toString(36)}`);
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(STATEMENT_PAGES * 0.99);
    // About 6 a page on average: a page of more than 25 would mean the hash clusters.
    expect(Math.max(...counts.values())).toBeLessThan(25);
  });
});

describe('404.html, which sends an old statement permalink on', () => {
  /** Runs the page's script at `pathname`: where it sends the browser, or undefined. */
  const redirect = (prefixes: string[], pathname: string) => {
    let to: string | undefined;
    const location = { pathname, replace: (url: string) => (to = url) };
    runInNewContext(oldPermalinkScript(prefixes), { location, TextEncoder, decodeURIComponent });
    return to;
  };

  it('maps st/<name>.html, at any depth, to the statement on its new page', () => {
    for (const id of ['st:kirby-1', 'st:ned-price-no-it-does-not', 'st:0']) {
      const old = `/${pathToUrl(recordPath(id))}`;
      expect(redirect(['st'], old)).toBe(`/${statementPath(id)}#${statementFragment(id)}`);
      expect(redirect(['st'], `/project${old}`)).toBe(`/project/${statementPath(id)}#${statementFragment(id)}`);
    }
  });

  it('leaves any other missing page alone', () => {
    expect(redirect(['st'], '/person/nobody.html')).toBeUndefined();
    expect(redirect(['st'], '/st/')).toBeUndefined();
    expect(redirect(['st'], '/nothing.html')).toBeUndefined();
  });
});

describe('embedFragment(), the chart an embed page shows', () => {
  it('names a chart in the fragment, read back as the same chart', () => {
    const charts: ChartRef[] = [
      { kind: 'stance', relation: 'rel:haqqani-network-part-of-taliban' },
      { kind: 'network', entity: 'person:ned-price' },
      { kind: 'perspective', speaker: 'person:ned-price' },
      { kind: 'timeline', relation: ['rel:a', 'rel:b'] },
    ];
    for (const chart of charts) expect(chartOfFragment(embedFragment(chart))).toEqual(chart);
    expect(embedPath(charts[0]!)).toBe('embed.html#stance=rel:haqqani-network-part-of-taliban');
    expect(chartOfFragment('')).toBeUndefined();
    expect(chartOfFragment('pie=rel:a')).toBeUndefined();
    expect(chartOfFragment('stance=rel:a,rel:b')).toBeUndefined();
    expect(chartOfFragment('network=%E0%A4%A')).toBeUndefined();
  });
});
