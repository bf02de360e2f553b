import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ClaimGraph,
  CONSENSUS_RULES,
  consensusRule,
  DEFAULT_CONSENSUS_RULE,
  ruleName,
  STATUS_RULE,
  VERDICTS,
  type Consensus,
} from '../src/index.js';
import { fixture } from './fixture.js';
import { HEDGED_ONLY, PART_OF, SPLIT, TWO_HEDGED, voicesFixture } from './voices-fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const datasets = join(here, '..', '..', '..', 'datasets', 'afghanistan-2021');
const cg = ClaimGraph.fromData(voicesFixture());
const ids = (records: { id: string }[]) => records.map((r) => r.id);
const brief = (c: Consensus) => `${c.verdict} ${c.tally.supports}:${c.tally.disputes}`;

describe('consensus rules on synthetic data', () => {
  it('every-statement@1 counts every statement once, hedged and partial at full weight', () => {
    expect(brief(cg.consensus(PART_OF, { rule: 'every-statement@1' }))).toBe('contested 2:4');
    expect(brief(cg.consensus(HEDGED_ONLY, { rule: 'every-statement@1' }))).toBe('supported 1:0');
    expect(brief(cg.consensus(SPLIT, { rule: 'every-statement@1' }))).toBe('contested 1:1');
  });

  it("each-speaker-latest@1 counts each speaker's latest words once, hedged or partial at half", () => {
    const c = cg.consensus(PART_OF, { rule: 'each-speaker-latest@1' });
    expect(brief(c)).toBe('disputed 0.5:2.5');
    expect(c.votes.map((v) => `${v.voice} ${v.stance} ${v.weight}`)).toEqual([
      'government-body:state disputes 1',
      'person:analyst disputes 0.5',
      'person:kirby supports 0.5',
      'person:price disputes 1',
    ]);
    // The analyst's 2020 support and Kirby's 2021-08 dispute are superseded by their later words.
    expect(ids(c.decidedBy)).toEqual([
      'st:price-separate',
      'st:kirby-commingling',
      'st:state-separate',
      'st:analyst-2021-09-not-part-of',
    ]);
    expect(c.tally).toEqual({
      supports: 0.5,
      disputes: 2.5,
      supportingVoices: 1,
      disputingVoices: 3,
      splitVoices: 0,
      statements: 6,
      counted: 4,
    });
  });

  it('each-speaker-latest@1: one hedged voice is unresolved, two hedged voices stand', () => {
    expect(brief(cg.consensus(HEDGED_ONLY, { rule: 'each-speaker-latest@1' }))).toBe('unresolved 0.5:0');
    expect(brief(cg.consensus(TWO_HEDGED, { rule: 'each-speaker-latest@1' }))).toBe('supported 1:0');
  });

  it('a speaker whose latest statements disagree is split and counts for neither side', () => {
    const c = cg.consensus(SPLIT, { rule: 'each-speaker-latest@1' });
    expect(brief(c)).toBe('unresolved 0:0');
    expect(c.tally.splitVoices).toBe(1);
    expect(c.votes[0]).toMatchObject({ voice: 'media-outlet:wire', stance: 'split', weight: 0 });
  });

  it('one-voice-per-body@1 hears a spokesperson and their department as one voice, by its latest words', () => {
    const c = cg.consensus(PART_OF, { rule: 'one-voice-per-body@1' });
    expect(brief(c)).toBe('disputed 0.5:1.5');
    expect(c.votes.map((v) => [v.voice, v.speakers, v.stance, v.weight])).toEqual([
      ['government-body:defense', ['person:kirby'], 'supports', 0.5],
      ['government-body:state', ['government-body:state', 'person:price'], 'disputes', 1],
      ['person:analyst', ['person:analyst'], 'disputes', 0.5],
    ]);
  });

  it('one-voice-per-body@1 groups only spokespeople: a deputy secretary speaks for themselves', () => {
    const c = cg.consensus('rel:a-affiliated-with-b', { rule: 'one-voice-per-body@1' });
    expect(c.votes.map((v) => v.voice)).toEqual(['government-body:state', 'person:analyst', 'person:deputy']);
  });

  it('a spokesperson whose member-of relation is disputed, ended or not yet started speaks for themselves', () => {
    const variants: [string, (d: ReturnType<typeof voicesFixture>) => void][] = [
      [
        'disputed',
        (d) =>
          d.statements.push({
            id: 'st:zz-price-not-member',
            relation: 'rel:price-member-of-state',
            speaker: 'media-outlet:wire',
            stance: 'disputes',
            date: '2021-08-28',
            quote: 'No.',
            source: 'src:wire',
          }),
      ],
      ['ended', (d) => (d.relations.find((r) => r.id === 'rel:price-member-of-state')!.endedBy = '2022')],
      ['not yet started', (d) => (d.relations.find((r) => r.id === 'rel:price-member-of-state')!.start = '2021-08-28')],
    ];
    for (const [why, change] of variants) {
      const data = voicesFixture();
      change(data);
      const view = ClaimGraph.fromData(data, { validate: false });
      const voices = view.consensus(PART_OF, { rule: 'one-voice-per-body@1' }).votes.map((v) => v.voice);
      expect(voices, why).toContain('person:price');
    }
  });

  it('plain-words@1 sets hedged and partial statements aside before taking each voice’s latest', () => {
    const c = cg.consensus(PART_OF, { rule: 'plain-words@1' });
    expect(brief(c)).toBe('contested 1:2');
    expect(ids(c.decidedBy)).toEqual(['st:analyst-2020-part-of', 'st:kirby-not-part-of', 'st:state-separate']);
    expect(brief(cg.consensus(TWO_HEDGED, { rule: 'plain-words@1' }))).toBe('unresolved 0:0');
  });

  it('every verdict is one of VERDICTS and names its rule with the version', () => {
    for (const rule of CONSENSUS_RULES)
      for (const relation of cg.relations()) {
        const c = cg.consensus(relation.id, { rule: ruleName(rule) });
        expect(VERDICTS).toContain(c.verdict);
        expect(c.rule).toBe(`${rule.id}@${rule.version}`);
      }
  });
});

describe('choosing a rule', () => {
  it('consensus() uses each-speaker-latest@1 unless told, and a bare id means its newest version', () => {
    expect(DEFAULT_CONSENSUS_RULE).toBe('each-speaker-latest@1');
    expect(cg.consensus(PART_OF).rule).toBe('each-speaker-latest@1');
    expect(cg.consensus(PART_OF, { rule: 'plain-words' }).rule).toBe('plain-words@1');
    expect(consensusRule('x', 'one-voice-per-body').version).toBe(1);
  });

  it('an unknown rule or version is an error listing the known ones', () => {
    const known = 'every-statement@1, each-speaker-latest@1, one-voice-per-body@1, plain-words@1';
    expect(() => cg.consensus(PART_OF, { rule: 'majority' })).toThrow(
      `@claimgraph/sdk: consensus(): rule "majority" is not a known consensus rule; use one of ${known}`,
    );
    expect(() => cg.consensus(PART_OF, { rule: 'each-speaker-latest@2' })).toThrow(
      '"each-speaker-latest@2" is not a known',
    );
    expect(() => cg.contested({ rule: 7 as unknown as string })).toThrow('contested(): rule 7 is not a known');
  });

  it('an unknown relation or option is an error naming it', () => {
    expect(() => cg.consensus('rel:nothing')).toThrow('unknown relation "rel:nothing"');
    expect(() => cg.consensus(PART_OF, { rules: 'x' } as never)).toThrow('option "rules" is unknown; use rule');
  });

  it('status and contested() say they follow every-statement@1, and contested() takes another rule', () => {
    expect(STATUS_RULE).toBe('every-statement@1');
    expect(cg.stances(PART_OF)).toMatchObject({ status: 'contested', rule: 'every-statement@1' });
    expect(ids(cg.contested())).toEqual([PART_OF, SPLIT]);
    expect(ids(cg.contested({ rule: 'every-statement@1' }))).toEqual([PART_OF, SPLIT]);
    expect(ids(cg.contested({ rule: 'each-speaker-latest@1' }))).toEqual([]);
    expect(ids(cg.contested({ rule: 'plain-words@1' }))).toEqual([PART_OF]);
  });

  it('every-statement@1 agrees with status on every relation', () => {
    const mini = ClaimGraph.fromData(fixture());
    for (const relation of mini.relations())
      expect(mini.consensus(relation.id, { rule: STATUS_RULE }).verdict).toBe(mini.stances(relation.id).status);
  });

  it('each rule module has an id, a version and a description saying how it weighs hedged and partial words', () => {
    for (const rule of CONSENSUS_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Number.isInteger(rule.version) && rule.version >= 1).toBe(true);
      expect(rule.description).toMatch(/hedged/);
      expect(rule.description).toMatch(/partial/);
    }
  });
});

describe('consensus on the bundled afghanistan-2021 data', () => {
  it('pins every rule version’s verdicts on the kept release 2.0.0: a rule never changes under its version', async () => {
    const pins = JSON.parse(readFileSync(join(here, 'pins', 'consensus-afghanistan-2021-2.0.0.json'), 'utf8')) as {
      rules: Record<string, Record<string, string>>;
    };
    const kept = await ClaimGraph.load(join(datasets, 'releases', '2.0.0'));
    // Every shipped rule version is pinned; a new version adds its pins beside the old ones.
    expect(Object.keys(pins.rules)).toEqual(CONSENSUS_RULES.map(ruleName));
    for (const rule of CONSENSUS_RULES) {
      const name = ruleName(rule);
      const verdicts = Object.fromEntries(
        kept.relations().map((r) => [r.id, brief(kept.consensus(r.id, { rule: name }))]),
      );
      expect(verdicts, name).toEqual(pins.rules[name]);
    }
  });

  it('hears Ned Price with the State Department and John Kirby with the Defense Department', async () => {
    const live = await ClaimGraph.load(datasets);
    const c = live.consensus('rel:haqqani-network-part-of-taliban', { rule: 'one-voice-per-body@1' });
    expect(c.verdict).toBe('contested');
    const state = c.votes.find((v) => v.voice === 'government-body:state-department')!;
    expect(state.speakers).toEqual(['government-body:state-department', 'person:ned-price']);
    expect(state.stance).toBe('disputes');
    expect(c.votes.find((v) => v.voice === 'government-body:defense-department')?.speakers).toEqual([
      'person:john-kirby',
    ]);
    // Two statements against, from one body: one voice.
    expect(live.consensus(c.relation.id, { rule: 'each-speaker-latest@1' }).tally.disputingVoices).toBe(2);
    expect(c.tally.disputingVoices).toBe(1);
  });
});
