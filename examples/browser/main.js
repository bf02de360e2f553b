// The browser example: loads the dataset release from the same server, builds the four charts with
// @claimgraph/charts and draws them with vega-embed. Bundled by build.mjs from the packages' ES
// module builds, so it proves their main entries run in a browser with no Node built-ins.
import { centralityChart, networkChart, stanceChart, timelineChart } from '@claimgraph/charts';
import { ClaimGraph } from '@claimgraph/sdk';
import embed from 'vega-embed';

const RELEASE = new URL('/datasets/afghanistan-2021/dist/', window.location.href);
const DATASET = 'afghanistan-2021';

const status = /** @type {HTMLElement} */ (document.getElementById('status'));
try {
  const cg = await ClaimGraph.load(RELEASE.href);
  const [relation] = cg.contested().filter((r) => r.type === 'part-of');
  const charts = {
    stance: stanceChart(cg, { relation: relation?.id, dataset: DATASET }),
    timeline: timelineChart(cg, { relation: relation?.id, dataset: DATASET }),
    network: networkChart(cg, { dataset: DATASET }),
    centrality: centralityChart(cg, { metric: 'betweenness', dataset: DATASET }),
  };
  for (const [id, spec] of Object.entries(charts)) {
    await embed(`#${id}`, spec, {
      renderer: 'svg',
      actions: { export: true, source: false, compiled: false, editor: false },
    });
  }
  status.textContent = `Dataset version ${cg.version ?? 'unknown'}: ${cg.toJSON().statements.length} statements.`;
  document.body.dataset.ready = 'true';
} catch (error) {
  status.textContent = `Could not draw the charts: ${/** @type {Error} */ (error).message}`;
  document.body.dataset.ready = 'error';
  throw error;
}
