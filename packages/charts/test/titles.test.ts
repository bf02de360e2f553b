// Titles and subtitles on a phone: they wrap between words, and only a caller's line limit
// shortens them, after a whole word, with the whole title kept in the SVG's <title>.
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { renderSvg } from '../src/render.js';
import { textWidth } from '../src/text-width.js';
import { PART_OF, mini } from './fixture.js';

const TITLE = 'What Washington and the Taliban disagreed about when the last American aircraft left Kabul';
const SUBTITLE = 'Statements by officials in Washington, Doha and Kabul, as the reporters quoted them at the time';
const HELPERS = { stanceChart, timelineChart, networkChart, centralityChart };

const titleOf = (spec: object) => (spec as { title: { text: string[]; subtitle: string[] } }).title;
const words = (text: string) => new Set(text.replace(/[…]/g, '').split(/\s+/).filter(Boolean));

describe.each(Object.entries(HELPERS))('%s title at 375 px', (_name, make) => {
  it('wraps the title and subtitle between whole words, dropping none', () => {
    const spec = make(mini(), { width: 375, title: TITLE, subtitle: SUBTITLE });
    const { text, subtitle } = titleOf(spec);
    expect(text.join(' ')).toBe(TITLE);
    expect(subtitle.join(' ')).toBe(SUBTITLE);
    for (const line of text) expect(textWidth(line, 18, 'bold')).toBeLessThanOrEqual(375);
  });

  it('shortens the title past titleLines after a whole word, with an ellipsis', () => {
    const spec = make(mini(), { width: 375, title: TITLE, titleLines: 1 });
    const { text } = titleOf(spec);
    expect(text).toHaveLength(1);
    expect(text[0]).toMatch(/…$/);
    const all = words(TITLE);
    for (const word of words(text[0]!)) expect(all.has(word)).toBe(true);
  });
});

describe('titleLines', () => {
  it('keeps the whole title in the SVG <title> when the drawn one is shortened', async () => {
    const svg = await renderSvg(stanceChart(mini(), { relation: PART_OF, width: 375, title: TITLE, titleLines: 1 }));
    expect(svg).toContain(`<title>${TITLE}</title>`);
  });

  it('is a whole number of lines, checked like every option', () => {
    expect(() => stanceChart(mini(), { titleLines: 0 })).toThrow(
      'stanceChart: options.titleLines: must be a whole number from 1 to 20, not 0',
    );
  });
});
