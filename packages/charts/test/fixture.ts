/** Test fixtures: a small dataset modelled on the bundled one, and one written to break out of markup. */
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { compileSpec } from '../src/render/compile.js';

const read = (name: string): Dataset =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Dataset;

/** The fixture's data, a fresh copy each call, so a test may change it. */
export const miniData = (): Dataset => read('afghanistan-mini.json');

export const mini = (data: Dataset = miniData()): ClaimGraph => ClaimGraph.fromData(data, { version: '0.1.0' });

export const hostile = (): ClaimGraph => ClaimGraph.fromData(read('hostile.json'), { version: '0.0.1' });

/** The bundled datasets' kept releases the chart tests draw: never rebuilt, so only a chart change moves a result. */
export const KEPT_RELEASES = [
  ['afghanistan-2021', '3.0.0'],
  ['taliban-haqqani', '1.0.0'],
] as const;

/** A kept release of a bundled dataset, named as the CLI names it. */
export function keptRelease(name: string, version: string): ClaimGraph {
  const file = new URL(`../../../datasets/${name}/releases/${version}/dataset.json`, import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as Dataset;
  return ClaimGraph.fromData(data, { validate: false, version, name });
}

export const PART_OF = 'rel:haqqani-network-part-of-taliban';
export const HAQQANI = 'armed-group:haqqani-network';

/** Compiles with vega-lite and fails the test on any warning. */
export async function compiles(spec: TopLevelSpec): Promise<void> {
  const { warnings } = await compileSpec(spec);
  if (warnings.length) throw new Error(`vega-lite warned:\n${warnings.join('\n')}`);
}

/** Every object in a spec, depth first, for searching it by shape. */
export function* walk(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) yield* walk(item);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const child of Object.values(value)) yield* walk(child);
  }
}

/** The unit views (those with a mark) in a spec. */
export const marksOf = (spec: TopLevelSpec) =>
  [...walk(spec)].filter((node) => 'mark' in node) as {
    mark: { type: string } | string;
    encoding?: Record<string, Record<string, unknown>>;
    transform?: unknown[];
  }[];

export const markType = (view: { mark: { type: string } | string }) =>
  typeof view.mark === 'string' ? view.mark : view.mark.type;

/** The inline data values of every view that has some. */
export const dataOf = (spec: TopLevelSpec) =>
  [...walk(spec)]
    .flatMap((node) => ((node.data as { values?: unknown[] } | undefined)?.values ?? []) as Record<string, unknown>[])
    .filter((row) => Object.keys(row).length > 0); // the source line's view holds one empty datum

/** Parses SVG strictly: any XML error fails the test. */
export function parseSvg(svg: string): Document {
  const fail = (message: string) => {
    throw new Error(`SVG does not parse: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(
    svg,
    'image/svg+xml',
  );
}

/** The text of every text element; lines of a multi-line label joined by spaces. */
export function svgTexts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName('text')).map((t) => {
    const spans = Array.from(t.getElementsByTagName('tspan'));
    return spans.length ? spans.map((s) => s.textContent ?? '').join(' ') : (t.textContent ?? '');
  });
}

/** One item of vega's scenegraph with its bounds in the figure's pixels, in drawing order. */
export interface SceneItem {
  marktype: string;
  /** The mark's name and role, e.g. vega-lite's `layer_0_marks`, `axis-label`. */
  name: string;
  role: string;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  /** The item's own position in figure pixels (rules also have an end, x2/y2). */
  x: number;
  y: number;
  x2: number;
  y2: number;
  item: Record<string, unknown>;
}

/** Every non-group item of a headless view's scenegraph, later items drawn over earlier ones. */
export function sceneItems(view: { scenegraph(): unknown }): SceneItem[] {
  const out: SceneItem[] = [];
  const visit = (mark: Record<string, unknown>, dx: number, dy: number) => {
    for (const item of (mark.items as Record<string, unknown>[]) ?? []) {
      if (mark.marktype === 'group') {
        const [gx, gy] = [dx + Number(item.x ?? 0), dy + Number(item.y ?? 0)];
        for (const child of (item.items as Record<string, unknown>[]) ?? []) visit(child, gx, gy);
        continue;
      }
      const b = item.bounds as SceneItem['bounds'];
      const [x, y] = [dx + Number(item.x ?? 0), dy + Number(item.y ?? 0)];
      out.push({
        marktype: String(mark.marktype),
        name: String(mark.name ?? ''),
        role: String(mark.role ?? ''),
        bounds: { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy },
        x,
        y,
        x2: item.x2 === undefined ? x : dx + Number(item.x2),
        y2: item.y2 === undefined ? y : dy + Number(item.y2),
        item,
      });
    }
  };
  visit((view.scenegraph() as { root: Record<string, unknown> }).root, 0, 0);
  return out;
}
