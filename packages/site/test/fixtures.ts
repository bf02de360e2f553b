// Datasets for the site's tests: the bundled releases, alone and as one site of two datasets, and a
// small hostile one whose names, quotes and notes are markup, quotes and script-closing text, with a redirect.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateDataset, type Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import type { SiteDataset, SiteInput } from '../src/index.js';
import { loadSiteInput } from '../src/index.js';

export const BUNDLED = fileURLToPath(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url));
export const SECOND = fileURLToPath(new URL('../../../datasets/taliban-haqqani/dist/', import.meta.url));

async function releaseInput(path: string): Promise<SiteInput> {
  const loaded = await loadSiteInput(path);
  if (!loaded.ok) throw new Error(`the release ${path} is invalid: ${JSON.stringify(loaded.errors[0])}`);
  return loaded.input;
}

export const bundledInput = (): Promise<SiteInput> => releaseInput(BUNDLED);
export const secondInput = (): Promise<SiteInput> => releaseInput(SECOND);

/** Both bundled releases as one site, put together as `claimgraph site --dataset A --dataset B` does. */
export async function bothInput(): Promise<SiteInput> {
  const [first, second] = await Promise.all([bundledInput(), secondInput()]);
  const cg = await ClaimGraph.load([BUNDLED, SECOND]);
  const datasets: SiteDataset[] = cg.datasets.map((info, i) => ({
    ...[first, second][i]!.meta,
    name: info.name,
    ...(info.coverage ? { coverage: info.coverage } : {}),
  }));
  const dataset = cg.toJSON();
  const provenance: Record<string, string[]> = {};
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    for (const { id } of dataset[kind]) provenance[id] = cg.datasetsOf(id);
  return {
    dataset,
    meta: { name: datasets.map((d) => d.name).join('+'), title: datasets.map((d) => d.title).join(' + ') },
    datasets,
    provenance,
  };
}

export const HOSTILE_NAME = '<script>alert("name")</script> & "Ned" \'Price\'';
export const HOSTILE_PARAPHRASE = 'Says the two are <u>one</u> & the same';
export const HOSTILE_QUOTE = 'They said </script><img src=x onerror=alert(1)> and "</p><b>bold</b>';

export function hostileDataset(): Dataset {
  const data: Dataset = {
    entities: [
      {
        id: 'armed-group:haqqani-network',
        type: 'armed-group',
        name: 'Haqqani <b>network</b>',
        aliases: ['</title><script>alert(2)</script>', 'د حقاني شبکه'],
        description: 'A group whose description holds <iframe src="javascript:alert(3)"></iframe>.',
      },
      { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban "movement" <!-- comment -->' },
      {
        id: 'media-outlet:example',
        type: 'media-outlet',
        name: 'Example </style> News',
        url: 'https://example.org/?a=1&b="2"',
      },
      { id: 'person:ned-price', type: 'person', name: HOSTILE_NAME, role: '<img src=x onerror=alert(4)>' },
    ],
    relations: [
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
        note: 'Curated from "</script>" <a href="javascript:alert(5)">text</a>.',
      },
    ],
    statements: [
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: HOSTILE_QUOTE,
        source: 'src:hostile',
        hedged: true,
        reportedBy: 'media-outlet:example',
      },
      {
        id: 'st:taliban-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'armed-group:taliban',
        stance: 'supports',
        date: '2021-08',
        quote: 'We are one ${"}`\\u003c/script>',
        context: 'answering <i>a question</i> about "</blockquote>"',
        source: 'src:hostile',
      },
      {
        id: 'st:example-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'media-outlet:example',
        stance: 'supports',
        date: '2021',
        paraphrase: 'Says the two are <u>one</u> & the same',
        source: 'src:hostile',
      },
    ],
    sources: [
      {
        id: 'src:hostile',
        title: 'A <em>title</em> with "quotes" & </script>',
        publisher: '<svg onload=alert(6)>',
        url: 'https://example.org/article?x=<y>',
        published: '2021-08-28',
      },
    ],
    redirects: [
      {
        from: 'person:edward-price',
        to: 'person:ned-price',
        reason: 'renamed to "Ned" <the spelling> the source uses',
        date: '2021-09',
      },
    ],
  };
  for (const list of [data.entities, data.relations, data.statements, data.sources])
    list.sort((a, b) => (a.id < b.id ? -1 : 1));
  const result = validateDataset(data);
  if (!result.valid) throw new Error(`hostile fixture is invalid: ${JSON.stringify(result.errors)}`);
  return data;
}

export function hostileInput(): SiteInput {
  return {
    dataset: hostileDataset(),
    meta: { name: 'hostile<x>', title: 'Hostile "title" </title><script>alert(7)</script>', version: '1.0.0' },
  };
}

export const readText = (path: string) => readFileSync(path, 'utf8');
