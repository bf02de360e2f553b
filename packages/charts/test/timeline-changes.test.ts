import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '@claimgraph/sdk';
import { timelineChart, TIMELINE_CHART_DEFAULTS } from '../src/index.js';
import { renderSvg } from '../src/render.js';
import { compiles, dataOf, marksOf, markType, mini, miniData, PART_OF, parseSvg, svgTexts } from './fixture.js';

const AFFILIATED = 'rel:haqqani-network-affiliated-with-taliban';

/** The mini dataset, plus Jake Sullivan disputing on 28 August what he supported on the 22nd. */
function changedMind(): ClaimGraph {
  const data = miniData();
  data.statements.push({
    id: 'st:sullivan-not-integrated',
    relation: PART_OF,
    speaker: 'person:jake-sullivan',
    stance: 'disputes',
    date: '2021-08-28',
    quote: 'They are not integrated.',
    source: 'src:washington-examiner-2021-08-28',
  });
  return mini(data);
}

const changePoints = (spec: ReturnType<typeof timelineChart>) => dataOf(spec).filter((row) => 'change' in row);

describe('timelineChart: changes of position', () => {
  it('joins the two marks of a change in the speaker’s row and labels what changed', async () => {
    const spec = timelineChart(changedMind(), { relation: PART_OF });
    const points = changePoints(spec);
    // The later mark may sit in an extra lane of the same row (its key is the name plus zero-width spaces).
    expect(points.map((p) => [p.end, String(p.row).replace(/\u200b/g, ''), p.label])).toEqual([
      [0, 'Jake Sullivan', 'supports → disputes'],
      [1, 'Jake Sullivan', 'supports → disputes'],
    ]);
    expect(points[0]!.at).toBeLessThan(points[1]!.at as number);
    const views = marksOf(spec);
    expect(views.some((v) => markType(v) === 'line' && v.encoding?.detail?.field === 'change')).toBe(true);
    expect(spec.description).toContain(
      'Changes of position: Jake Sullivan, 22 Aug 2021 → 28 Aug 2021: supports → disputes.',
    );
    await compiles(spec);
    const texts = svgTexts(parseSvg(await renderSvg(spec)));
    expect(texts).toContain('supports → disputes');
  });

  it('draws no change line where no speaker changed, and none when changes: false', () => {
    expect(TIMELINE_CHART_DEFAULTS.changes).toBe(true);
    expect(changePoints(timelineChart(mini(), { relation: PART_OF }))).toEqual([]);
    expect(changePoints(timelineChart(changedMind(), { relation: PART_OF, changes: false }))).toEqual([]);
    const spec = timelineChart(changedMind(), { relation: PART_OF, changes: false });
    expect(marksOf(spec).some((v) => markType(v) === 'line')).toBe(false);
  });

  it("voices: 'body' puts a spokesman in his department's row, where its change shows", async () => {
    const spec = timelineChart(mini(), { relation: [PART_OF, AFFILIATED], voices: 'body' });
    const rows = dataOf(spec).filter((row) => 'saidBy' in row);
    const price = rows.find((row) => row.id === 'st:price-separate-entities')!;
    expect(price).toMatchObject({ speaker: 'government-body:us-department-of-state', saidBy: 'Ned Price' });
    const points = changePoints(spec);
    expect(new Set(points.map((p) => p.label))).toEqual(new Set(['disputes part-of → supports affiliated-with']));
    expect(new Set(points.map((p) => p.speakerName))).toEqual(new Set(['State Department']));
    expect(spec.description).toContain(
      'State Department, 27 Aug 2021 → 28 Aug 2021: disputes part-of → supports affiliated-with',
    );
    await compiles(spec);
  });

  it('refuses a voices value it does not know, naming the option', () => {
    expect(() => timelineChart(mini(), { voices: 'all' as never })).toThrow(
      /options.voices: must be speaker or body, not "all"/,
    );
    expect(() => timelineChart(mini(), { changes: 'yes' as never })).toThrow(/options.changes: must be true or false/);
  });

  it('draws no changes for a ClaimGraph-like input without positions()', () => {
    const cg = changedMind();
    const like = { graph: cg.graph, version: cg.version, toJSON: () => cg.toJSON(), neighbors: cg.neighbors.bind(cg) };
    expect(changePoints(timelineChart(like, { relation: PART_OF }))).toEqual([]);
  });
});
