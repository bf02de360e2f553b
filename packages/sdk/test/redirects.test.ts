import type { Dataset } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';

function renamed(): Dataset {
  return {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network' },
      { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban' },
      { id: 'person:edward-price', type: 'person', name: 'Ned Price' },
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
        speaker: 'person:edward-price',
        stance: 'disputes',
        date: '2021-08-27',
        source: 'src:article',
      },
    ],
    sources: [{ id: 'src:article', title: 'Article', publisher: 'Washington Examiner' }],
    redirects: [
      { from: 'person:ned-price', to: 'person:edward-price', reason: 'Renamed to the full name.', date: '2021-09-01' },
    ],
  };
}

describe('redirects', () => {
  it('entity() follows a redirect from a renamed id to the entity that replaced it', () => {
    const cg = ClaimGraph.fromData(renamed());
    expect(cg.entity('person:ned-price')?.id).toBe('person:edward-price');
    expect(cg.redirect('person:ned-price')).toMatchObject({ to: 'person:edward-price' });
    expect(cg.redirect('person:edward-price')).toBeUndefined();
  });

  it('queries taking an entity id accept the old id', () => {
    const cg = ClaimGraph.fromData(renamed());
    expect(cg.statements({ speaker: 'person:ned-price' }).map((s) => s.id)).toEqual(['st:price-1']);
    expect(
      cg
        .perspective('person:ned-price')
        .relations()
        .map((r) => r.id),
    ).toEqual(['rel:haqqani-part-of-taliban']);
  });

  it('keeps the redirects through toJSON and in views', () => {
    const cg = ClaimGraph.fromData(renamed());
    expect(cg.toJSON().redirects).toEqual(renamed().redirects);
    expect(cg.asOf('2021-12').entity('person:ned-price')?.id).toBe('person:edward-price');
  });

  it('rejects a redirect whose target does not exist', () => {
    const data = renamed();
    data.redirects![0]!.to = 'person:nobody';
    expect(() => ClaimGraph.fromData(data)).toThrow(
      /redirects.json: person:ned-price \/to: "person:nobody" is not a record in this dataset/,
    );
  });

  it('follows redirects of relation, statement and source ids through every method taking one', () => {
    const data = renamed();
    data.redirects!.push(
      {
        from: 'rel:haqqani-network-part-of-taliban',
        to: 'rel:haqqani-part-of-taliban',
        reason: 'Shorter id.',
        date: '2021-09-01',
      },
      { from: 'st:ned-price-1', to: 'st:price-1', reason: 'Renamed with the speaker.', date: '2021-09-01' },
      { from: 'src:washington-examiner', to: 'src:article', reason: 'Renamed.', date: '2021-09-01' },
    );
    const cg = ClaimGraph.fromData(data);
    expect(cg.relation('rel:haqqani-network-part-of-taliban')?.id).toBe('rel:haqqani-part-of-taliban');
    expect(cg.stances('rel:haqqani-network-part-of-taliban')).toMatchObject({
      relation: { id: 'rel:haqqani-part-of-taliban' },
      status: 'disputed',
    });
    expect(cg.statements({ relation: 'rel:haqqani-network-part-of-taliban' }).map((s) => s.id)).toEqual(['st:price-1']);
    expect(cg.statement('st:ned-price-1')?.id).toBe('st:price-1');
    expect(cg.statement('st:price-1')?.id).toBe('st:price-1');
    expect(cg.source('src:washington-examiner')?.id).toBe('src:article');
    expect(cg.statements({ source: 'src:washington-examiner' }).map((s) => s.id)).toEqual(['st:price-1']);
    expect(cg.asOf('2021-12').relation('rel:haqqani-network-part-of-taliban')?.id).toBe('rel:haqqani-part-of-taliban');
  });

  it('follows a redirect only to a record of the same kind', () => {
    const cg = ClaimGraph.fromData(renamed());
    expect(cg.relation('person:ned-price')).toBeUndefined();
    expect(cg.source('person:ned-price')).toBeUndefined();
    expect(() => cg.stances('person:ned-price')).toThrow(/unknown relation "person:ned-price"/);
  });

  it('still answers undefined for an id that was never known', () => {
    expect(ClaimGraph.fromData(renamed()).entity('person:john-kirby')).toBeUndefined();
  });
});
