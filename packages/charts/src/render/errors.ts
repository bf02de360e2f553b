/**
 * The renderers' error: a spec that vega cannot draw cleanly, a page option it cannot use, or a
 * missing vega package. Messages start `@claimgraph/charts/render:`.
 */
import { ClaimgraphBaseError } from '@claimgraph/schema';

/** A chart the renderers cannot draw as asked: warnings under `warnings: 'throw'`, vega's errors, bad page options. */
export class ChartRenderError extends ClaimgraphBaseError {
  readonly code: string = 'CHARTS_RENDER';
  constructor(detail: string) {
    super(`@claimgraph/charts/render: ${detail}`);
    this.name = 'ChartRenderError';
  }
}
