import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph, ClaimGraphLoadError, ClaimGraphMergeError, type JudgementsFile } from '../src/index.js';
import { syntheticPair } from '../src/synthetic.js';

const bundled = new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url);

/** Two small datasets that share an entity, a source and a statement's relation ends. */
function pair(): [Dataset, Dataset] {
  const a: Dataset = {
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
        id: 'st:price-1',
        relation: 'rel:haqqani-network-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'They are separate entities.',
        source: 'src:briefing',
      },
    ],
    sources: [{ id: 'src:briefing', title: 'Department Press Briefing', publisher: 'State Department' }],
  };
  const b: Dataset = {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani Network (HQN)' },
      { id: 'armed-group:the-taliban', type: 'armed-group', name: 'The Taliban' },
      { id: 'person:anas-haqqani', type: 'person', name: 'Anas Haqqani' },
      { id: 'person:ned-price', type: 'person', name: 'Ned Price' },
    ],
    relations: [
      {
        id: 'rel:hqn-part-of-the-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:the-taliban',
      },
    ],
    statements: [
      {
        id: 'st:anas-1',
        relation: 'rel:hqn-part-of-the-taliban',
        speaker: 'person:anas-haqqani',
        stance: 'supports',
        date: '2021-09-01',
        quote: 'We are one.',
        source: 'src:interview',
      },
      {
        id: 'st:price-again',
        relation: 'rel:hqn-part-of-the-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'they are separate  entities',
        source: 'src:briefing',
      },
    ],
    sources: [
      { id: 'src:briefing', title: 'Department Press Briefing', publisher: 'State Department' },
      { id: 'src:interview', title: 'Interview', publisher: 'Some Outlet' },
    ],
  };
  return [a, b];
}

const SAME: JudgementsFile = {
  version: 1,
  judgements: [
    {
      left: 'armed-group:taliban',
      right: 'armed-group:the-taliban',
      judgement: 'same',
      by: 'curator',
      date: '2026-12-06',
      reason: 'Both name the Islamic Emirate movement.',
    },
  ],
};

const graphs = ([a, b]: [Dataset, Dataset]) => [
  ClaimGraph.fromData(a, { name: 'first', version: '1.0.0' }),
  ClaimGraph.fromData(b, { name: 'second', version: '2.0.0' }),
];

/** The ClaimGraphMergeError a merge throws, or a failure. */
function mergeError(data: [Dataset, Dataset], judgements?: JudgementsFile): ClaimGraphMergeError {
  try {
    ClaimGraph.merge(graphs(data), { judgements });
  } catch (error) {
    if (error instanceof ClaimGraphMergeError) return error;
    throw error;
  }
  throw new Error('the merge did not fail');
}

describe('ClaimGraph.merge', () => {
  it('joins records of one id, lists the datasets, keeps a second name as an alias', () => {
    const cg = ClaimGraph.merge(graphs(pair()));
    expect(cg.datasets).toEqual([
      { name: 'first', version: '1.0.0' },
      { name: 'second', version: '2.0.0' },
    ]);
    expect(cg.entity('armed-group:haqqani-network')).toEqual({
      id: 'armed-group:haqqani-network',
      type: 'armed-group',
      name: 'Haqqani network',
      aliases: ['Haqqani Network (HQN)'],
    });
    expect(cg.datasetsOf('armed-group:haqqani-network')).toEqual(['first', 'second']);
    expect(cg.datasetsOf('person:anas-haqqani')).toEqual(['second']);
    expect(cg.datasetsOf('src:briefing')).toEqual(['first', 'second']);
    expect(cg.datasetsOf('st:price-1')).toEqual(['first']);
    expect(cg.datasetsOf('nothing:here')).toEqual([]);
    expect(cg.graph.getNodeAttribute('person:ned-price', 'datasets')).toEqual(['first', 'second']);
    expect(cg.search('HQN').map((e) => e.id)).toEqual(['armed-group:haqqani-network']);
    // Without a judgement the two Taliban stay two entities and the two relations two relations.
    expect(cg.relations()).toHaveLength(2);
  });

  it('joins different ids only through a same judgement, and then the relations with the same ends', () => {
    const cg = ClaimGraph.merge(graphs(pair()), { judgements: SAME });
    expect(cg.entities().map((e) => e.id)).toEqual([
      'armed-group:haqqani-network',
      'armed-group:taliban',
      'person:anas-haqqani',
      'person:ned-price',
    ]);
    expect(cg.entity('armed-group:the-taliban')?.id).toBe('armed-group:taliban');
    expect(cg.entity('armed-group:taliban')?.aliases).toEqual(['The Taliban']);
    const [relation] = cg.relations();
    expect(relation!.id).toBe('rel:haqqani-network-part-of-taliban');
    expect(cg.relation('rel:hqn-part-of-the-taliban')?.id).toBe(relation!.id);
    const { supports, disputes, status } = cg.stances(relation!.id);
    expect([supports.map((s) => s.id), disputes.map((s) => s.id), status]).toEqual([
      ['st:anas-1'],
      ['st:price-1'],
      'contested',
    ]);
    expect(supports[0]!.relation).toBe(relation!.id);
    expect(cg.datasetsOf(relation!.id)).toEqual(['first', 'second']);
    expect(cg.mergeReport!.joined).toEqual([
      { kind: 'entities', from: 'armed-group:the-taliban', to: 'armed-group:taliban', by: 'judgement' },
      { kind: 'relations', from: 'rel:hqn-part-of-the-taliban', to: relation!.id, by: 'relation' },
      { kind: 'statements', from: 'st:price-again', to: 'st:price-1', by: 'statement' },
    ]);
    // The same speaker's same words (folded) on one relation, under two ids: one statement.
    expect(cg.mergeReport!.duplicates).toEqual([
      { statements: ['st:price-1', 'st:price-again'], datasets: ['first', 'second'] },
    ]);
  });

  it("joins one speaker's same words in two datasets as one statement, the other source an appearance", () => {
    const [a, b] = pair();
    const again = b.statements.find((s) => s.id === 'st:price-again')!;
    again.source = 'src:interview';
    again.anchor = { type: 'TextQuoteSelector', exact: 'they are separate  entities', prefix: 'Price: ' };
    again.appearances = [{ source: 'src:briefing', note: 'the briefing, as the first dataset reads it' }];
    // The second dataset lists the statements first, so the kept one is the first dataset's, not the earlier id.
    const cg = ClaimGraph.merge(graphs([a, b]).reverse(), { judgements: SAME });
    expect(cg.datasets.map((d) => d.name)).toEqual(['second', 'first']);
    const kept = cg.statement('st:price-again')!;
    expect(kept.id).toBe('st:price-again');
    expect(cg.statement('st:price-1')).toEqual(kept);
    const ab = ClaimGraph.merge(graphs([a, b]), { judgements: SAME });
    const joined = ab.statement('st:price-again')!;
    expect(joined).toEqual({
      ...a.statements[0]!,
      appearances: [
        {
          source: 'src:interview',
          anchor: { type: 'TextQuoteSelector', exact: 'they are separate  entities', prefix: 'Price: ' },
        },
      ],
    });
    expect(ab.statements().map((s) => s.id)).toEqual(['st:price-1', 'st:anas-1']);
    expect(ab.datasetsOf('st:price-1')).toEqual(['first', 'second']);
    expect(ab.datasetsOf('st:price-again')).toEqual(['first', 'second']);
    expect(ab.stances('rel:haqqani-network-part-of-taliban').disputes.map((s) => s.id)).toEqual(['st:price-1']);
    expect(ab.statements({ source: 'src:briefing' }).map((s) => s.id)).toEqual(['st:price-1']);
    // The merged graph keeps the schema's rule: no two statements give the same words.
    expect(ab.toJSON().statements.filter((s) => s.speaker === 'person:ned-price')).toHaveLength(1);
  });

  it('makes one statement of one id with equal content in two datasets', () => {
    const [a, b] = pair();
    // One dataset may not hold the same words twice: the copy replaces b's own report of them.
    b.statements = b.statements.filter((s) => s.id !== 'st:price-again');
    b.statements.push({ ...a.statements[0]!, relation: 'rel:hqn-part-of-the-taliban' });
    b.statements.sort((x, y) => (x.id < y.id ? -1 : 1));
    const cg = ClaimGraph.merge(graphs([a, b]), { judgements: SAME });
    expect(cg.statements().filter((s) => s.id === 'st:price-1')).toHaveLength(1);
    expect(cg.datasetsOf('st:price-1')).toEqual(['first', 'second']);
  });

  it('refuses an entity type clash, naming both datasets, the id and the field', () => {
    const [a, b] = pair();
    b.entities[3] = { id: 'person:ned-price', type: 'person', name: 'Ned Price' };
    b.entities[0] = { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'x' };
    a.entities[2] = { id: 'person:ned-price', type: 'person', name: 'Ned Price' };
    const clash = structuredClone(b);
    clash.entities.push({ id: 'organization:x', type: 'organization', name: 'X' });
    const c: Dataset = structuredClone(a);
    c.entities.push({ id: 'organization:x', type: 'organization', name: 'X' });
    // The same id with another type cannot come from the schema (ids start with the type), so a
    // judgement joins an organization with an armed group.
    const error = mergeError([c, clash], {
      version: 1,
      judgements: [
        {
          left: 'armed-group:taliban',
          right: 'organization:x',
          judgement: 'same',
          by: 'curator',
          date: '2026-12-06',
          reason: 'test',
        },
      ],
    });
    expect(error.message).toMatch(
      /"armed-group:taliban" \/type: the entity is armed-group in first, organization in first \(as organization:x\)/,
    );
  });

  it('refuses a relation endpoint clash and a relation type clash under one id', () => {
    const [a, b] = pair();
    b.relations[0]!.id = 'rel:haqqani-network-part-of-taliban';
    b.statements.forEach((s) => (s.relation = 'rel:haqqani-network-part-of-taliban'));
    const ends = mergeError([a, b]);
    expect(ends.message).toBe(
      '@claimgraph/sdk: merge: "rel:haqqani-network-part-of-taliban" /target: the relation goes to armed-group:taliban in first, to armed-group:the-taliban in second',
    );
    expect([ends.id, ends.field, ends.datasets]).toEqual([
      'rel:haqqani-network-part-of-taliban',
      '/target',
      ['first', 'second'],
    ]);
    b.relations[0] = { ...b.relations[0]!, type: 'affiliated-with', target: 'armed-group:taliban' } as never;
    b.entities.push({ id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban' });
    b.entities.sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(mergeError([a, b]).message).toBe(
      '@claimgraph/sdk: merge: "rel:haqqani-network-part-of-taliban" /type: the relation is part-of in first, affiliated-with in second',
    );
  });

  it('refuses one statement id with different content', () => {
    const [a, b] = pair();
    b.statements[1]!.id = 'st:price-1';
    const error = mergeError([a, b], SAME);
    expect(error.message).toBe(
      '@claimgraph/sdk: merge: "st:price-1" /quote: the statement has "They are separate entities." in first, "they are separate  entities" in second',
    );
  });

  it('refuses a source id clash but not a different curator note', () => {
    const [a, b] = pair();
    b.sources[0] = { ...b.sources[0]!, note: 'read on the web' };
    expect(() => ClaimGraph.merge(graphs([a, b]))).not.toThrow();
    b.sources[0] = { ...b.sources[0]!, title: 'Press Briefing' };
    expect(mergeError([a, b]).message).toBe(
      '@claimgraph/sdk: merge: "src:briefing" /title: the source has "Department Press Briefing" in first, "Press Briefing" in second',
    );
  });

  it('applies every dataset’s redirects to the others, and refuses redirects that disagree or circle', () => {
    const [a, b] = pair();
    a.redirects = [{ from: 'armed-group:the-taliban', to: 'armed-group:taliban', reason: 'renamed', date: '2021-09' }];
    const cg = ClaimGraph.merge(graphs([a, b]));
    expect(cg.entities().map((e) => e.id)).not.toContain('armed-group:the-taliban');
    expect(cg.relations()).toHaveLength(1);
    expect(cg.redirect('armed-group:the-taliban')?.to).toBe('armed-group:taliban');
    expect(cg.datasetsOf('armed-group:the-taliban')).toEqual(['first', 'second']);

    const [c, d] = pair();
    c.redirects = [{ from: 'person:price', to: 'person:ned-price', reason: 'renamed', date: '2021' }];
    d.redirects = [{ from: 'person:price', to: 'person:anas-haqqani', reason: 'renamed', date: '2021' }];
    expect(mergeError([c, d]).message).toBe(
      '@claimgraph/sdk: merge: "person:price" /to: first redirects it to "person:ned-price", second to "person:anas-haqqani"; one old id can lead to one record only',
    );

    const [e, f] = pair();
    e.redirects = [{ from: 'armed-group:the-taliban', to: 'armed-group:taliban', reason: 'renamed', date: '2021' }];
    f.redirects = [{ from: 'armed-group:taliban', to: 'armed-group:the-taliban', reason: 'renamed', date: '2021' }];
    expect(mergeError([e, f]).message).toMatch(/\/to: the redirects of first and second lead in a circle/);
  });

  it('refuses malformed and self-contradicting judgements, naming the file, judgement and field', () => {
    const judged = (judgements: unknown, file = 'judgements') => {
      try {
        ClaimGraph.merge(graphs(pair()), { judgements: judgements as JudgementsFile });
      } catch (error) {
        expect(error).toBeInstanceOf(ClaimGraphLoadError);
        return (error as Error).message;
      }
      return `${file}: accepted`;
    };
    const one = SAME.judgements[0]!;
    expect(judged({ version: 2, judgements: [] })).toBe(
      '@claimgraph/sdk: judgements: /version: 2 is newer than this @claimgraph/sdk reads (1); update @claimgraph/sdk',
    );
    expect(judged({ judgements: [] })).toBe('@claimgraph/sdk: judgements: /version: must be 1, not undefined');
    expect(judged({ version: 1, judgements: [{ ...one, judgement: 'maybe' }] })).toBe(
      '@claimgraph/sdk: judgements: judgements[0] /judgement: must be "same" or "different", not "maybe"',
    );
    expect(judged({ version: 1, judgements: [{ ...one, by: undefined }] })).toBe(
      '@claimgraph/sdk: judgements: judgements[0] /by: is required, a string, not undefined',
    );
    expect(judged({ version: 1, judgements: [{ ...one, date: '2026-02-30' }] })).toMatch(
      /^@claimgraph\/sdk: judgements: judgements\[0\] \/date: "2026-02-30" /,
    );
    expect(judged({ version: 1, judgements: [{ ...one, right: 'src:briefing' }] })).toBe(
      '@claimgraph/sdk: judgements: judgements[0] /right: "src:briefing" is not of the same kind as "armed-group:taliban"',
    );
    expect(judged({ version: 1, judgements: [{ ...one, right: 'rel:x' }] })).toMatch(
      /only entities and sources are judged/,
    );
    expect(judged({ version: 1, judgements: [{ ...one, right: 'armed-group:nobody' }] })).toBe(
      '@claimgraph/sdk: judgements: judgements[0] /right: "armed-group:nobody" is no entity of first, second',
    );
    expect(judged({ version: 1, judgements: [one, { ...one, judgement: 'different' }] })).toBe(
      '@claimgraph/sdk: judgements: judgements[1]: armed-group:taliban and armed-group:the-taliban are judged different here and same in judgements[0]; decide once',
    );
    expect(
      judged({
        version: 1,
        judgements: [
          one,
          { ...one, left: 'armed-group:the-taliban', right: 'armed-group:haqqani-network' },
          { ...one, right: 'armed-group:haqqani-network', judgement: 'different' },
        ],
      }),
    ).toBe(
      '@claimgraph/sdk: judgements: judgements[2]: armed-group:taliban and armed-group:haqqani-network are judged different, but judgements[0], judgements[1] judge them the same; decide once',
    );
  });

  it('reads a judgements file by path with ClaimGraph.load and names it in errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimgraph-judgements-'));
    const file = join(dir, 'judgements.json');
    await writeFile(file, '{ "version": 1, "judgements": [ ');
    await expect(ClaimGraph.load([bundled, bundled], { judgements: file })).rejects.toThrow(
      /judgements\.json: invalid JSON/,
    );
  });

  it('refuses one dataset given twice', async () => {
    await expect(ClaimGraph.load([bundled, bundled])).rejects.toThrow(
      '@claimgraph/sdk: ClaimGraph.merge(): graphs list afghanistan-2021 once (it is given twice)',
    );
  });

  it('merges the bundled dataset with a synthetic one: counts add up, queries answer from both', async () => {
    const real = await ClaimGraph.load(bundled);
    const [synthetic] = syntheticPair({ entities: 200, statements: 1000, seed: 3 });
    const cg = ClaimGraph.merge([real, ClaimGraph.fromData(synthetic, { name: 'synthetic' })]);
    expect(cg.statements()).toHaveLength(real.statements().length + synthetic.statements.length);
    expect(cg.contested().length).toBeGreaterThan(real.contested().length);
    expect(cg.stances('rel:haqqani-network-part-of-taliban')).toEqual(
      real.stances('rel:haqqani-network-part-of-taliban'),
    );
    expect(cg.datasets.map((d) => d.name)).toEqual(['afghanistan-2021', 'synthetic']);
    expect(cg.asOf('2021-08-01').datasetsOf('armed-group:taliban')).toEqual(['afghanistan-2021']);
  });

  it('merges a synthetic pair that shares entities into a valid graph with the shared ones once', () => {
    const [a, b] = syntheticPair({ entities: 400, statements: 4000, seed: 7 });
    const cg = ClaimGraph.merge([ClaimGraph.fromData(a, { name: 'a' }), ClaimGraph.fromData(b, { name: 'b' })]);
    const shared = a.entities.filter((e) => b.entities.some((x) => x.id === e.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(cg.entities()).toHaveLength(a.entities.length + b.entities.length - shared.length);
    expect(cg.statements()).toHaveLength(a.statements.length + b.statements.length);
    for (const e of shared) expect(cg.datasetsOf(e.id)).toEqual(['a', 'b']);
    // The merged data is valid under the schema's validator: fromData checks it.
    expect(() => ClaimGraph.fromData(cg.toJSON())).not.toThrow();
  });

  it('suggests pairs by folded name for a curator, leaving out pairs judged different', () => {
    const cg = ClaimGraph.merge(graphs(pair()));
    expect(cg.suggestSame().map((p) => [p.left, p.right, p.key])).toEqual([]);
    const [a, b] = pair();
    b.entities[1] = { id: 'armed-group:the-taliban', type: 'armed-group', name: 'Taliban' };
    const both = ClaimGraph.merge(graphs([a, b]));
    expect(both.suggestSame()).toEqual([
      {
        left: 'armed-group:taliban',
        right: 'armed-group:the-taliban',
        names: ['Taliban', 'Taliban'],
        key: 'taliban',
        datasets: [['first'], ['second']],
      },
    ]);
    const judged = ClaimGraph.merge(graphs([a, b]), {
      judgements: { version: 1, judgements: [{ ...SAME.judgements[0]!, judgement: 'different' }] },
    });
    expect(judged.suggestSame()).toEqual([]);
  });
});
