import { describe, expect, it } from 'vitest';
import { pageTitle, TITLE_MAX } from '../src/pages/parts.js';

describe('pageTitle()', () => {
  it('names the page and the site when both fit', () => {
    expect(pageTitle('Ned Price', 'Afghanistan 2021')).toBe('Ned Price · Afghanistan 2021');
  });

  it('drops the site’s name first when the two are too long', () => {
    const title = 'Haqqani network is part of Taliban, as the Washington Examiner says';
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(pageTitle(title, 'Afghanistan 2021')).toBe(title);
  });

  it('cuts a title longer than the limit at a word, with an ellipsis', () => {
    const title =
      'Pentagon spokesman says the United States sees the Haqqani network and the Taliban as separate entities';
    const cut = pageTitle(title, 'Afghanistan 2021');
    expect(cut).toBe('Pentagon spokesman says the United States sees the Haqqani network…');
    expect(cut.length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('cuts a title of one long word where the limit falls', () => {
    expect(pageTitle('x'.repeat(100), 'Site')).toBe(`${'x'.repeat(TITLE_MAX - 1)}…`);
  });
});
