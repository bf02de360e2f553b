/**
 * Fuzzing helpers shared by the schema's and the sdk's fuzz tests: an arbitrary of valid datasets,
 * and mutations that break them in ways whose invalidity is known by construction, each naming the
 * issue (file, record, field) the validator must report. It takes only types and constants from the
 * schema's source; each test brings the validator it checks.
 */
import fc from 'fast-check';
import { compareIds, RECORD_KINDS, nameProblem, wordsKey, type Dataset, type RecordKind } from '../src/index.js';

/** The fuzz runs' seed and size: fixed in CI so a failure reproduces; FUZZ_SEED and FUZZ_RUNS override them. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20210830);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

type Fields = Record<string, unknown>;
export type Loose = Record<RecordKind, Fields[]> & Record<string, unknown>;

/** An issue a mutation guarantees: the validator must report one in this file, for this record, at this field. */
export interface ExpectedIssue {
  file: string;
  /** The record's id as reported (null when the record has no usable id), or undefined when any will do. */
  id?: string | null;
  /** The JSON pointer, or a prefix of it ending in `/`, or undefined when any will do. */
  path?: string;
}

/** What a mutation did: the issue it guarantees, or null when its effect on validity is not known (random values). */
export interface Applied {
  name: string;
  expected: ExpectedIssue | null;
}

const FILES: Record<RecordKind, string> = {
  entities: 'data/entities.json',
  relations: 'data/relations.json',
  statements: 'data/statements.json',
  sources: 'data/sources.json',
};

/** Display text that is valid everywhere: scripts, marks, markup and formula starts included. */
const displayText = fc.oneof(
  fc.constantFrom(
    'Taliban',
    'طالبان',
    'سراج الدين حقاني\u200f',
    'کابل',
    'د حقاني شبکه',
    'José Núñez',
    "O'Neil",
    '<b>bold</b> & "quoted"',
    '=SUM(A1:A9)',
    '@handle',
    '-minus',
    '+plus',
    'حقاني\u200c',
  ),
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((s) => nameProblem(s) === null),
);

/** Partial dates on the calendar, up to the day the fixture's source was published. */
const validDate = fc
  .record({
    year: fc.integer({ min: 1979, max: 2021 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    precision: fc.constantFrom(0, 1, 2),
  })
  .map(({ year, month, day, precision }) => {
    const m = year === 2021 ? Math.min(month, 8) : month;
    const parts = [String(year).padStart(4, '0'), String(m).padStart(2, '0'), String(day).padStart(2, '0')];
    return parts.slice(0, precision + 1).join('-');
  });

const sortById = (records: Fields[]) => records.sort((a, b) => compareIds(String(a.id), String(b.id)));

/**
 * Valid datasets: people leading armed groups, groups part of one another in a chain (never a
 * cycle), located in a place, allied; every relation stated by one to three people.
 */
export const validDataset: fc.Arbitrary<Dataset> = fc
  .record({
    people: fc.array(displayText, { minLength: 1, maxLength: 5 }),
    groups: fc.array(displayText, { minLength: 2, maxLength: 5 }),
    place: displayText,
    leads: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    statements: fc.array(
      fc.record({
        speaker: fc.nat(),
        stance: fc.constantFrom('supports', 'disputes'),
        date: validDate,
        quote: fc.option(displayText, { nil: undefined }),
        hedged: fc.option(fc.boolean(), { nil: undefined }),
        partial: fc.option(fc.boolean(), { nil: undefined }),
        // 0 none; 1 an appearance in src:s3; 2 the same with a TextQuoteSelector; 3 a curator's paraphrase.
        extra: fc.integer({ min: 0, max: 3 }),
      }),
      {
        minLength: 1,
        maxLength: 20,
      },
    ),
    attributes: fc.option(
      fc.dictionary(
        fc.constantFrom('role', 'rank', 'acting', 'since'),
        fc.oneof(displayText, fc.integer(), fc.boolean()),
        { maxKeys: 3 },
      ),
      { nil: undefined },
    ),
  })
  .map(({ people, groups, place, leads, statements, attributes }) => {
    const entities: Fields[] = [
      ...people.map((name, i) => ({ id: `person:p${i + 1}`, type: 'person', name })),
      ...groups.map((name, i) => ({ id: `armed-group:g${i + 1}`, type: 'armed-group', name })),
      { id: 'place:p1', type: 'place', name: place, placeKind: 'city' },
    ];
    const relations: Fields[] = [];
    for (let i = 2; i <= groups.length; i++)
      relations.push({
        id: `rel:g${i}-part-of-g${i - 1}`,
        type: 'part-of',
        source: `armed-group:g${i}`,
        target: `armed-group:g${i - 1}`,
      });
    relations.push({
      id: 'rel:g1-located-in-p1',
      type: 'located-in',
      source: 'armed-group:g1',
      target: 'place:p1',
      ...(attributes && Object.keys(attributes).length ? { attributes } : {}),
    });
    relations.push({
      id: 'rel:g1-allied-with-g2',
      type: 'allied-with',
      source: 'armed-group:g1',
      target: 'armed-group:g2',
      start: '2001',
    });
    const led = new Set<string>();
    for (const [p, g] of leads) {
      const id = `rel:p${(p % people.length) + 1}-leads-g${(g % groups.length) + 1}`;
      if (led.has(id)) continue;
      led.add(id);
      relations.push({
        id,
        type: 'leads',
        source: `person:p${(p % people.length) + 1}`,
        target: `armed-group:g${(g % groups.length) + 1}`,
      });
    }
    // Every relation gets a statement; the rest go round the relations again.
    const count = Math.max(statements.length, relations.length);
    const out: Fields[] = [];
    // The same words of one speaker on one relation and stance are one statement: going round again, say more.
    const said = new Set<string>();
    for (let i = 0; i < count; i++) {
      const s = statements[i % statements.length]!;
      const relation = relations[i % relations.length]!.id;
      const speaker = `person:p${(s.speaker % people.length) + 1}`;
      const curatorWords = s.quote === undefined && s.extra === 3;
      let words = s.quote ?? (curatorWords ? `said so (${i + 1})` : undefined);
      if (words !== undefined && said.has(JSON.stringify([speaker, relation, s.stance, wordsKey(words)])))
        words = `${words} ${i + 1}`;
      if (words !== undefined) said.add(JSON.stringify([speaker, relation, s.stance, wordsKey(words)]));
      const source = i % 3 === 2 ? 'src:s2' : 'src:s1';
      const selector =
        s.quote !== undefined && s.extra === 2
          ? { type: 'TextQuoteSelector', exact: words, prefix: '“', suffix: '” ' }
          : undefined;
      out.push({
        id: `st:s${i + 1}`,
        relation,
        speaker,
        stance: s.stance,
        date: s.date,
        ...(s.quote === undefined ? {} : { quote: words }),
        ...(curatorWords ? { paraphrase: words, paraphraseBy: 'curator' } : {}),
        ...(selector ? { anchor: selector } : {}),
        source,
        ...(s.extra === 1 || s.extra === 2
          ? { appearances: [{ source: 'src:s3', ...(selector ? { anchor: selector } : { note: 'a reprint' }) }] }
          : {}),
        ...(s.hedged === undefined ? {} : { hedged: s.hedged }),
        ...(s.partial === undefined ? {} : { partial: s.partial }),
      });
    }
    const sources: Fields[] = [
      { id: 'src:s1', title: 'Separate entities?', publisher: 'Washington Examiner', published: '2021-08-31' },
      { id: 'src:s2', title: 'طالبان', publisher: '=cmd|" /C calc"!A0', url: 'https://example.org/a?b=1,c=2' },
      {
        id: 'src:s3',
        title: 'Reprinted',
        publisher: 'Yahoo News',
        published: '2021-09',
        accessed: '2026-12-06',
        language: 'en',
      },
    ];
    return {
      entities: sortById(entities),
      relations: sortById(relations),
      statements: sortById(out),
      sources: sortById(sources),
    } as unknown as Dataset;
  });

/** Picks positions from a list of numbers drawn by fast-check, so a run replays from its seed. */
export type Pick = (n: number) => number;

const REQUIRED: Record<RecordKind, string[]> = {
  entities: ['id', 'type', 'name'],
  relations: ['id', 'type', 'source', 'target'],
  statements: ['id', 'relation', 'speaker', 'stance', 'date', 'source'],
  sources: ['id', 'title', 'publisher'],
};
const REFERENCES: Partial<Record<RecordKind, Record<string, string>>> = {
  relations: { source: 'person:nobody-here', target: 'armed-group:nobody-here' },
  statements: {
    relation: 'rel:nowhere',
    speaker: 'person:nobody-here',
    source: 'src:nowhere',
    reportedBy: 'person:nobody-here',
  },
};
const TEXT_FIELDS: Partial<Record<RecordKind, string[]>> = { entities: ['name'], sources: ['title', 'publisher'] };
const BAD_DATES = [
  '2021-13-01',
  '2021-13',
  '0000',
  '2021-02-29',
  '2021-02-30',
  '2021-00',
  '2021-08-32',
  '21-08-01',
  '2021-8-1',
  '2021/08/01',
  '',
  ' 2021',
];
const WRONG_TYPES: unknown[] = [42, 3.14, null, -0];
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const INVISIBLE = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u202e', '\u202b', '\u2066', '\u2069'];

const kindOf = (pick: Pick) => RECORD_KINDS[pick(RECORD_KINDS.length)]!;
const at = <T>(list: readonly T[], pick: Pick): T => list[pick(list.length)]!;
const idOf = (record: Fields): string | null => (typeof record.id === 'string' && record.id !== '' ? record.id : null);

/** Sets an own property, `__proto__` included, the way JSON.parse does. */
function defineField(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Nests a value `depth` arrays deep, without recursion. */
export function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

type Mutation = (d: Loose, pick: Pick, random: unknown) => ExpectedIssue | null | 'skip';

/** The mutations: each returns the issue it guarantees, null when validity is unknown, or 'skip' when it does not apply. */
export const MUTATIONS: Record<string, Mutation> = {
  dropRequiredField: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    const field = at(REQUIRED[kind], pick);
    const id = field === 'id' ? null : idOf(record);
    delete record[field];
    return { file: FILES[kind], id, path: `/${field}` };
  },
  wrongType: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    const field = at(Object.keys(record), pick);
    const id = field === 'id' ? null : idOf(record);
    record[field] = at(WRONG_TYPES, pick);
    return { file: FILES[kind], id, path: `/${field}` };
  },
  danglingReference: (d, pick) => {
    const kind = pick(2) === 0 ? 'relations' : 'statements';
    const record = at(d[kind], pick);
    const [field, value] = at(Object.entries(REFERENCES[kind]!), pick);
    record[field] = value;
    return { file: FILES[kind], id: idOf(record), path: `/${field}` };
  },
  duplicateId: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    d[kind].push({ ...record });
    return { file: FILES[kind], id: idOf(record), path: '/id' };
  },
  idOfAnotherKind: (d, pick) => {
    const entity = at(d.entities, pick);
    const source = at(d.sources, pick);
    source.id = entity.id;
    return { file: FILES.sources, id: entity.id as string, path: '/id' };
  },
  impossibleDate: (d, pick) => {
    const choice = pick(3);
    const date = at(BAD_DATES, pick);
    if (choice === 0) {
      const s = at(d.statements, pick);
      s.date = date;
      return { file: FILES.statements, id: idOf(s), path: '/date' };
    }
    if (choice === 1) {
      const s = at(d.sources, pick);
      s.published = date;
      return { file: FILES.sources, id: idOf(s), path: '/published' };
    }
    const r = at(d.relations, pick);
    const field = pick(2) === 0 ? 'start' : 'end';
    r[field] = date;
    return { file: FILES.relations, id: idOf(r), path: `/${field}` };
  },
  swapIdsAcrossKinds: (d, pick) => {
    const entity = at(d.entities, pick);
    const statement = at(d.statements, pick);
    [entity.id, statement.id] = [statement.id, entity.id];
    return { file: FILES.entities, id: idOf(entity), path: '/id' };
  },
  swapSpeakerAndRelation: (d, pick) => {
    const s = at(d.statements, pick);
    [s.speaker, s.relation] = [s.relation, s.speaker];
    return { file: FILES.statements, id: idOf(s), path: '/' };
  },
  protoField: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    defineField(record, '__proto__', { polluted: true });
    return { file: FILES[kind], id: idOf(record), path: '/__proto__' };
  },
  protoLikeId: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    const name = at(PROTO_NAMES, pick);
    record.id = name;
    return { file: FILES[kind], id: name, path: '/id' };
  },
  protoLikeReference: (d, pick) => {
    const s = at(d.statements, pick);
    const field = at(['relation', 'speaker', 'source'], pick);
    s[field] = at(PROTO_NAMES, pick);
    return { file: FILES.statements, id: idOf(s), path: `/${field}` };
  },
  protoTopLevelKey: (d) => {
    defineField(d, '__proto__', []);
    return { file: FILES.entities, id: null, path: '/__proto__' };
  },
  protoAttributeKey: (d, pick) => {
    const r = at(d.relations, pick);
    const attributes = {};
    defineField(attributes, '__proto__', 'x');
    r.attributes = attributes;
    return { file: FILES.relations, id: idOf(r), path: '/attributes/' };
  },
  selfLoop: (d, pick) => {
    const r = at(d.relations, pick);
    r.target = r.source;
    return { file: FILES.relations, id: idOf(r), path: '/target' };
  },
  partOfCycle: (d) => {
    const r = d.relations.find((x) => x.type === 'part-of');
    if (!r) return 'skip';
    d.relations.push({ id: 'rel:zz-cycle', type: 'part-of', source: r.target, target: r.source });
    d.statements.push({
      id: 'st:zz-cycle',
      relation: 'rel:zz-cycle',
      speaker: d.statements[0]!.speaker,
      stance: 'supports',
      date: '2001',
      source: d.sources[0]!.id,
    });
    return { file: FILES.relations };
  },
  statementAboutStatement: (d, pick) => {
    const s = at(d.statements, pick);
    const other = at(d.statements, pick);
    s.relation = other.id;
    return { file: FILES.statements, id: idOf(s), path: '/relation' };
  },
  invisibleCharacter: (d, pick) => {
    const kind = pick(2) === 0 ? 'entities' : 'sources';
    const record = at(d[kind], pick);
    const field = at(TEXT_FIELDS[kind]!, pick);
    const text = String(record[field]);
    const i = pick(text.length + 1);
    record[field] = `${text.slice(0, i)}${at(INVISIBLE, pick)}${text.slice(i)}`;
    return { file: FILES[kind], id: idOf(record), path: `/${field}` };
  },
  emptyName: (d, pick) => {
    const record = at(d.entities, pick);
    record.name = pick(2) === 0 ? '' : ' ';
    return { file: FILES.entities, id: idOf(record), path: '/name' };
  },
  deeplyNested: (d, pick) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    const field = at([...Object.keys(record).filter((k) => k !== 'id'), 'extra'], pick);
    record[field] = nested(40 + pick(2000));
    return { file: FILES[kind], id: idOf(record), path: `/${field}` };
  },
  listNotAnArray: (d, pick, random) => {
    const kind = kindOf(pick);
    (d as Record<string, unknown>)[kind] =
      random !== null && typeof random === 'object' && !Array.isArray(random) ? random : {};
    return { file: FILES[kind], id: null, path: '' };
  },
  appearanceOfUnknownSource: (d, pick) => {
    const s = at(d.statements, pick);
    s.appearances = [{ source: 'src:nowhere' }];
    return { file: FILES.statements, id: idOf(s), path: '/appearances/0/source' };
  },
  appearanceOfOwnSource: (d, pick) => {
    const s = at(d.statements, pick);
    s.appearances = [{ source: s.source }];
    return { file: FILES.statements, id: idOf(s), path: '/appearances/0/source' };
  },
  oneStatementTwoAppearances: (d, pick) => {
    const s = at(d.statements, pick);
    const copy: Fields = { ...s, id: `${String(s.id)}-again`, source: s.source === 'src:s1' ? 'src:s2' : 'src:s1' };
    delete copy.appearances;
    delete copy.anchor;
    if (copy.quote === undefined && copy.paraphrase === undefined) {
      s.quote = 'the same words';
      copy.quote = 'The same words.';
    }
    d.statements.push(copy);
    return { file: FILES.statements, id: String(copy.id), path: '' };
  },
  selectorNotTheWords: (d, pick) => {
    const s = at(d.statements, pick);
    // An elided quote's parts may all stand in any longer text: only whole quotes are known to differ.
    if (typeof s.quote !== 'string' || /\[|\.\.\.|\u2026/.test(s.quote)) return 'skip';
    s.anchor = { type: 'TextQuoteSelector', exact: `«${s.quote}» and more` };
    return { file: FILES.statements, id: idOf(s), path: '/anchor/exact' };
  },
  paraphraseByWithoutParaphrase: (d, pick) => {
    const s = at(d.statements, pick);
    if (s.paraphrase !== undefined) return 'skip';
    s.paraphraseBy = 'curator';
    return { file: FILES.statements, id: idOf(s), path: '/paraphraseBy' };
  },
  // Effects not known by construction: only "never crashes" and "agrees with the validator" apply.
  randomFieldValue: (d, pick, random) => {
    const kind = kindOf(pick);
    const record = at(d[kind], pick);
    record[at([...Object.keys(record), 'extra', 'attributes', 'aliases'], pick)] = random;
    return null;
  },
  randomRecord: (d, pick, random) => {
    const kind = kindOf(pick);
    (d[kind] as unknown[])[pick(d[kind].length)] = random;
    return null;
  },
  swapIdsWithinKind: (d, pick) => {
    const kind = kindOf(pick);
    const a = at(d[kind], pick);
    const b = at(d[kind], pick);
    [a.id, b.id] = [b.id, a.id];
    return null;
  },
  longText: (d, pick) => {
    const record = at(d.entities, pick);
    record.name = `${'ب'.repeat(100_000 + pick(100_000))} x`;
    return null;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** A valid dataset with zero to three mutations applied, the issues they guarantee, and how it was made. */
export interface Mutated {
  data: Loose;
  applied: Applied[];
  /** True when a mutation guarantees an issue: the dataset is invalid by construction. */
  invalid: boolean;
  /**
   * The issue that must be reported, when exactly one mutation was applied. With more, a later one
   * may make a record malformed, which leaves it out of the cross-record rules an earlier one broke,
   * so only the verdict is known.
   */
  expected: ExpectedIssue | null;
}

export function mutatedDataset(valid: fc.Arbitrary<Dataset> = validDataset): fc.Arbitrary<Mutated> {
  return fc
    .record({
      data: valid,
      mutations: fc.array(fc.constantFrom(...MUTATION_NAMES), { maxLength: 3 }),
      picks: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
      random: fc.jsonValue({ maxDepth: 3 }),
    })
    .map(({ data, mutations, picks, random }) => {
      const copy = structuredClone(data) as unknown as Loose;
      let k = 0;
      const pick: Pick = (n) => (n <= 0 ? 0 : picks[k++ % picks.length]! % n);
      const applied: Applied[] = [];
      for (const name of mutations) {
        // A list replaced by an earlier mutation has no records to pick from.
        if (
          !RECORD_KINDS.every(
            (kind) =>
              Array.isArray(copy[kind]) &&
              copy[kind].length > 0 &&
              copy[kind].every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)),
          )
        )
          break;
        const expected = MUTATIONS[name]!(copy, pick, structuredClone(random));
        if (expected !== 'skip') applied.push({ name, expected });
      }
      const only = applied.length === 1 ? applied[0]!.expected : null;
      return { data: copy, applied, invalid: applied.some((a) => a.expected !== null), expected: only };
    });
}

/** Whether an issue is the one a mutation guaranteed. */
export function matches(issue: { file: string; id: string | null; path: string }, expected: ExpectedIssue): boolean {
  if (issue.file !== expected.file) return false;
  if (expected.id !== undefined && issue.id !== expected.id) return false;
  if (expected.path === undefined) return true;
  return expected.path.endsWith('/')
    ? issue.path.startsWith(expected.path) || issue.path === expected.path.slice(0, -1)
    : issue.path === expected.path;
}

/** Counts per mutation name, printed so that CI output shows what the fuzz runs covered. */
export class Tally {
  readonly counts = new Map<string, number>(MUTATION_NAMES.map((name) => [name, 0]));
  runs = 0;
  invalid = 0;

  add(m: Mutated): void {
    this.runs++;
    if (m.invalid) this.invalid++;
    for (const { name } of m.applied) this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  report(label: string): string {
    const list = [...this.counts].map(([name, n]) => `${name} ${n}`).join(', ');
    return `${label}: seed ${FUZZ_SEED}, ${this.runs} runs (${this.invalid} invalid by construction, ${this.runs - this.invalid} valid or unknown); mutations applied: ${list}`;
  }
}
