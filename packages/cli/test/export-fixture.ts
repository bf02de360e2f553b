// A small dataset source folder for the export and sql tests: quotes with commas and quotes,
// formula-like text, Pashto and Arabic names, a contested relation.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', 'bin', 'claimgraph.js');

export function claimgraph(args: string[], options: { cwd?: string; nodeArgs?: string[] } = {}) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

export const FIXTURE = {
  entities: [
    {
      id: 'armed-group:haqqani-network',
      type: 'armed-group',
      name: 'Haqqani network',
      aliases: ['حقاني شبکه', 'HQN, the "network"'],
    },
    {
      id: 'armed-group:taliban',
      type: 'armed-group',
      name: 'طالبان',
      aliases: ['Taliban'],
      description: '=The movement, as the source "describes" it.',
    },
    { id: 'person:ned-price', type: 'person', name: 'Ned Price', role: 'State Department spokesman' },
    { id: 'person:sirajuddin-haqqani', type: 'person', name: 'سراج الدين حقاني', role: 'deputy leader' },
  ],
  relations: [
    {
      id: 'rel:haqqani-allied-with-taliban',
      type: 'allied-with',
      source: 'armed-group:haqqani-network',
      target: 'armed-group:taliban',
    },
    {
      id: 'rel:haqqani-part-of-taliban',
      type: 'part-of',
      source: 'armed-group:haqqani-network',
      target: 'armed-group:taliban',
    },
    {
      id: 'rel:sirajuddin-leads-haqqani',
      type: 'leads',
      source: 'person:sirajuddin-haqqani',
      target: 'armed-group:haqqani-network',
      attributes: { role: 'leader, "emir"' },
    },
  ],
  statements: [
    {
      id: 'st:price-1',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:ned-price',
      stance: 'disputes',
      date: '2021-08-27',
      quote: 'They are "separate entities," he said.',
      source: 'src:article',
    },
    {
      id: 'st:siraj-1',
      relation: 'rel:haqqani-part-of-taliban',
      speaker: 'person:sirajuddin-haqqani',
      stance: 'supports',
      date: '2020',
      quote: 'موږ يو يو، او ګډ يو',
      source: 'src:article',
    },
    {
      id: 'st:siraj-2',
      relation: 'rel:sirajuddin-leads-haqqani',
      speaker: 'person:sirajuddin-haqqani',
      stance: 'supports',
      date: '2021-08',
      source: 'src:article',
    },
    {
      id: 'st:siraj-3',
      relation: 'rel:haqqani-allied-with-taliban',
      speaker: 'person:sirajuddin-haqqani',
      stance: 'supports',
      date: '2021-08-20',
      source: 'src:article',
    },
  ],
  sources: [
    {
      id: 'src:article',
      title: 'Pentagon: Taliban, Haqqani "commingling"',
      publisher: 'Washington Examiner',
      published: '2021-08-31',
    },
  ],
};

/** Writes the fixture as a dataset source folder (files sorted by id, as curators keep them). */
export function writeFixture(dir: string, data: Record<string, { id: string }[]> = FIXTURE): string {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@claimgraph/dataset-fixture',
      version: '1.0.0',
      description: 'Fixture',
      license: 'CC-BY-4.0',
    }),
  );
  for (const [kind, records] of Object.entries(data)) {
    const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    writeFileSync(join(dir, 'data', `${kind}.json`), `${JSON.stringify(sorted, null, 2)}\n`);
  }
  return dir;
}
