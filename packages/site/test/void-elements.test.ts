import { describe, expect, it } from 'vitest';
import { omitVoidSlashes } from '../src/void-elements.js';

describe('omitVoidSlashes()', () => {
  it('ends void elements with `>` and leaves other elements alone', () => {
    expect(omitVoidSlashes('<meta charset="utf-8"/><br/><hr /><p>a<br/>b</p><svg><rect width="1"/></svg>')).toBe(
      '<meta charset="utf-8"><br><hr><p>a<br>b</p><svg><rect width="1"/></svg>',
    );
  });

  it('reads a quoted attribute value whole, even when it holds `>` or `/>`', () => {
    expect(omitVoidSlashes(`<img alt="a/> b > c" title='x/>'/><input value="/"/>`)).toBe(
      `<img alt="a/> b > c" title='x/>'><input value="/">`,
    );
  });

  it('leaves the text of scripts and styles as it is', () => {
    const raw = '<script>const s = "<br/>";</script><style>a::after{content:"<hr/>"}</style>';
    expect(omitVoidSlashes(raw)).toBe(raw);
  });

  it('does not mistake a longer tag name for a void element', () => {
    expect(omitVoidSlashes('<colgroup/><basefont/><col/>')).toBe('<colgroup/><basefont/><col>');
  });
});
