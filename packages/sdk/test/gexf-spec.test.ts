// GEXF 1.2 output checked against the 1.2draft specification: the XSDs (gexf.xsd, data.xsd,
// viz.xsd, dynamics.xsd, hierarchy.xsd) cannot be fetched here, so their elements, attributes and
// enumerations are written out below, and every element and attribute the export writes must be one of them.
import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { exportDataset, EXPORT_DEFAULTS } from '../src/export/index.js';
import { awkwardDataset, multilineDataset } from './export-helpers.js';
import { requireReader } from '../../schema/test/readers.js';

const GEXF_NS = 'http://www.gexf.net/1.2draft';
const VIZ_NS = 'http://www.gexf.net/1.2draft/viz';
const DYNAMIC = ['start', 'end', 'startopen', 'endopen'];

/** GEXF 1.2draft: element → the attributes it may carry and the child elements it may hold. */
const SPEC: Record<string, { attributes: string[]; children: string[] }> = {
  gexf: { attributes: ['version', 'variant'], children: ['meta', 'graph'] },
  meta: { attributes: ['lastmodifieddate'], children: ['creator', 'keywords', 'description'] },
  creator: { attributes: [], children: [] },
  keywords: { attributes: [], children: [] },
  description: { attributes: [], children: [] },
  graph: {
    attributes: ['timeformat', 'defaultedgetype', 'idtype', 'mode', ...DYNAMIC],
    children: ['attributes', 'nodes', 'edges'],
  },
  attributes: { attributes: ['class', 'mode', ...DYNAMIC], children: ['attribute'] },
  attribute: { attributes: ['id', 'title', 'type'], children: ['default', 'options'] },
  default: { attributes: [], children: [] },
  options: { attributes: [], children: [] },
  nodes: { attributes: ['count'], children: ['node'] },
  node: {
    attributes: ['id', 'label', 'pid', ...DYNAMIC],
    children: [
      'attvalues',
      'spells',
      'nodes',
      'edges',
      'parents',
      'viz:color',
      'viz:position',
      'viz:size',
      'viz:shape',
    ],
  },
  edges: { attributes: ['count'], children: ['edge'] },
  edge: {
    attributes: ['id', 'type', 'label', 'source', 'target', 'weight', ...DYNAMIC],
    children: ['attvalues', 'spells', 'viz:color', 'viz:thickness', 'viz:shape'],
  },
  attvalues: { attributes: [], children: ['attvalue'] },
  attvalue: { attributes: ['for', 'value', ...DYNAMIC], children: [] },
  spells: { attributes: [], children: ['spell'] },
  spell: { attributes: DYNAMIC, children: [] },
  parents: { attributes: [], children: ['parent'] },
  parent: { attributes: ['for'], children: [] },
  'viz:color': { attributes: ['r', 'g', 'b', 'a', ...DYNAMIC], children: ['spells'] },
  'viz:position': { attributes: ['x', 'y', 'z', ...DYNAMIC], children: ['spells'] },
  'viz:size': { attributes: ['value', ...DYNAMIC], children: ['spells'] },
  'viz:thickness': { attributes: ['value', ...DYNAMIC], children: ['spells'] },
  'viz:shape': { attributes: ['value', 'uri', ...DYNAMIC], children: ['spells'] },
};

/** The enumerations of the 1.2draft schema for the attributes that have one. */
const ENUMS: Record<string, string[]> = {
  'gexf/version': ['1.2'],
  'graph/defaultedgetype': ['directed', 'undirected', 'mutual'],
  'graph/mode': ['static', 'dynamic'],
  'graph/idtype': ['integer', 'string'],
  'attributes/class': ['node', 'edge'],
  'attributes/mode': ['static', 'dynamic'],
  'attribute/type': ['integer', 'long', 'double', 'float', 'boolean', 'liststring', 'string', 'anyURI'],
  'edge/type': ['directed', 'undirected', 'mutual'],
};

/** Every departure from the table, as `path: problem` lines; empty when the document follows it. */
function departures(xml: string): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  const visit = (element: Element, path: string) => {
    const ns = element.namespaceURI;
    const name = ns === VIZ_NS ? `viz:${element.localName}` : element.localName!;
    if (ns !== GEXF_NS && ns !== VIZ_NS)
      problems.push(`${path}/${element.tagName}: namespace ${ns} is not GEXF 1.2draft`);
    const spec = SPEC[name];
    if (!spec) {
      problems.push(`${path}/${name}: no such element in GEXF 1.2draft`);
      return;
    }
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes.item(i)!;
      if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
      if (name === 'gexf' && attribute.name === 'xsi:schemaLocation') continue;
      if (!spec.attributes.includes(attribute.name))
        problems.push(`${path}/${name}: attribute "${attribute.name}" is not allowed`);
      const allowed = ENUMS[`${name}/${attribute.name}`];
      if (allowed && !allowed.includes(attribute.value))
        problems.push(`${path}/${name}: ${attribute.name}="${attribute.value}" is not one of ${allowed.join(', ')}`);
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const childName = el.namespaceURI === VIZ_NS ? `viz:${el.localName}` : el.localName!;
      if (!spec.children.includes(childName)) problems.push(`${path}/${name}: child <${childName}> is not allowed`);
      visit(el, `${path}/${name}`);
    }
  };
  if (root.localName !== 'gexf') problems.push(`root is <${root.tagName}>, not <gexf>`);
  if (root.getAttribute('xmlns') !== GEXF_NS) problems.push(`xmlns is ${root.getAttribute('xmlns')}`);
  if (root.getAttribute('xmlns:viz') !== null && root.getAttribute('xmlns:viz') !== VIZ_NS)
    problems.push(`xmlns:viz is ${root.getAttribute('xmlns:viz')}, not ${VIZ_NS}`);
  visit(root, '');
  return problems;
}

const XMLLINT = requireReader(
  'xmllint',
  spawnSync('xmllint', ['--version']).status === 0,
  'libxml2-utils',
  'the well-formedness checks',
);
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-gexf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RELEASE = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021', 'dist');
const graphs: [string, () => Promise<ClaimGraph>][] = [
  ['awkward text', async () => ClaimGraph.fromData(awkwardDataset())],
  ['multiline text', async () => ClaimGraph.fromData(multilineDataset(), { validate: false })],
];
if (existsSync(join(RELEASE, 'dataset.json')))
  graphs.push(['the bundled dataset', () => ClaimGraph.load(RELEASE, { validate: false })]);

describe('GEXF 1.2 (1.2draft)', () => {
  it('is the default version', () => {
    expect(EXPORT_DEFAULTS.gexfVersion).toBe('1.2');
  });

  it('finds the departures it is meant to find', () => {
    expect(
      departures(
        `<gexf version="1.2" xmlns="${GEXF_NS}" xmlns:viz="http:///www.gexf.net/1.1draft/viz"><graph><edges><edge id="a" source="x" target="y" kind="k"/></edges></graph></gexf>`,
      ),
    ).toEqual([
      'xmlns:viz is http:///www.gexf.net/1.1draft/viz, not http://www.gexf.net/1.2draft/viz',
      '/gexf/graph/edges/edge: attribute "kind" is not allowed',
    ]);
  });

  it.each(graphs)(
    'writes only elements, attributes and values the spec defines (%s), in both edge modes',
    async (_name, load) => {
      const cg = await load();
      for (const symmetricEdges of ['directed', 'undirected'] as const) {
        const { files } = await exportDataset(cg, 'gexf', { symmetricEdges, gexfVersion: '1.2' });
        const xml = files[0]!.content as string;
        expect(xml).toContain(`xmlns:viz="${VIZ_NS}"`);
        expect(departures(xml)).toEqual([]);
        if (XMLLINT) {
          const path = join(dir, `${symmetricEdges}.gexf`);
          writeFileSync(path, xml);
          const lint = spawnSync('xmllint', ['--noout', path], { encoding: 'utf8' });
          expect(lint.stderr).toBe('');
          expect(lint.status).toBe(0);
        }
      }
    },
  );
});
