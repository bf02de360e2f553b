import * as vega from 'vega';
import { compileSpec, renderSvg } from '../dist/render.js';
import { readFileSync } from 'node:fs';
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
await renderSvg(spec, { warnings: 'ignore' });
const { vega: v } = compileSpec(spec);
const view = new vega.View(vega.parse(v), { renderer: 'none' });
await view.runAsync();
console.log('view', view.width(), view.height());
function walk(item, depth, path) {
  if (depth > 12) return;
  const b = item.bounds;
  if (b && (b.x2 - b.x1) > 0) console.log(' '.repeat(depth * 2) + (item.mark?.role ?? '') + ' ' + (item.mark?.name ?? '') , Math.round(b.x1), Math.round(b.x2), Math.round(b.y1), Math.round(b.y2), item.text ? JSON.stringify(item.text).slice(0, 50) : '');
  for (const child of item.items ?? []) walk(child, depth + 1);
}
walk(view.scenegraph().root, 0);
