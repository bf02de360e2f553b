/**
 * The GEXF export for Gephi and NetworkX, written by graphology's own writer (graphology-gexf):
 * typed attributes (integers, booleans, strings), statements as weight; 1.2draft valid by default.
 */
import writeGexf from 'graphology-gexf/common/writer.js';
import type { ExportPart } from './files.js';
import { exportGraph, type FlatAttributes } from './graph.js';
import type { ResolvedExportOptions } from './options.js';
import { escapeLineSeparators } from './xml.js';
import type { ExportRecords, RelationStats } from './records.js';

/**
 * The root element per version. graphology-gexf 0.13 declares 1.2 with a 1.1draft viz namespace
 * (and a stray slash); the 1.2draft schema wants `http://www.gexf.net/1.2draft/viz`.
 */
const ROOT: Record<ResolvedExportOptions['gexfVersion'], string> = {
  '1.2':
    '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd">',
  '1.3':
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
};

/**
 * graphology-gexf's formatter, minus its guesses: `label`, `weight` and (1.3 only: 1.2draft has no
 * edge `kind`) `kind` become GEXF's own attributes, every other attribute an attvalue — never a
 * `viz` element, whatever a field is called.
 */
function formatter(version: ResolvedExportOptions['gexfVersion']) {
  return (_key: string, attributes: FlatAttributes) => {
    const out: { label?: string; weight?: number; kind?: string; attributes: FlatAttributes } = { attributes: {} };
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'label') out.label = String(value);
      else if (name === 'weight' && typeof value === 'number') out.weight = value;
      else if (name === 'kind') {
        if (version === '1.3') out.kind = String(value);
      } else out.attributes[name] = value;
    }
    return out;
  };
}

export function gexfPart(
  records: ExportRecords,
  stats: RelationStats,
  options: ResolvedExportOptions,
  path = 'dataset.gexf',
): ExportPart {
  const format = formatter(options.gexfVersion);
  return {
    path,
    mediatype: 'application/gexf+xml',
    format: 'gexf',
    records: records.entities.length + records.relations.length,
    // The writer builds one string; GEXF is for graphs a desktop tool can draw, far below the sizes where that matters.
    content: () => {
      const xml = writeGexf(exportGraph(records, stats, options), {
        version: options.gexfVersion,
        pretty: options.pretty,
        formatNode: format,
        formatEdge: format,
      });
      // The root start tag is the first `<gexf `, before any data; it is replaced whole.
      return [escapeLineSeparators(xml.replace(/<gexf [^>]*>/, ROOT[options.gexfVersion]))];
    },
  };
}
