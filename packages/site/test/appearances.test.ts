// A statement reported by several sources: its page lists each with its link and the words found
// there; a source page lists what it carries as an appearance; coverage is on the home and about pages.
import { describe, expect, it } from 'vitest';
import { validateDataset, type Dataset } from '@claimgraph/schema';
import { buildSite, recordPath, statementPath, type SiteFiles } from '../src/index.js';

const text = (files: SiteFiles, path: string) => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path} in the site`);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
};
/** The page's text without markup, spaces collapsed, as a reader sees it. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1');

function reportedTwice(): Dataset {
  const data: Dataset = {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network' },
      { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban' },
      { id: 'person:ned-price', type: 'person', name: 'Ned Price' },
    ],
    relations: [
      {
        id: 'rel:haqqani-network-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      },
    ],
    statements: [
      {
        id: 'st:ned-price-separate-entities',
        relation: 'rel:haqqani-network-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'The Taliban and the Haqqani network are separate entities',
        anchor: {
          type: 'TextQuoteSelector',
          exact: 'The Taliban and the Haqqani network are separate entities',
          prefix: 'No, it does not. ',
        },
        source: 'src:state-briefing',
        appearances: [
          {
            source: 'src:the-dispatch',
            anchor: {
              type: 'TextQuoteSelector',
              exact: 'The Taliban and the Haqqani network are separate entities',
              suffix: ', Price said',
            },
            note: 'Quoted in part.',
          },
          { source: 'src:yahoo-reprint' },
        ],
      },
    ],
    sources: [
      {
        id: 'src:state-briefing',
        title: 'Department Press Briefing',
        publisher: 'U.S. Department of State',
        published: '2021-08-27',
      },
      {
        id: 'src:the-dispatch',
        title: 'The Haqqani question',
        publisher: 'The Dispatch',
        url: 'https://example.org/dispatch',
        published: '2021-09',
        accessed: '2026-12-06',
        language: 'en',
      },
      { id: 'src:yahoo-reprint', title: 'Separate entities?', publisher: 'Yahoo News', language: 'ps' },
    ],
    coverage: {
      period: { from: '2012', to: '2026-12' },
      languages: ['en', 'ps'],
      method: 'Searched public news pages; kept officials’ quoted words.',
      searches: [{ where: 'public news pages', query: 'Haqqani separate entities', date: '2026-12-06' }],
      gaps: ['No Dari or Urdu sources were searched.'],
    },
  };
  expect(validateDataset(data, { requireSorted: false }).errors).toEqual([]);
  return data;
}

describe('buildSite() with appearances and coverage', () => {
  const site = buildSite({ dataset: reportedTwice(), meta: { name: 'appearances' } });

  it('lists every source of a statement on its page, its own first, with title, publisher, date and words', () => {
    const page = visible(text(site, statementPath('st:ned-price-separate-entities')));
    expect(page).toContain('Reported by 3 sources');
    const list = page.slice(page.indexOf('Reported by 3 sources'));
    expect(list).toContain(
      'Department Press Briefing · read from this source · U.S. Department of State · 27 Aug 2021 Words as printed: “The Taliban and the Haqqani network are separate entities”',
    );
    expect(list).toContain(
      'The Haqqani question · The Dispatch · Sep 2021 Words as printed: “The Taliban and the Haqqani network are separate entities” Note: Quoted in part.',
    );
    expect(list).toContain('Separate entities? · Yahoo News');
    expect(list.indexOf('Department Press Briefing')).toBeLessThan(list.indexOf('The Haqqani question'));
    const html = text(site, statementPath('st:ned-price-separate-entities'));
    // The address is on the source's own page, linked from the statement's, printed whole.
    expect(html).not.toContain('https://example.org/dispatch');
    expect(text(site, recordPath('src:the-dispatch'))).toContain('>https://example.org/dispatch</a>');
    expect(html).toContain(`<a href="../${recordPath('src:the-dispatch')}">The Haqqani question</a>`);
  });

  it('lists on a source page the statements it carries as an appearance, with when it was read and its language', () => {
    const dispatch = visible(text(site, recordPath('src:the-dispatch')));
    expect(dispatch).toContain('Statements it reports (0) None was read from this source first');
    expect(dispatch).toContain('Also reports (1)');
    // As a dated line linking the statement's permalink, where its words are.
    expect(dispatch).toContain('27 Aug 2021: Ned Price disputes Haqqani network — part of — Taliban');
    expect(dispatch).toContain('Read by the curators 6 Dec 2026');
    expect(dispatch).toContain('Language English (en)');
    const own = visible(text(site, recordPath('src:state-briefing')));
    expect(own).toContain('Statements it reports (1)');
    expect(own).not.toContain('Also reports');
    expect(own).not.toContain('Read by the curators');
    expect(visible(text(site, recordPath('src:yahoo-reprint')))).toContain('Language Pashto (ps)');
  });

  it('shows the period researched on the home page with a link, and the whole coverage on the about page', () => {
    const home = text(site, 'index.html');
    expect(visible(home)).toContain('Research covers 2012 to Dec 2026. What was searched, and the known gaps →');
    expect(home).toContain('<a href="./about.html">What was searched');
    const about = visible(text(site, 'about.html'));
    for (const fact of [
      'Period 2012 to Dec 2026',
      'Languages English (en), Pashto (ps)',
      'Searched public news pages; kept officials’ quoted words.',
      'public news pages Haqqani separate entities 6 Dec 2026',
      'No Dari or Urdu sources were searched.',
    ])
      expect(about).toContain(fact);
  });

  it('says so on the about page when a dataset declares no coverage', () => {
    const { coverage: _, ...rest } = reportedTwice();
    const bare = buildSite({ dataset: rest, meta: { name: 'bare' } });
    expect(visible(text(bare, 'about.html'))).toContain('This release does not say what its research covered');
    expect(visible(text(bare, 'index.html'))).toContain('About this dataset →');
  });
});
