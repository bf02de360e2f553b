/**
 * A small valid dataset for the unit tests, and helpers that validate a changed copy and return
 * its issues without the positional `index`, so that each test states file, id, path and message.
 */
import { validateDataset, type Dataset, type ValidateOptions } from '../src/index.js';

export function baseDataset(): Dataset {
  return {
    entities: [
      { id: 'armed-group:haqqani-network', name: 'Haqqani network', type: 'armed-group' },
      { id: 'armed-group:taliban', name: 'Taliban', type: 'armed-group' },
      { id: 'event:kabul-airport-attack', name: 'Kabul airport attack', type: 'event', date: '2021-08-26' },
      { id: 'government-body:state-department', name: 'State Department', type: 'government-body' },
      { id: 'person:john-kirby', name: 'John Kirby', type: 'person', role: 'Pentagon spokesman' },
      { id: 'person:ned-price', name: 'Ned Price', type: 'person' },
      { id: 'place:kabul', name: 'Kabul', type: 'place', placeKind: 'city' },
    ],
    relations: [
      {
        id: 'rel:attack-located-in-kabul',
        type: 'located-in',
        source: 'event:kabul-airport-attack',
        target: 'place:kabul',
      },
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      },
      {
        id: 'rel:taliban-cooperates-with-haqqani',
        type: 'cooperates-with',
        source: 'armed-group:taliban',
        target: 'armed-group:haqqani-network',
      },
    ],
    statements: [
      {
        id: 'st:kirby-1',
        relation: 'rel:taliban-cooperates-with-haqqani',
        speaker: 'person:john-kirby',
        stance: 'supports',
        date: '2021-08-27',
        quote: 'There is a great deal of commingling',
        source: 'src:article',
      },
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08',
        source: 'src:article',
      },
      {
        id: 'st:state-1',
        relation: 'rel:attack-located-in-kabul',
        speaker: 'government-body:state-department',
        stance: 'supports',
        date: '2021-08-26',
        source: 'src:article',
        reportedBy: 'person:ned-price',
      },
    ],
    sources: [
      { id: 'src:article', title: 'Separate entities?', publisher: 'Washington Examiner', published: '2021-08-30' },
    ],
  };
}

export interface Problem {
  file: string;
  id: string | null;
  path: string;
  message: string;
}

/** A loosely typed copy of the base dataset, for tests that break it on purpose. */
export type Loose = Record<'entities' | 'relations' | 'statements' | 'sources', Record<string, unknown>[]>;

/** Validates the base dataset after `change` and returns its issues as `{ file, id, path, message }`. */
export function problemsAfter(change: (data: Loose) => void, options?: ValidateOptions): Problem[] {
  const data = baseDataset() as unknown as Loose;
  change(data);
  return problemsOf(data, options);
}

export function problemsOf(data: unknown, options?: ValidateOptions): Problem[] {
  return validateDataset(data, options).errors.map(({ file, id, path, message }) => ({ file, id, path, message }));
}

/** The record of a list with the given id; fails loudly when a test names a record that is not there. */
export function record(list: Record<string, unknown>[], id: string): Record<string, unknown> {
  const found = list.find((r) => r.id === id);
  if (!found) throw new Error(`test fixture has no record ${id}`);
  return found;
}

/** A statement for `relation`, copied from st:price-1 under a new id (ids sort after the base ones). */
export function statementFor(relation: string, id = 'st:zz-1'): Record<string, unknown> {
  return { id, relation, speaker: 'person:ned-price', stance: 'supports', date: '2021-08', source: 'src:article' };
}
