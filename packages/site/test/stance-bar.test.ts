// A relation row's stance bar: the share of supporting statements, written only when it is not all of them.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { StanceBar } from '../src/pages/parts.js';

const bar = (supports: number, disputes: number, row = false) =>
  renderToString(h(StanceBar, { supports, disputes, row }));

describe('the stance bar', () => {
  it('writes the supporting share only when some statements dispute', () => {
    expect(bar(3, 0)).toBe('<span class="bar">3 for, 0 against</span>');
    expect(bar(1, 2)).toBe('<span class="bar" style="--f:33.3%">1 for, 2 against</span>');
    expect(bar(0, 2)).toBe('<span class="bar" style="--f:0%">0 for, 2 against</span>');
  });

  it('marks a relation without statements as an empty bar, even in a row', () => {
    expect(bar(0, 0)).toBe('<span class="bar none">0 for, 0 against</span>');
    expect(bar(0, 0, true)).toBe('<span class="bar none">0 for, 0 against</span>');
  });

  it('leaves the class to the list in a row', () => {
    expect(bar(4, 1, true)).toBe('<span style="--f:80%">4 for, 1 against</span>');
  });
});
