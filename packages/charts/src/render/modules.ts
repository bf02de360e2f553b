/**
 * vega and vega-lite, loaded on first use with import(): both are ES modules with top-level await,
 * which require() cannot load, so the CommonJS build of the renderers must not require them.
 */
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let loading: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;

export function loadVega(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return loading;
}
