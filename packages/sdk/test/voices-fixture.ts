/**
 * A small synthetic dataset for consensus rules and positions: spokespeople and their
 * departments, hedged and partial words, a speaker who changes position, and dates of every precision.
 */
import type { Dataset, Statement } from '@claimgraph/schema';

const SRC = 'src:wire';

function st(
  id: string,
  relation: string,
  speaker: string,
  stance: Statement['stance'],
  date: string,
  extra: { hedged?: boolean; partial?: boolean } = {},
): Statement {
  return { id: `st:${id}`, relation, speaker, stance, date, quote: `Words ${id}.`, source: SRC, ...extra };
}

export const PART_OF = 'rel:a-part-of-b';
export const AFFILIATED = 'rel:a-affiliated-with-b';
export const HEDGED_ONLY = 'rel:a-allied-with-c';
export const TWO_HEDGED = 'rel:b-allied-with-c';
export const SPLIT = 'rel:c-rival-of-a';

/** Entities A, B, C (armed groups); the State and Defense departments with a spokesman each; an analyst. */
export function voicesFixture(): Dataset {
  return {
    entities: [
      { id: 'armed-group:a', type: 'armed-group', name: 'Group A' },
      { id: 'armed-group:b', type: 'armed-group', name: 'Group B' },
      { id: 'armed-group:c', type: 'armed-group', name: 'Group C' },
      { id: 'government-body:defense', type: 'government-body', name: 'Defense Department' },
      { id: 'government-body:state', type: 'government-body', name: 'State Department' },
      { id: 'media-outlet:wire', type: 'media-outlet', name: 'The Wire' },
      { id: 'person:analyst', type: 'person', name: 'An Analyst' },
      { id: 'person:deputy', type: 'person', name: 'A Deputy' },
      { id: 'person:kirby', type: 'person', name: 'Kirby' },
      { id: 'person:price', type: 'person', name: 'Price' },
    ],
    relations: [
      { id: AFFILIATED, type: 'affiliated-with', source: 'armed-group:a', target: 'armed-group:b' },
      { id: HEDGED_ONLY, type: 'allied-with', source: 'armed-group:a', target: 'armed-group:c' },
      { id: PART_OF, type: 'part-of', source: 'armed-group:a', target: 'armed-group:b' },
      { id: TWO_HEDGED, type: 'allied-with', source: 'armed-group:b', target: 'armed-group:c' },
      { id: SPLIT, type: 'rival-of', source: 'armed-group:c', target: 'armed-group:a' },
      // A deputy is a member, not a spokesperson: never heard as the department.
      {
        id: 'rel:deputy-member-of-state',
        type: 'member-of',
        source: 'person:deputy',
        target: 'government-body:state',
        attributes: { role: 'deputy secretary' },
      },
      {
        id: 'rel:kirby-member-of-defense',
        type: 'member-of',
        source: 'person:kirby',
        target: 'government-body:defense',
        attributes: { role: 'spokesman' },
      },
      {
        id: 'rel:price-member-of-state',
        type: 'member-of',
        source: 'person:price',
        target: 'government-body:state',
        attributes: { role: 'Spokesman' },
      },
    ],
    statements: [
      st('analyst-2020-part-of', PART_OF, 'person:analyst', 'supports', '2020'),
      st('analyst-2021-09-not-part-of', PART_OF, 'person:analyst', 'disputes', '2021-09', { hedged: true }),
      st('analyst-2022-affiliated', AFFILIATED, 'person:analyst', 'supports', '2022-03-01'),
      st('deputy-affiliated', AFFILIATED, 'person:deputy', 'supports', '2021-08-29'),
      st('kirby-not-part-of', PART_OF, 'person:kirby', 'disputes', '2021-08'),
      st('kirby-commingling', PART_OF, 'person:kirby', 'supports', '2021-08-28', { partial: true }),
      st('price-separate', PART_OF, 'person:price', 'disputes', '2021-08-27'),
      st('state-affiliated', AFFILIATED, 'government-body:state', 'supports', '2021-08-30'),
      st('state-separate', PART_OF, 'government-body:state', 'disputes', '2021-08-28'),
      st('wire-allied-a-c', HEDGED_ONLY, 'media-outlet:wire', 'supports', '2021-08-28', { hedged: true }),
      st('wire-allied-b-c', TWO_HEDGED, 'media-outlet:wire', 'supports', '2021-08-28', { hedged: true }),
      st('analyst-allied-b-c', TWO_HEDGED, 'person:analyst', 'supports', '2021-08-28', { partial: true }),
      st('wire-rival-yes', SPLIT, 'media-outlet:wire', 'supports', '2021-08-28'),
      st('wire-rival-no', SPLIT, 'media-outlet:wire', 'disputes', '2021-08-28'),
      st('wire-deputy-member', 'rel:deputy-member-of-state', 'media-outlet:wire', 'supports', '2021-08-28'),
      st('wire-kirby-member', 'rel:kirby-member-of-defense', 'media-outlet:wire', 'supports', '2021-08-28'),
      st('wire-price-member', 'rel:price-member-of-state', 'media-outlet:wire', 'supports', '2021-08-28'),
    ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    sources: [{ id: SRC, title: 'The Wire', publisher: 'The Wire', published: '2022-03-01' }],
  };
}
