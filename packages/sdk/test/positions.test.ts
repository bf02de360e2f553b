import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClaimGraph, type PositionChange } from '../src/index.js';
import { PART_OF, voicesFixture } from './voices-fixture.js';

const datasets = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'datasets', 'afghanistan-2021');
const cg = ClaimGraph.fromData(voicesFixture());
const ids = (records: { id: string }[]) => records.map((r) => r.id);
const said = (c: PositionChange) => `${c.voice}: ${ids(c.from).join(' ')} → ${c.to.id} (${c.changed.join(', ')})`;

describe('positions()', () => {
  it("gives each speaker's dated statements about each pair of entities, across relation types", () => {
    const [analyst] = cg.positions({ speaker: 'person:analyst', entity: 'armed-group:a', relation: PART_OF });
    expect(analyst).toMatchObject({ voice: 'person:analyst', speakers: ['person:analyst'] });
    expect(analyst!.pair).toEqual(['armed-group:a', 'armed-group:b']);
    expect(ids(analyst!.statements)).toEqual([
      'st:analyst-2020-part-of',
      'st:analyst-2021-09-not-part-of',
      'st:analyst-2022-affiliated',
    ]);
  });

  it('marks a change when a later statement differs in stance, in relation type, or both', () => {
    expect(cg.changes({ speaker: 'person:analyst' }).map(said)).toEqual([
      'person:analyst: st:analyst-2020-part-of → st:analyst-2021-09-not-part-of (stance)',
      'person:analyst: st:analyst-2021-09-not-part-of → st:analyst-2022-affiliated (stance, relation)',
    ]);
  });

  it('never marks a change between statements that may fall on the same day', () => {
    // Kirby disputes in "2021-08" and supports on 2021-08-28: the month may be that very day.
    const [kirby] = cg.positions({ speaker: 'person:kirby' });
    expect(ids(kirby!.statements)).toEqual(['st:kirby-not-part-of', 'st:kirby-commingling']);
    expect(kirby!.changes).toEqual([]);
  });

  it("with voices: 'body', hears a spokesperson in their department's position", () => {
    const [state] = cg.positions({ speaker: 'person:price', voices: 'body', relation: PART_OF });
    expect(state).toMatchObject({
      voice: 'government-body:state',
      speakers: ['government-body:state', 'person:price'],
    });
    expect(ids(state!.statements)).toEqual(['st:price-separate', 'st:state-separate', 'st:state-affiliated']);
    expect(state!.changes.map(said)).toEqual([
      'government-body:state: st:state-separate → st:state-affiliated (stance, relation)',
    ]);
    // The same speaker, heard alone, has only their own words.
    expect(ids(cg.positions({ speaker: 'person:price' })[0]!.statements)).toEqual(['st:price-separate']);
  });

  it('changes() lists every change by the date of the statement that made it', () => {
    expect(cg.changes().map((c) => c.to.id)).toEqual([
      'st:state-affiliated',
      'st:analyst-2021-09-not-part-of',
      'st:analyst-2022-affiliated',
    ]);
  });

  it('orders positions by voice, then pair, and keeps pairs apart', () => {
    const all = cg.positions();
    const keys = all.map((p) => `${p.voice} ${p.pair.join(' ')}`);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.flatMap((p) => p.statements).length).toBe(voicesFixture().statements.length);
  });

  it("a speaker's positions are those of all positions that hold their words, for either kind of voice", () => {
    for (const voices of ['speaker', 'body'] as const) {
      const all = cg.positions({ voices });
      for (const speaker of new Set(voicesFixture().statements.map((s) => s.speaker)))
        expect(cg.positions({ speaker, voices }), `${speaker} ${voices}`).toEqual(
          all.filter((p) => p.voice === speaker || p.speakers.includes(speaker)),
        );
    }
  });

  it('bad options are errors naming them', () => {
    expect(() => cg.positions({ speaker: 'person:nobody' })).toThrow('unknown entity "person:nobody"');
    expect(() => cg.positions({ relation: 'rel:nothing' })).toThrow('unknown relation "rel:nothing"');
    expect(() => cg.positions({ entity: 'x:y' })).toThrow('unknown entity "x:y"');
    expect(() => cg.positions({ voices: 'group' as never })).toThrow(
      'positions(): voices must be one of speaker, body, not "group"',
    );
    expect(() => cg.changes({ who: 1 } as never)).toThrow('option "who" is unknown');
  });
});

describe('positions on the bundled afghanistan-2021 data', () => {
  it('the State Department, heard with its spokesman, moves from Price\'s "separate entities" to "affiliated"', async () => {
    const live = await ClaimGraph.load(datasets);
    const changes = live.changes({ entity: 'armed-group:haqqani-network', voices: 'body' });
    const state = changes.filter((c) => c.voice === 'government-body:state-department');
    expect(state.length).toBeGreaterThan(0);
    for (const change of state) {
      expect(ids(change.from)).toEqual(['st:ned-price-separate-entities']);
      expect(change.to.speaker).toBe('government-body:state-department');
      expect(live.relation(change.to.relation)?.type).toBe('affiliated-with');
      expect(change.changed).toEqual(['stance', 'relation']);
    }
    // Every change is a certainly later statement by the same voice on the same pair.
    for (const change of live.changes({ voices: 'body' }))
      for (const before of change.from) expect(before.date < change.to.date).toBe(true);
  });

  it('Sirajuddin Haqqani’s positions come in date order, one per pair', async () => {
    const live = await ClaimGraph.load(datasets);
    const positions = live.positions({ speaker: 'person:sirajuddin-haqqani' });
    expect(positions.length).toBeGreaterThan(1);
    for (const p of positions) {
      expect(p.voice).toBe('person:sirajuddin-haqqani');
      const dates = p.statements.map((s) => s.date);
      expect(dates).toEqual([...dates].sort());
    }
  });
});
