/**
 * `stanceChart`: who says what. One section per relation, one group of rows per speaker (keyed by
 * id), a triangle for each statement coloured by stance, its date and its words in full.
 * Built in stages, each a module of stance/: options → selection → layout → spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { innerWidth } from './frame.js';
import { indexClaimGraph, selectLabelled, type ClaimGraphLike } from './input.js';
import { rowEntities } from './statements.js';
import { stanceOptions, type StanceChartOptions } from './stance/options.js';
import { selectStance } from './stance/select.js';
import { layoutStance } from './stance/layout.js';
import { stanceSpec } from './stance/spec.js';

export { STANCE_CHART_DEFAULTS, type StanceChartOptions } from './stance/options.js';
export { STATEMENT_TOOLTIP } from './stance/layout.js';

/** Who supports and who disputes one relation or several: the headline chart of a dispute. */
export function stanceChart(cg: ClaimGraphLike, options: StanceChartOptions = {}): TopLevelSpec {
  const o = stanceOptions(options);
  const { index, selection: rows } = selectLabelled(
    indexClaimGraph(cg),
    (index) => selectStance(index, o),
    (rows, index) => [...rowEntities(index, rows), ...(o.entity !== undefined ? [o.entity] : [])],
  );
  const layout = layoutStance(rows, {
    width: innerWidth(o.width),
    labelWidth: o.labelWidth,
    quotes: o.quotes,
    maxQuoteLines: o.maxQuoteLines ?? Infinity,
  });
  return stanceSpec(index, o, rows, layout);
}
