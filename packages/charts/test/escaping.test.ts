import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkChart, stanceChart, timelineChart } from '../src/index.js';
import { escapeHtml, renderHtml, renderSvg, scriptSafeJson } from '../src/render.js';
import { hostile, parseSvg } from './fixture.js';

const NAME = '<script>alert(1)</script>';

describe('text from the data reaches the output as text', () => {
  it.each([
    ['stance', () => stanceChart(hostile(), { relation: 'rel:mallory-member-of-taliban' })],
    ['timeline', () => timelineChart(hostile())],
    ['network', () => networkChart(hostile(), { all: true })],
  ])('the %s chart’s SVG parses, holds no script element and shows the name as written', async (_name, make) => {
    const svg = await renderSvg(make());
    const doc = parseSvg(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const text = Array.from(doc.getElementsByTagName('text'))
      .map((t) => t.textContent)
      .join('\n');
    expect(text).toContain(NAME);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('quotes with markup stay text in the stance chart', async () => {
    const svg = await renderSvg(stanceChart(hostile(), { relation: 'rel:mallory-member-of-taliban' }));
    expect(svg).not.toMatch(/<b>|<img/);
    expect(svg).toContain('Taliban &amp; "friends"');
  });

  it('the HTML page escapes </script> inside its inline JSON and still carries the exact spec', () => {
    const spec = stanceChart(hostile(), { relation: 'rel:mallory-member-of-taliban' });
    const html = renderHtml(spec, { libraries: 'cdn' });
    const open = '<script type="application/json" id="claimgraph-spec">';
    const start = html.indexOf(open) + open.length;
    const json = html.slice(start, html.indexOf('</script>', start));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(spec);
    // Only the page's own script elements: three CDN links, the JSON and the embed call.
    expect(html.match(/<script/g)).toHaveLength(5);
    expect(html.match(/<\/script>/g)).toHaveLength(5);
  });

  it('a description holding "$1", "$&" or "$\'" reaches the SVG as written and the SVG still parses', async () => {
    const description = "The programme is offering $10 million; $& and $' and $$ stay as they are.";
    const svg = await renderSvg({ ...networkChart(hostile(), { all: true }), description });
    const root = parseSvg(svg).documentElement!;
    expect(root.getAttribute('aria-label')).toContain(description);
    expect(root.getElementsByTagName('desc')[0]?.textContent).toBe(description);
  });

  it('the HTML page escapes the title and description it writes as markup', () => {
    const spec = { ...networkChart(hostile(), { all: true }), description: '"><script>alert(4)</script>' };
    const html = renderHtml(spec, { libraries: 'cdn', title: '</title><script>alert(5)</script>' });
    expect(html).toContain('<title>&#60;/title&#62;&#60;script&#62;alert(5)&#60;/script&#62;</title>');
    expect(html).toContain('aria-label="&#34;&#62;&#60;script&#62;alert(4)&#60;/script&#62;"');
  });
});

describe('scriptSafeJson', () => {
  it('parses back to the same value and never holds <, > or &, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = scriptSafeJson(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('escapes the characters HTML gives meaning to', () => {
    expect(scriptSafeJson({ a: '</script>&' })).toBe('{"a":"\\u003c/script\\u003e\\u0026"}');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
