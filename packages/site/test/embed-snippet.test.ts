// The iframe snippet the chart script writes into "Embed this chart": the same markup the pages held
// before it moved to the browser (rendered by Preact), with record text escaped.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../src/client/embed.js';
import { embedFragment, type ChartRef } from '../src/paths.js';

const rendered = (src: string, title: string) =>
  renderToString(
    h('iframe', { src, title, width: '100%', height: '520', style: 'border:0;max-width:100%', loading: 'lazy' }),
  );

describe('embedSnippet(), the markup a reader pastes', () => {
  const charts: ChartRef[] = [
    { kind: 'stance', relation: 'rel:haqqani-network-part-of-taliban' },
    { kind: 'network', entity: 'armed-group:haqqani-network' },
    { kind: 'perspective', speaker: 'person:ned-price' },
    { kind: 'timeline', relation: ['rel:a', 'rel:b'] },
  ];

  it('writes the embed page at the chart’s fragment in an iframe, as the pages rendered it', () => {
    for (const chart of charts)
      for (const base of ['/embed.html', 'https://data.example.org/afghanistan/embed.html'])
        expect(embedSnippet(base, chart, 'Who says what: A — part of — B')).toBe(
          rendered(`${base}#${embedFragment(chart)}`, 'Who says what: A — part of — B'),
        );
    expect(embedSnippet('/embed.html', charts[0]!, 'x')).toBe(
      '<iframe src="/embed.html#stance=rel:haqqani-network-part-of-taliban" title="x" width="100%" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });

  it('escapes quotes, ampersands and angle brackets of a hostile name', () => {
    const label = `"><script>alert('x')</script> & co`;
    const snippet = embedSnippet('/embed.html', charts[1]!, label);
    expect(snippet).toBe(rendered(`/embed.html#${embedFragment(charts[1]!)}`, label));
    expect(snippet).not.toContain('<script');
    expect(snippet).toContain('title="&quot;>&lt;script>alert(\'x\')&lt;/script> &amp; co"');
  });
});
