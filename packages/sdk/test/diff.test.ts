import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, type Dataset } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { bumpCovers, diff, formatDiff, maxBump } from '../src/diff/index.js';

function base(): Dataset {
  return {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network' },
      { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban', aliases: ['Islamic Emirate'] },
      { id: 'person:ned-price', type: 'person', name: 'Ned Price', role: 'State Department spokesman' },
    ],
    relations: [
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      },
    ],
    statements: [
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'The Taliban and the Haqqani network are separate entities.',
        source: 'src:article',
      },
    ],
    sources: [{ id: 'src:article', title: 'Article', publisher: 'Washington Examiner', published: '2021-08' }],
  };
}

const clone = (d: Dataset): Dataset => structuredClone(d);

describe('diff', () => {
  it('finds no change between identical datasets and suggests no bump', () => {
    const result = diff(base(), base());
    expect(result.suggestedBump).toBe('none');
    expect(result.reasons).toEqual([]);
    expect(result.entities).toEqual({ added: [], removed: [], changed: [], redirected: [] });
  });

  it('does not count reordered records or reordered keys as a change', () => {
    const b = clone(base());
    b.entities.reverse();
    b.entities[0] = Object.fromEntries(Object.entries(b.entities[0]!).reverse()) as Dataset['entities'][number];
    expect(diff(base(), b).suggestedBump).toBe('none');
  });

  it('treats an added record as minor and lists it', () => {
    const b = clone(base());
    b.entities.push({ id: 'person:john-kirby', type: 'person', name: 'John Kirby' });
    const result = diff(base(), b);
    expect(result.entities.added.map((e) => e.id)).toEqual(['person:john-kirby']);
    expect(result.suggestedBump).toBe('minor');
    expect(result.reasons).toEqual([
      { bump: 'minor', id: 'person:john-kirby', message: 'entity person:john-kirby added' },
    ]);
  });

  it('treats a removed id without a redirect as major, naming the record', () => {
    const b = clone(base());
    b.entities = b.entities.filter((e) => e.id !== 'person:ned-price');
    const result = diff(base(), b);
    expect(result.entities.removed.map((e) => e.id)).toEqual(['person:ned-price']);
    expect(result.suggestedBump).toBe('major');
    expect(result.reasons[0]).toEqual({
      bump: 'major',
      id: 'person:ned-price',
      message: 'entity person:ned-price removed without a redirect',
    });
  });

  it('treats a renamed id with a redirect as minor', () => {
    const b = clone(base());
    b.entities = b.entities.map((e) => (e.id === 'person:ned-price' ? { ...e, id: 'person:edward-price' } : e));
    b.statements[0]!.speaker = 'person:edward-price';
    b.redirects = [{ from: 'person:ned-price', to: 'person:edward-price', reason: 'renamed', date: '2021-09-01' }];
    const result = diff(base(), b);
    expect(result.entities.removed).toEqual([]);
    expect(result.entities.redirected).toEqual([
      { from: 'person:ned-price', to: 'person:edward-price', reason: 'renamed' },
    ]);
    expect(result.suggestedBump).toBe('minor');
  });

  it('treats a corrected value as patch and reports old and new values', () => {
    const b = clone(base());
    b.entities[2] = { ...b.entities[2]!, name: 'Ned  Price' } as Dataset['entities'][number];
    const result = diff(base(), b);
    expect(result.entities.changed).toHaveLength(1);
    expect(result.entities.changed[0]!.fields).toEqual([
      { path: '/name', change: 'changed', before: 'Ned Price', after: 'Ned  Price' },
    ]);
    expect(result.suggestedBump).toBe('patch');
  });

  it('treats an added optional field as minor and a removed field as major', () => {
    const added = clone(base());
    added.statements[0]!.hedged = true;
    expect(diff(base(), added).suggestedBump).toBe('minor');
    const removed = clone(base());
    delete removed.statements[0]!.quote;
    const result = diff(base(), removed);
    expect(result.suggestedBump).toBe('major');
    expect(result.statements.changed[0]!.fields).toEqual([
      { path: '/quote', change: 'removed', before: 'The Taliban and the Haqqani network are separate entities.' },
    ]);
  });

  it('treats an added paraphrase or context as minor and a changed one as patch', () => {
    const before = clone(base());
    delete before.statements[0]!.quote;
    const added = clone(before);
    added.statements[0]!.paraphrase = 'the Taliban and the Haqqani network were separate entities';
    added.statements[0]!.context = 'asked whether the Haqqanis are part of the Taliban';
    const result = diff(before, added);
    expect(result.suggestedBump).toBe('minor');
    expect(result.statements.changed[0]!.fields.map((f) => [f.path, f.change])).toEqual([
      ['/context', 'added'],
      ['/paraphrase', 'added'],
    ]);
    const corrected = clone(added);
    corrected.statements[0]!.context = 'asked whether the Haqqani network is part of the Taliban';
    corrected.statements[0]!.paraphrase = 'the Taliban and the Haqqani network are separate entities';
    expect(diff(added, corrected).suggestedBump).toBe('patch');
    expect(diff(added, before).suggestedBump).toBe('major');
  });

  it('compares attributes key by key', () => {
    const a = clone(base());
    a.relations[0]!.attributes = { role: 'faction', since: 2012 };
    const b = clone(a);
    b.relations[0]!.attributes = { role: 'wing', since: 2012 };
    expect(diff(a, b).relations.changed[0]!.fields).toEqual([
      { path: '/attributes/role', change: 'changed', before: 'faction', after: 'wing' },
    ]);
  });

  it('handles ids with unusual characters as plain strings', () => {
    const a = clone(base());
    const b = clone(base());
    for (const id of ['person:__proto__', 'person:constructor', 'person:a/b~c', 'person:toString']) {
      b.entities.push({ id, type: 'person', name: id });
    }
    const result = diff(a, b);
    expect(result.entities.added.map((e) => e.id)).toEqual([
      'person:__proto__',
      'person:a/b~c',
      'person:constructor',
      'person:toString',
    ]);
    expect(diff(b, a).entities.removed).toHaveLength(4);
  });

  it('reports a relation that became contested', () => {
    const b = clone(base());
    b.statements.push({ ...b.statements[0]!, id: 'st:kirby-1', speaker: 'person:ned-price', stance: 'supports' });
    const result = diff(base(), b);
    expect(result.statusChanges).toEqual([
      { relation: 'rel:haqqani-part-of-taliban', before: 'disputed', after: 'contested', lostSupport: false },
    ]);
  });

  it('reports a relation that lost its last supporting statement', () => {
    const a = clone(base());
    a.statements.push({ ...a.statements[0]!, id: 'st:kirby-1', stance: 'supports' });
    const result = diff(a, base());
    expect(result.statusChanges).toEqual([
      { relation: 'rel:haqqani-part-of-taliban', before: 'contested', after: 'disputed', lostSupport: true },
    ]);
    expect(result.suggestedBump).toBe('major');
  });

  it('treats removed or redefined vocabulary terms as major and new terms as minor', () => {
    const vocab = (extra: Record<string, object> = {}) => ({
      entityTypes: { person: { label: 'Person', description: 'A person.' } },
      relationTypes: {
        'part-of': {
          label: 'part of',
          description: 'A part.',
          symmetric: false,
          source: ['person'],
          target: ['person'],
        },
        ...extra,
      },
    });
    const added = diff(base(), base(), {
      vocabulary: { before: vocab(), after: vocab({ funds: { label: 'funds', description: 'Pays.' } }) },
    });
    expect(added.vocabulary?.added).toEqual(['relation-type:funds']);
    expect(added.suggestedBump).toBe('minor');
    const changed = vocab();
    changed.relationTypes['part-of'] = { ...changed.relationTypes['part-of'], symmetric: true };
    const result = diff(base(), base(), { vocabulary: { before: vocab(), after: changed } });
    expect(result.vocabulary?.changed).toEqual(['relation-type:part-of']);
    expect(result.suggestedBump).toBe('major');
    const relabelled = vocab();
    relabelled.relationTypes['part-of'] = { ...relabelled.relationTypes['part-of'], label: 'component of' };
    expect(diff(base(), base(), { vocabulary: { before: vocab(), after: relabelled } }).suggestedBump).toBe('patch');
  });

  it('treats a statement moved to another relation as major: its id now names another claim', () => {
    const a = clone(base());
    a.relations.push({
      id: 'rel:haqqani-affiliated-with-taliban',
      type: 'affiliated-with',
      source: 'armed-group:haqqani-network',
      target: 'armed-group:taliban',
    });
    a.statements.push({ ...a.statements[0]!, id: 'st:price-2', relation: 'rel:haqqani-affiliated-with-taliban' });
    const b = clone(a);
    b.statements[1]!.relation = 'rel:haqqani-part-of-taliban';
    const result = diff(a, b);
    expect(result.suggestedBump).toBe('major');
    expect(result.reasons).toContainEqual({
      bump: 'major',
      id: 'st:price-2',
      message:
        'statement st:price-2 moved from relation rel:haqqani-affiliated-with-taliban to rel:haqqani-part-of-taliban; the id now names another claim',
    });
    expect(formatDiff(result)).toContain('Why major:\n  statement st:price-2 moved from relation');
  });

  it('treats a changed speaker or stance of a statement, or a changed type or end of a relation, as major', () => {
    const cases: [(d: Dataset) => void, string][] = [
      [
        (d) => (d.statements[0]!.speaker = 'armed-group:taliban'),
        'statement st:price-1: speaker changed from person:ned-price to armed-group:taliban; the id now names another claim',
      ],
      [
        (d) => (d.statements[0]!.stance = 'supports'),
        'statement st:price-1: stance changed from disputes to supports; the id now names another claim',
      ],
      [
        (d) => (d.relations[0]!.type = 'affiliated-with'),
        'relation rel:haqqani-part-of-taliban: type changed from part-of to affiliated-with; the id now names another proposition',
      ],
      [
        (d) => (d.relations[0]!.target = 'person:ned-price'),
        'relation rel:haqqani-part-of-taliban: target changed from armed-group:taliban to person:ned-price; the id now names another proposition',
      ],
    ];
    for (const [change, message] of cases) {
      const b = clone(base());
      change(b);
      const result = diff(base(), b);
      expect(result.suggestedBump, message).toBe('major');
      expect(result.reasons.map((r) => r.message)).toContain(message);
    }
  });

  it('treats a redirect to a record that names another claim as major, and one that follows a rename as minor', () => {
    const a = clone(base());
    a.statements.push({ ...a.statements[0]!, id: 'st:price-2', stance: 'supports', quote: 'affiliated' });
    const b = clone(a);
    b.statements = b.statements.filter((s) => s.id !== 'st:price-2');
    b.redirects = [{ from: 'st:price-2', to: 'st:price-1', reason: 'merged', date: '2026-12-01' }];
    expect(diff(a, b).reasons).toContainEqual({
      bump: 'major',
      id: 'st:price-2',
      message:
        'statement st:price-2 redirected to st:price-1, which names another claim (stance differs): the old id still resolves, but not to what it named',
    });
    const c = clone(a);
    c.statements = c.statements.filter((s) => s.id !== 'st:price-2');
    c.statements.push({ ...a.statements[1]!, id: 'st:price-2b' });
    c.redirects = [{ from: 'st:price-2', to: 'st:price-2b', reason: 'renamed', date: '2026-12-01' }];
    expect(diff(a, c).suggestedBump).toBe('minor');
  });

  it('keeps a corrected quote, date or note of a statement a patch', () => {
    const b = clone(base());
    b.statements[0]!.date = '2021-08-28';
    b.statements[0]!.quote = 'The Taliban and the Haqqani network are separate entities';
    expect(diff(base(), b).suggestedBump).toBe('patch');
  });

  it('treats vocabulary that accepts more (endpoints, dropped exclusions, attributes) as minor and a new exclusion as major', () => {
    const vocab = (partOf: Record<string, unknown> = {}) => ({
      entityTypes: { person: { label: 'Person', description: 'A person.' } },
      relationTypes: {
        'part-of': { label: 'part of', description: 'A part.', source: ['person'], target: ['person'], ...partOf },
      },
    });
    const run = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      diff(base(), base(), {
        vocabulary: { before: vocab(before), after: vocab(after) },
      });
    const widened = run({}, { source: ['person', 'place'] });
    expect(widened.vocabulary?.extended).toEqual(['relation-type:part-of']);
    expect(widened.suggestedBump).toBe('minor');
    expect(run({ source: ['person', 'place'] }, {}).suggestedBump).toBe('major');
    expect(run({}, { attributes: { role: 'the role' } }).suggestedBump).toBe('minor');
    const excluded = run({}, { excludes: ['affiliated-with'] });
    expect(excluded.vocabulary?.changed).toEqual(['relation-type:part-of']);
    expect(excluded.suggestedBump).toBe('major');
    expect(run({ excludes: ['affiliated-with'] }, {}).suggestedBump).toBe('minor');
  });

  it('accepts anything with toJSON, such as a ClaimGraph', () => {
    const b = clone(base());
    b.sources[0]!.title = 'Corrected title';
    expect(diff({ toJSON: () => base() }, { toJSON: () => b }).suggestedBump).toBe('patch');
  });
});

describe('bump helpers', () => {
  it('orders bumps none < patch < minor < major', () => {
    expect(maxBump('patch', 'minor')).toBe('minor');
    expect(maxBump('major', 'none')).toBe('major');
    expect(bumpCovers('minor', 'patch')).toBe(true);
    expect(bumpCovers('patch', 'major')).toBe(false);
    expect(bumpCovers('none', 'none')).toBe(true);
  });
});

describe('formatDiff', () => {
  it('reads like a changelog and explains the bump', () => {
    const b = clone(base());
    b.entities = b.entities.filter((e) => e.id !== 'armed-group:haqqani-network');
    b.entities.push({ id: 'person:john-kirby', type: 'person', name: 'John Kirby' });
    b.sources[0]!.title = 'New title';
    const text = formatDiff(diff(base(), b), { from: '1.0.0', to: '1.1.0' });
    expect(text).toContain('Changes from 1.0.0 to 1.1.0 — suggested version bump: major');
    expect(text).toContain('Entities: 1 added, 1 removed, 0 changed');
    expect(text).toContain('  + person:john-kirby  John Kirby (person)');
    expect(text).toContain('  - armed-group:haqqani-network  Haqqani network (armed-group)');
    expect(text).toContain('      /title: "Article" → "New title"');
    expect(text).toContain('Why major:\n  entity armed-group:haqqani-network removed without a redirect');
  });

  it('says so when nothing changed', () => {
    expect(formatDiff(diff(base(), base()))).toContain('No changes.');
  });
});

describe('diff of appearances (compared by source)', () => {
  /** base() with two more sources and st:price-1 also reported by src:dispatch. */
  function cited(): Dataset {
    const d = clone(base());
    d.sources.push(
      { id: 'src:dispatch', title: 'The Dispatch', publisher: 'The Dispatch', published: '2021-08-28' },
      { id: 'src:yahoo', title: 'Reprint', publisher: 'Yahoo News', published: '2021-08-29' },
    );
    d.statements[0]!.appearances = [
      {
        source: 'src:dispatch',
        anchor: { type: 'TextQuoteSelector', exact: 'The Taliban and the Haqqani network are separate entities.' },
        note: 'Quoted in part.',
      },
    ];
    return d;
  }
  const messages = (a: Dataset, b: Dataset) => diff(a, b).reasons.map((r) => `${r.bump}: ${r.message}`);

  it('treats an added appearance as minor, in words', () => {
    const b = cited();
    b.statements[0]!.appearances!.push({ source: 'src:yahoo' });
    const result = diff(cited(), b);
    expect(result.suggestedBump).toBe('minor');
    expect(messages(cited(), b)).toEqual(['minor: statement st:price-1: appearance in src:yahoo added']);
    expect(result.statements.changed[0]!.appearances).toEqual([
      { source: 'src:yahoo', own: false, change: 'added', bump: 'minor' },
    ]);
    // The first appearance of a statement is minor too.
    const first = clone(cited());
    delete first.statements[0]!.appearances;
    expect(messages(first, cited())).toEqual(['minor: statement st:price-1: appearance in src:dispatch added']);
  });

  it("treats a corrected appearance's anchor or note as patch", () => {
    const b = cited();
    b.statements[0]!.appearances![0]!.note = 'Quoted in part, without the first sentence.';
    b.statements[0]!.appearances![0]!.anchor = {
      type: 'TextQuoteSelector',
      exact: 'The Taliban and the Haqqani network are separate entities.',
      prefix: 'said: ',
    };
    expect(diff(cited(), b).suggestedBump).toBe('patch');
    expect(messages(cited(), b)).toEqual([
      'patch: statement st:price-1: appearance in src:dispatch: anchor corrected',
      'patch: statement st:price-1: appearance in src:dispatch: note corrected',
    ]);
  });

  it('swapping which source is its own and which an appearance is a patch', () => {
    const b = cited();
    const s = b.statements[0]!;
    b.statements[0] = {
      ...s,
      source: 'src:dispatch',
      anchor: s.appearances![0]!.anchor!,
      appearances: [{ source: 'src:article' }],
    };
    const result = diff(cited(), b);
    expect(result.suggestedBump).toBe('patch');
    expect(messages(cited(), b)).toEqual([
      'patch: statement st:price-1: src:article is now an appearance (was its own source)',
      'patch: statement st:price-1: src:dispatch is now its own source (was an appearance)',
      'patch: statement st:price-1: its own source src:dispatch: note removed',
    ]);
  });

  it('treats a removed appearance as major, unless its source was renamed to one that stays', () => {
    const removed = cited();
    delete removed.statements[0]!.appearances;
    expect(diff(cited(), removed).suggestedBump).toBe('major');
    expect(messages(cited(), removed)).toEqual([
      'major: statement st:price-1: appearance in src:dispatch removed; it no longer cites that source',
    ]);

    const renamed = cited();
    renamed.sources = renamed.sources.map((s) => (s.id === 'src:dispatch' ? { ...s, id: 'src:the-dispatch' } : s));
    renamed.statements[0]!.appearances![0]!.source = 'src:the-dispatch';
    renamed.redirects = [{ from: 'src:dispatch', to: 'src:the-dispatch', reason: 'renamed', date: '2026-12-06' }];
    const result = diff(cited(), renamed);
    expect(result.suggestedBump).toBe('minor');
    expect(result.reasons.map((r) => r.message)).toEqual([
      'source src:dispatch renamed to src:the-dispatch, with a redirect',
    ]);

    // Merged into the statement's own source: still cited there, so nothing is lost.
    const merged = cited();
    merged.sources = merged.sources.filter((s) => s.id !== 'src:dispatch');
    delete merged.statements[0]!.appearances;
    merged.redirects = [{ from: 'src:dispatch', to: 'src:article', reason: 'the same article', date: '2026-12-06' }];
    expect(diff(cited(), merged).suggestedBump).toBe('minor');
  });

  it('keeps a corrected own source a patch, and its anchor under the field rule', () => {
    const b = cited();
    b.statements[0]!.source = 'src:yahoo';
    expect(messages(cited(), b)).toEqual([
      'patch: statement st:price-1: its own source corrected from src:article to src:yahoo',
    ]);
    const anchored = cited();
    anchored.statements[0]!.anchor = {
      type: 'TextQuoteSelector',
      exact: 'The Taliban and the Haqqani network are separate entities.',
    };
    expect(messages(cited(), anchored)).toEqual([
      'minor: statement st:price-1: its own source src:article: anchor added',
    ]);
    expect(messages(anchored, cited())).toEqual([
      'major: statement st:price-1: its own source src:article: anchor removed',
    ]);
  });

  it('does not count appearances listed in another order as a change', () => {
    const a = cited();
    a.statements[0]!.appearances!.push({ source: 'src:yahoo' });
    const b = clone(a);
    b.statements[0]!.appearances!.reverse();
    const result = diff(a, b);
    expect(result.suggestedBump).toBe('none');
    expect(result.statements.changed).toEqual([]);
  });

  it('says what changed among the sources in words in formatDiff, never as a JSON array', () => {
    const b = cited();
    b.statements[0]!.appearances = [{ source: 'src:yahoo', note: 'A reprint.' }];
    const text = formatDiff(diff(cited(), b));
    expect(text).toContain(
      [
        '  ~ st:price-1',
        '      appearance in src:dispatch removed; it no longer cites that source',
        '      appearance in src:yahoo added',
      ].join('\n'),
    );
    expect(text).not.toContain('/appearances');
    expect(text).toContain('Why major:\n  statement st:price-1: appearance in src:dispatch removed');
    const corrected = cited();
    corrected.statements[0]!.appearances![0]!.note = 'Quoted in full.';
    expect(formatDiff(diff(cited(), corrected))).toContain(
      '      appearance in src:dispatch: note corrected: "Quoted in part." → "Quoted in full."',
    );
  });
});

describe("diff of the bundled dataset's kept releases", () => {
  const dataset = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021');
  const release = (version: string) =>
    JSON.parse(readFileSync(join(dataset, 'releases', version, 'dataset.json'), 'utf8')) as Dataset;
  const data = (file: string) => JSON.parse(readFileSync(join(dataset, 'data', file), 'utf8')) as never;
  const current = (): Dataset => ({
    ...(Object.fromEntries(RECORD_KINDS.map((kind) => [kind, data(RECORD_FILES[kind])])) as unknown as Dataset),
    redirects: data(REDIRECTS_FILE),
  });

  it('suggests the bump each release was published with, and finds no appearance changes in them', () => {
    const cases: [string, string, string][] = [
      ['1.0.0', '1.1.0', 'minor'],
      ['1.1.0', '2.0.0', 'major'],
      ['1.0.0', '2.0.0', 'major'],
    ];
    for (const [from, to, bump] of cases) {
      const result = diff(release(from), release(to));
      expect(result.suggestedBump, `${from} → ${to}`).toBe(bump);
      expect(result.statements.changed.filter((c) => c.appearances)).toEqual([]);
      expect(formatDiff(result)).toContain(`suggested version bump: ${bump}`);
    }
  });

  it('diffs every kept release against the current data, and an appearance added to it is minor', () => {
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) expect(() => diff(release(version), current())).not.toThrow();
    const now = current();
    const statement = now.statements.find((s) => s.appearances === undefined && s.quote !== undefined)!;
    const next = structuredClone(now);
    // The dataset reads one article: a second outlet that reprints the words.
    next.sources.push({ id: 'src:reprint', title: 'Reprinted', publisher: 'Yahoo News', published: '2021-09' });
    next.statements.find((s) => s.id === statement.id)!.appearances = [{ source: 'src:reprint' }];
    const result = diff(now, next);
    expect(result.suggestedBump).toBe('minor');
    expect(result.reasons.map((r) => r.message)).toEqual([
      `statement ${statement.id}: appearance in src:reprint added`,
      'source src:reprint added',
    ]);
    expect(diff(release('2.0.0'), next).reasons.map((r) => r.message)).toContain(
      `statement ${statement.id}: appearance in src:reprint added`,
    );
  });
});
