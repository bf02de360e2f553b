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

  it('still answers undefined for an id that was never known', () => {
    expect(ClaimGraph.fromData(renamed()).entity('person:john-kirby')).toBeUndefined();
  });
});
