/** Ways a curator or a tool gets data wrong, shared by the differential tests of the quick checks. */
import type { Dataset } from '@claimgraph/schema';
import { syntheticDataset } from '../src/synthetic.js';

export type Mutable = Record<string, unknown>;
type Mutation = (data: Dataset, pick: (n: number) => number) => void;

/** A record of the list; a record an earlier mutation replaced (with null) is left alone. */
const rec = (list: unknown[], pick: (n: number) => number) => {
  const record = list[pick(list.length)];
  return (typeof record === 'object' && record !== null ? record : {}) as Mutable;
};
const entityOf = (data: Dataset, type: string) => data.entities.find((e) => e.type === type)!;

/** Ways a curator or a tool gets data wrong, one rule of the validator each (and a few no-ops). */
export const MUTATIONS: Record<string, Mutation> = {
  nothing: () => {},
  entityUnknownField: (d, p) => (rec(d.entities, p).nmae = 'x'),
  entityEmptyName: (d, p) => (rec(d.entities, p).name = ''),
  entityControlCharacter: (d, p) => (rec(d.entities, p).name = 'Bell\u0007'),
  entityBidiControl: (d, p) => (rec(d.entities, p).description = 'evil \u202e text'),
  entityPadded: (d, p) => (rec(d.entities, p).name = ' Padded'),
  entityNbspPadded: (d, p) => (rec(d.entities, p).name = 'Padded\u00a0'),
  entityDuplicateAlias: (d, p) => (rec(d.entities, p).aliases = ['Same', 'Same']),
  entityDistinctAliases: (d, p) => (rec(d.entities, p).aliases = ['One', 'Two']),
  entityAliasControl: (d, p) => (rec(d.entities, p).aliases = ['Tab\there']),
  entityInvisibleName: (d, p) => (rec(d.entities, p).name = 'Zero\u200bwidth'),
  entityDecomposedName: (d, p) => (rec(d.entities, p).name = 'Cafe\u0301'),
  entityInvisibleAlias: (d, p) => (rec(d.entities, p).aliases = ['Soft\u00adhyphen']),
  entityInvisibleDescription: (d, p) => (rec(d.entities, p).description = 'Zero\u200bwidth is fine here'),
  entityWrongPrefix: (d, p) => {
    const e = rec(d.entities, p);
    e.id = `organization:${String(e.id).split(':')[1]}`;
  },
  entityBadType: (d, p) => (rec(d.entities, p).type = 'militia'),
  eventEndsBeforeStart: (d) => Object.assign(entityOf(d, 'event'), { date: '2021-08-20', end: '2021-08-19' }),
  eventEndsInStartMonth: (d) => Object.assign(entityOf(d, 'event'), { date: '2021-08-20', end: '2021-08' }),
  organizationBadCalendar: (d) => Object.assign(entityOf(d, 'organization'), { founded: '2021-02-30' }),
  organizationLeapDay: (d) => Object.assign(entityOf(d, 'organization'), { founded: '2020-02-29' }),
  documentBadUrl: (d) => Object.assign(entityOf(d, 'document'), { url: 'ftp://example.org/x' }),
  entityNotObject: (d, p) => (d.entities[p(d.entities.length)] = null as never),
  relationSelfLoop: (d, p) => {
    const r = rec(d.relations, p);
    r.target = r.source;
  },
  relationUnknownSource: (d, p) => (rec(d.relations, p).source = 'person:nobody-at-all'),
  relationMalformedTarget: (d, p) => (rec(d.relations, p).target = 'Person:Nobody'),
  relationUnknownType: (d, p) => (rec(d.relations, p).type = 'friend-of'),
  relationWrongEndpointType: (d, p) => {
    const r = rec(d.relations, p);
    r.type = 'detained-at';
  },
  relationBadMonth: (d, p) => (rec(d.relations, p).start = '2021-13'),
  relationEndBeforeStart: (d, p) => Object.assign(rec(d.relations, p), { start: '2021-08', end: '2021-07-31' }),
  relationEndSameMonth: (d, p) => Object.assign(rec(d.relations, p), { start: '2021-08', end: '2021-08-01' }),
  relationEndedByWithEnd: (d, p) => Object.assign(rec(d.relations, p), { end: '2021-08', endedBy: '2021-08-28' }),
  relationEndedByBeforeStart: (d, p) => Object.assign(rec(d.relations, p), { start: '2021-09', endedBy: '2021-08' }),
  relationEndedBy: (d, p) => Object.assign(rec(d.relations, p), { start: '2012', endedBy: '2021-08' }),
  relationEndedByBadCalendar: (d, p) => (rec(d.relations, p).endedBy = '2021-02-30'),
  excludedPairSupported: (d, p) => {
    const r = rec(d.relations, p);
    const speaker = d.statements[0]!.speaker;
    const add = (type: string, suffix: string) => {
      d.relations.push({ id: `rel:zz-${suffix}`, type, source: r.source, target: r.target } as never);
      d.statements.push({
        id: `st:zz-${suffix}`,
        relation: `rel:zz-${suffix}`,
        speaker,
        stance: 'supports',
        date: '2001',
        source: d.sources[0]!.id,
      });
    };
    add('part-of', 'part');
    add('affiliated-with', 'tie');
  },
  relationBadAttributeKey: (d, p) => (rec(d.relations, p).attributes = { Bad: 1 }),
  relationControlNote: (d, p) => (rec(d.relations, p).note = 'a\u2066b'),
  relationControlAttribute: (d, p) => (rec(d.relations, p).attributes = { role: 'deputy\u0007' }),
  relationPaddedAttribute: (d, p) => (rec(d.relations, p).attributes = { role: ' deputy' }),
  relationDuplicate: (d, p) => {
    const r = rec(d.relations, p);
    const copy = { ...r, id: `${String(r.id)}-copy` };
    d.relations.push(copy as never);
    d.statements.push({
      id: 'st:zz-copy',
      relation: copy.id as string,
      speaker: d.statements[0]!.speaker,
      stance: 'supports',
      date: '2001',
      source: d.sources[0]!.id,
    });
  },
  relationWithoutStatement: (d, p) => {
    const r = rec(d.relations, p);
    d.statements = d.statements.filter((s) => s.relation !== r.id);
  },
  partOfCycle: (d) => {
    const r = d.relations.find((x) => x.type === 'part-of');
    if (!r) return;
    d.relations.push({ id: 'rel:zz-cycle', type: 'part-of', source: r.target, target: r.source });
    d.statements.push({
      id: 'st:zz-cycle',
      relation: 'rel:zz-cycle',
      speaker: d.statements[0]!.speaker,
      stance: 'disputes',
      date: '2001',
      source: d.sources[0]!.id,
    });
  },
  statementUnknownRelation: (d, p) => (rec(d.statements, p).relation = 'rel:nothing-here'),
  statementSpeakerIsPlace: (d, p) => (rec(d.statements, p).speaker = entityOf(d, 'place').id),
  statementUnknownReporter: (d, p) => (rec(d.statements, p).reportedBy = 'person:nobody-at-all'),
  statementReporterIsEvent: (d, p) => (rec(d.statements, p).reportedBy = entityOf(d, 'event').id),
  statementUnknownSource: (d, p) => (rec(d.statements, p).source = 'src:nothing-here'),
  statementAfterSource: (d, p) => {
    const s = rec(d.statements, p);
    const source = d.sources.find((x) => x.id === s.source)!;
    if (source.published) s.date = `${Number(source.published.slice(0, 4)) + 1}`;
  },
  statementSameMonthAsSource: (d, p) => {
    const s = rec(d.statements, p);
    const source = d.sources.find((x) => x.id === s.source)!;
    if (source.published) s.date = source.published.slice(0, 7);
  },
  statementBadStance: (d, p) => (rec(d.statements, p).stance = 'maybe'),
  statementBadDate: (d, p) => (rec(d.statements, p).date = '2021-00'),
  statementEmptyQuote: (d, p) => (rec(d.statements, p).quote = ''),
  // Text at the edges of the display-text rule: controls, the whitespace trim() sees, surrogates.
  statementQuoteTrailingSpace: (d, p) => (rec(d.statements, p).quote = 'They are separate entities. '),
  statementQuoteDelete: (d, p) => (rec(d.statements, p).quote = 'They are\u007f separate.'),
  statementQuoteC1Control: (d, p) => (rec(d.statements, p).quote = 'They are\u0085 separate.'),
  statementQuoteInnerNbsp: (d, p) => (rec(d.statements, p).quote = 'They are\u00a0separate, \u00c5berg said.'),
  statementQuoteNbspEdge: (d, p) => (rec(d.statements, p).quote = '\u00a0They are separate.'),
  statementQuoteOghamSpaceEdge: (d, p) => (rec(d.statements, p).quote = 'They are separate.\u1680'),
  statementQuoteOghamInside: (d, p) => (rec(d.statements, p).quote = 'They are\u1680separate.'),
  statementQuoteLoneSurrogate: (d, p) => (rec(d.statements, p).quote = 'They are \ud800 separate.'),
  statementQuoteArabic: (d, p) => (rec(d.statements, p).quote = 'هم منفصلون'),
  statementQuoteNoncharacter: (d, p) => (rec(d.statements, p).quote = 'They are \ufdd0 separate.'),
  statementNoteBidi: (d, p) => (rec(d.statements, p).note = 'a \u2066note\u2069'),
  statementQuoteAndParaphrase: (d, p) => {
    const s = rec(d.statements, p);
    s.quote = 'They are separate entities.';
    s.paraphrase = 'they were separate entities';
  },
  statementContextWithoutWords: (d, p) => {
    const s = rec(d.statements, p);
    delete s.quote;
    delete s.paraphrase;
    s.context = 'asked about the Haqqanis';
  },
  statementLongContext: (d, p) => {
    const s = rec(d.statements, p);
    s.quote = 'They are separate entities.';
    s.context = 'x'.repeat(161);
  },
  statementParaphraseWithContext: (d, p) => {
    const s = rec(d.statements, p);
    delete s.quote;
    s.paraphrase = 'they were separate entities';
    s.context = 'asked about the Haqqanis';
  },
  statementParaphraseBidi: (d, p) => {
    const s = rec(d.statements, p);
    delete s.quote;
    s.paraphrase = 'they were \u202Eseparate';
  },
  statementRepeatedWords: (d, p) => {
    // The same words of the same speaker on the same relation with the same stance, typed another way.
    const s = rec(d.statements, p);
    s.quote = 'They are separate entities.';
    d.statements.push({ ...s, id: `${String(s.id)}-again`, quote: '\u201Cthey are  SEPARATE entities\u201D' } as never);
  },
  statementRepeatedWordsOtherStance: (d, p) => {
    const s = rec(d.statements, p);
    s.quote = 'They are separate entities.';
    const stance = s.stance === 'supports' ? 'disputes' : 'supports';
    d.statements.push({ ...s, id: `${String(s.id)}-again`, stance } as never);
  },
  statementHedgedText: (d, p) => (rec(d.statements, p).hedged = 'yes'),
  statementDuplicateId: (d, p) => d.statements.push({ ...rec(d.statements, p) } as never),
  statementNotObject: (d, p) => (d.statements[p(d.statements.length)] = 42 as never),
  sourceBadDate: (d, p) => (rec(d.sources, p).published = '2021-02-29'),
  sourceControlTitle: (d, p) => (rec(d.sources, p).title = 'x\u0085y'),
  sourceBadUrl: (d, p) => (rec(d.sources, p).url = 'not a url'),
  duplicateSourceId: (d, p) => d.sources.push({ ...rec(d.sources, p) } as never),
  duplicateEntityId: (d, p) => d.entities.push({ ...rec(d.entities, p) } as never),
  reversedStatements: (d) => d.statements.reverse(),
};

/** Every mutation applied alone to six small synthetic datasets, each with its own seeded picks. */
export function* singlyMutated(): Generator<{ name: string; seed: number; data: Dataset }> {
  for (const [name, mutate] of Object.entries(MUTATIONS)) {
    for (let seed = 1; seed <= 6; seed++) {
      const data = syntheticDataset({ entities: 15, seed });
      let k = seed;
      mutate(data, (n) => (n === 0 ? 0 : (k++ * 7919) % n));
      yield { name, seed, data };
    }
  }
}
