import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePart, pathToUrl, perspectivePath, recordPath, relativeHref } from '../src/index.js';

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
            !prefix.includes(':') && !['assets', 'embed', 'perspective', 'release', 'list', 'dataset'].includes(prefix),
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
