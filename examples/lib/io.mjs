// Shared by the examples: load the bundled dataset release, and write a chart in several formats to
// examples/out/. Everything a journalist edits lives in the example scripts, not here.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimGraph } from '@claimgraph/sdk';
import { pngSize, renderHtml, renderPng, renderSvg } from '@claimgraph/charts/render';

export const OUT = fileURLToPath(new URL('../out/', import.meta.url));

/** The bundled release (built by `npm start`): datasets/afghanistan-2021/dist/, checked against its hashes. */
export async function loadDataset(name = '@claimgraph/dataset-afghanistan-2021') {
  const release = dirname(fileURLToPath(import.meta.resolve(`${name}/datapackage.json`)));
  return ClaimGraph.load(release);
}

/**
 * Writes `spec` as examples/out/NAME.svg, .png, .json (the Vega-Lite spec) and/or .html.
 * @param {import('vega-lite').TopLevelSpec} spec
 * @param {string} name
 * @param {string[]} [formats]
 */
export async function save(spec, name, formats = ['svg', 'png'], { scale = 2 } = {}) {
  await mkdir(OUT, { recursive: true });
  for (const format of formats) {
    const file = join(OUT, `${name}.${format}`);
    if (format === 'svg') await writeFile(file, await renderSvg(spec));
    else if (format === 'png') await writeFile(file, await renderPng(spec, { scale }));
    else if (format === 'json') await writeFile(file, `${JSON.stringify(spec, null, 2)}\n`);
    else if (format === 'html') await writeFile(file, renderHtml(spec));
    else throw new Error(`examples: save: unknown format "${format}"; use svg, png, json or html`);
    console.log(`  wrote ${relative(process.cwd(), file)}`);
  }
}

/**
 * Writes a text file (a report) to examples/out/.
 * @param {string} text
 * @param {string} file
 */
export async function saveText(text, file) {
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, file), text);
  console.log(`  wrote ${relative(process.cwd(), join(OUT, file))}`);
}

/**
 * The one relation of a type between two entities named as a reader would name them.
 * @param {import('@claimgraph/sdk').ClaimGraph} cg
 * @param {{ source: string, type: string, target: string }} claim
 */
export function findRelation(cg, { source, type, target }) {
  const [from] = cg.search(source);
  const [to] = cg.search(target);
  if (!from || !to) throw new Error(`examples: no entity named "${from ? target : source}" in the dataset`);
  const [relation] = cg.relations({
    type: /** @type {import('@claimgraph/schema').RelationType} */ (type),
    source: from.id,
    target: to.id,
  });
  if (!relation) throw new Error(`examples: no "${type}" relation from ${from.name} to ${to.name} in the dataset`);
  return relation;
}

export { pngSize };
