/**
 * A small hand-written dataset for the query tests: contested, disputed and supported relations,
 * symmetric types, partial dates, relations with start and end, accents and punctuation in names.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '@claimgraph/release';
import type { Dataset } from '@claimgraph/schema';
import { writeSource } from '../../schema/test/source-folder.js';

export function fixture(): Dataset {
  return structuredClone(FIXTURE);
}

const FIXTURE: Dataset = {
  entities: [
    { id: 'armed-group:al-qaeda', type: 'armed-group', name: 'al-Qaeda', aliases: ['Al Qaida', 'AQ'] },
    { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network', aliases: ['Haqqanis'] },
    { id: 'armed-group:isis-k', type: 'armed-group', name: 'ISIS-K', aliases: ['Islamic State Khorasan Province'] },
    { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban', aliases: ['Islamic Emirate'] },
    { id: 'armed-group:taliban-faction', type: 'armed-group', name: 'Taliban faction' },
    {
      id: 'document:un-report',
      type: 'document',
      name: 'UN monitoring team report',
      documentKind: 'report',
      published: '2021-06-01',
    },
    { id: 'government-body:state-department', type: 'government-body', name: 'State Department' },
    {
      id: 'government-body:us-department-of-defense',
      type: 'government-body',
      name: 'Defense Department',
      aliases: ['Pentagon'],
    },
    { id: 'organization:o-neil-foundation', type: 'organization', name: "O'Neil Foundation" },
    { id: 'person:anas-haqqani', type: 'person', name: 'Anas Haqqani' },
    { id: 'person:john-kirby', type: 'person', name: 'John Kirby', role: 'Pentagon spokesman' },
    { id: 'person:jose-nunez', type: 'person', name: 'José Núñez' },
    { id: 'person:ned-price', type: 'person', name: 'Ned Price', role: 'State Department spokesman' },
    { id: 'person:sirajuddin-haqqani', type: 'person', name: 'Sirajuddin Haqqani', role: 'deputy leader' },
    { id: 'place:kabul', type: 'place', name: 'Kabul', placeKind: 'city' },
    { id: 'place:mazar-i-sharif', type: 'place', name: 'Mazār-i-Sharīf', placeKind: 'city' },
  ],
  relations: [
    // Disputed only: al-Qaeda part of the Taliban.
    {
      id: 'rel:al-qaeda-part-of-taliban',
      type: 'part-of',
      source: 'armed-group:al-qaeda',
      target: 'armed-group:taliban',
    },
    {
      id: 'rel:anas-relative-of-sirajuddin',
      type: 'relative-of',
      source: 'person:anas-haqqani',
      target: 'person:sirajuddin-haqqani',
      attributes: { kinship: 'brother' },
    },
    // Starts in a month: not certainly begun by 2021-08-15, begun by 2021-08.
    {
      id: 'rel:haqqani-located-in-kabul',
      type: 'located-in',
      source: 'armed-group:haqqani-network',
      target: 'place:kabul',
      start: '2021-08',
    },
    // Contested: supported by Kirby and Anas, disputed by Price.
    {
      id: 'rel:haqqani-part-of-taliban',
      type: 'part-of',
      source: 'armed-group:haqqani-network',
      target: 'armed-group:taliban',
    },
    // Ended on a day.
    {
      id: 'rel:isis-k-located-in-mazar',
      type: 'located-in',
      source: 'armed-group:isis-k',
      target: 'place:mazar-i-sharif',
      start: '2020',
      end: '2021-08-20',
    },
    // Symmetric, stored isis-k → taliban.
    {
      id: 'rel:isis-k-rival-of-taliban',
      type: 'rival-of',
      source: 'armed-group:isis-k',
      target: 'armed-group:taliban',
    },
    {
      id: 'rel:kirby-member-of-dod',
      type: 'member-of',
      source: 'person:john-kirby',
      target: 'government-body:us-department-of-defense',
      attributes: { role: 'spokesman' },
    },
    {
      id: 'rel:price-member-of-state',
      type: 'member-of',
      source: 'person:ned-price',
      target: 'government-body:state-department',
    },
    {
      id: 'rel:sirajuddin-leads-haqqani',
      type: 'leads',
      source: 'person:sirajuddin-haqqani',
      target: 'armed-group:haqqani-network',
      start: '2018',
    },
    // Symmetric, stored taliban → al-qaeda.
    {
      id: 'rel:taliban-allied-with-al-qaeda',
      type: 'allied-with',
      source: 'armed-group:taliban',
      target: 'armed-group:al-qaeda',
    },
  ],
  statements: [
    {
      id: 'st:anas-1',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:anas-haqqani',
      stance: 'supports',
      date: '2021-09-01',
      quote: 'We are one.',
      source: 'src:article',
    },
    {
      id: 'st:anas-2',
      relation: 'rel:al-qaeda-part-of-taliban',
      speaker: 'person:anas-haqqani',
      stance: 'disputes',
      date: '2021-08-28',
      source: 'src:article',
    },
    {
      id: 'st:anas-3',
      relation: 'rel:anas-relative-of-sirajuddin',
      speaker: 'person:anas-haqqani',
      stance: 'supports',
      date: '2021-09',
      source: 'src:article',
    },
    {
      id: 'st:kirby-1',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:john-kirby',
      stance: 'supports',
      date: '2021-08',
      quote: 'There is a fair amount of commingling.',
      source: 'src:article',
    },
    {
      id: 'st:kirby-2',
      relation: 'rel:kirby-member-of-dod',
      speaker: 'person:john-kirby',
      stance: 'supports',
      date: '2021-08-27',
      source: 'src:article',
    },
    {
      id: 'st:kirby-3',
      relation: 'rel:haqqani-located-in-kabul',
      speaker: 'person:john-kirby',
      stance: 'supports',
      date: '2021-08-10',
      source: 'src:article',
    },
    {
      id: 'st:kirby-4',
      relation: 'rel:taliban-allied-with-al-qaeda',
      speaker: 'person:john-kirby',
      stance: 'supports',
      date: '2021-08-20',
      source: 'src:article',
    },
    {
      id: 'st:price-1',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:ned-price',
      stance: 'disputes',
      date: '2021-08-27',
      quote: 'They are separate entities.',
      source: 'src:article',
      hedged: true,
    },
    {
      id: 'st:price-2',
      relation: 'rel:price-member-of-state',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021',
      source: 'src:article',
    },
    {
      id: 'st:price-3',
      relation: 'rel:isis-k-rival-of-taliban',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021-08-26',
      source: 'src:article',
    },
    {
      id: 'st:price-4',
      relation: 'rel:isis-k-located-in-mazar',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021-08-01',
      source: 'src:article',
    },
    {
      id: 'st:un-1',
      relation: 'rel:taliban-allied-with-al-qaeda',
      speaker: 'document:un-report',
      stance: 'supports',
      date: '2021-06',
      source: 'src:un-report',
    },
    {
      id: 'st:un-2',
      relation: 'rel:sirajuddin-leads-haqqani',
      speaker: 'document:un-report',
      stance: 'supports',
      date: '2021-06-01',
      source: 'src:un-report',
      reportedBy: 'government-body:state-department',
    },
  ],
  sources: [
    {
      id: 'src:article',
      title: "Pentagon says Taliban and Haqqani 'commingling'",
      publisher: 'Washington Examiner',
      published: '2021-09-05',
    },
    {
      id: 'src:un-report',
      title: 'Twelfth report of the Analytical Support and Sanctions Monitoring Team',
      publisher: 'United Nations',
      published: '2021-06-01',
    },
  ],
};

/** Writes a dataset source folder (data/*.json and package.json) into a fresh temporary folder. */
export async function writeSourceFolder(dataset: Dataset, version = '1.2.3'): Promise<string> {
  const { entities, relations, statements, sources, coverage } = dataset;
  return writeSource(
    await mkdtemp(join(tmpdir(), 'claimgraph-sdk-')),
    { entities, relations, statements, sources, ...(coverage ? { coverage } : {}) } as unknown as Record<
      string,
      unknown[]
    >,
    { name: '@claimgraph/dataset-fixture', version, description: 'Test fixture.', license: 'CC-BY-4.0' },
  );
}

/** A built release of the dataset: returns the source folder and its `dist/` release folder. */
export async function writeRelease(dataset: Dataset, version = '1.2.3'): Promise<{ source: string; release: string }> {
  const source = await writeSourceFolder(dataset, version);
  const built = await buildRelease(source, { releaseFiles: false });
  if (!built.result.valid) throw new Error(`fixture release is invalid: ${JSON.stringify(built.result.errors)}`);
  return { source, release: join(source, 'dist') };
}
