/**
 * The GEXF export for Gephi, written by graphology's own writer (graphology-gexf): typed
 * attributes (integers, booleans, strings), relation type as the edge kind, statements as weight.
 */
import writeGexf from 'graphology-gexf/common/writer.js';
import type { ExportPart } from './files.js';
import { exportGraph } from './graph.js';
import type { ResolvedExportOptions } from './options.js';
import { escapeLineSeparators } from './xml.js';
import type { ExportRecords, RelationStats } from './records.js';

export function gexfPart(
  records: ExportRecords,
  stats: RelationStats,
  options: ResolvedExportOptions,
  path = 'dataset.gexf',
): ExportPart {
  return {
    path,
    mediatype: 'application/gexf+xml',
    format: 'gexf',
    records: records.entities.length + records.relations.length,
    // The writer builds one string; GEXF is for graphs a desktop tool can draw, far below the sizes where that matters.
    content: () => [
      escapeLineSeparators(
        writeGexf(exportGraph(records, stats, options), { version: options.gexfVersion, pretty: options.pretty }),
      ),
    ],
  };
}
