/**
 * The GraphML export for yEd and Cytoscape. graphology-graphml only parses, so this writes the same
 * graph as the GEXF export with typed `<key>`s (string, boolean, int), element by element.
 */
import type { MultiGraph } from 'graphology';
import { ClaimGraphError } from '../errors.js';
import type { ColumnSpec } from './fields.js';
import { LINE_SEPARATOR_ESCAPES, NOT_XML } from './xml.js';
import { chunked, type ExportPart } from './files.js';
import { EDGE_ATTRIBUTES, exportGraph, NODE_ATTRIBUTES, type FlatAttributes } from './graph.js';
import type { ResolvedExportOptions } from './options.js';
import type { ExportRecords, RelationStats } from './records.js';

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
  ...LINE_SEPARATOR_ESCAPES,
};
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

function checked(value: string, where: string): string {
  const bad = NOT_XML.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new ClaimGraphError(
      `exportDataset(): graphml: ${where} contains U+${code}, which XML cannot hold; validate the dataset (claimgraph validate)`,
    );
  }
  return value;
}
const xmlText = (value: string, where: string) =>
  checked(value, where).replace(/[&<>\r\u0085\u2028\u2029]/g, (c) => TEXT_ESCAPES[c]!);
const xmlAttribute = (value: string, where: string) =>
  checked(value, where).replace(/[&<>\r"\n\t\u0085\u2028\u2029]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

const GRAPHML_TYPE = (spec: ColumnSpec): string =>
  spec.type === 'number' ? 'int' : spec.type === 'boolean' ? 'boolean' : 'string';

/** Key ids: `v_<attribute>` for nodes, `e_<attribute>` for edges. */
const keyId = (element: 'node' | 'edge', header: string) => `${element === 'node' ? 'v' : 'e'}_${header}`;

function* graphmlLines(graph: MultiGraph<FlatAttributes, FlatAttributes>, pretty: boolean): Generator<string> {
  const nl = pretty ? '\n' : '';
  const indent = (depth: number) => (pretty ? '  '.repeat(depth) : '');
  yield `<?xml version="1.0" encoding="UTF-8"?>${nl}`;
  yield `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">${nl}`;
  for (const [element, specs] of [
    ['node', NODE_ATTRIBUTES],
    ['edge', EDGE_ATTRIBUTES],
  ] as const) {
    for (const spec of specs) {
      yield `${indent(1)}<key id="${keyId(element, spec.header)}" for="${element}" attr.name="${spec.header}" attr.type="${GRAPHML_TYPE(spec)}"/>${nl}`;
    }
  }
  // graphology's GraphML parser reads `directed="false"` only under an undirected default, so that
  // default is used as soon as one edge is undirected; every edge also says which it is.
  const edgedefault = graph.undirectedSize > 0 ? 'undirected' : 'directed';
  yield `${indent(1)}<graph id="claimgraph" edgedefault="${edgedefault}">${nl}`;
  const data = (element: 'node' | 'edge', key: string, attributes: FlatAttributes) => {
    let out = '';
    for (const [name, value] of Object.entries(attributes)) {
      const text =
        typeof value === 'string'
          ? xmlText(value, `${element} ${JSON.stringify(key)} attribute ${name}`)
          : String(value);
      out += `${indent(3)}<data key="${keyId(element, name)}">${text}</data>${nl}`;
    }
    return out;
  };
  for (const { node, attributes } of graph.nodeEntries()) {
    yield `${indent(2)}<node id="${xmlAttribute(node, 'a node id')}">${nl}${data('node', node, attributes)}${indent(2)}</node>${nl}`;
  }
  for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
    const head = `id="${xmlAttribute(edge, 'an edge id')}" source="${xmlAttribute(source, 'an edge source')}" target="${xmlAttribute(target, 'an edge target')}" directed="${undirected ? 'false' : 'true'}"`;
    yield `${indent(2)}<edge ${head}>${nl}${data('edge', edge, attributes)}${indent(2)}</edge>${nl}`;
  }
  yield `${indent(1)}</graph>${nl}</graphml>${nl}`;
}

export function graphmlPart(
  records: ExportRecords,
  stats: RelationStats,
  options: ResolvedExportOptions,
  path = 'dataset.graphml',
): ExportPart {
  return {
    path,
    mediatype: 'application/graphml+xml',
    format: 'graphml',
    records: records.entities.length + records.relations.length,
    content: () => chunked(graphmlLines(exportGraph(records, stats, options), options.pretty)),
  };
}
