/**
 * The NDJSON export: one record per line, `{"kind":"statement",…}`, produced a chunk at a time so
 * a dataset of any size is written without ever being one string.
 */
import { chunked, type ExportPart } from './files.js';
import type { ExportKind } from './fields.js';
import { canonicalRecords, type ExportRecords } from './records.js';

/** The `kind` of each line, per record list, in the order lines are written. */
export const NDJSON_KINDS = {
  entities: 'entity',
  relations: 'relation',
  statements: 'statement',
  sources: 'source',
  redirects: 'redirect',
} as const satisfies Record<ExportKind, string>;

export type NdjsonKind = (typeof NDJSON_KINDS)[keyof typeof NDJSON_KINDS];

/** Each line: `kind` first, then the record's fields in schema order (records have no `kind` field of their own). */
export function* ndjsonLines(records: ExportRecords): Generator<string> {
  for (const [list, kind] of Object.entries(NDJSON_KINDS) as [ExportKind, NdjsonKind][]) {
    const prefix = `{"kind":"${kind}"`;
    for (const record of canonicalRecords(records, list)) {
      const body = JSON.stringify(record);
      yield body === '{}' ? `${prefix}}\n` : `${prefix},${body.slice(1)}\n`;
    }
  }
}

export function ndjsonPart(records: ExportRecords, path = 'dataset.ndjson'): ExportPart {
  const count =
    records.entities.length +
    records.relations.length +
    records.statements.length +
    records.sources.length +
    records.redirects.length;
  return {
    path,
    mediatype: 'application/x-ndjson',
    format: 'ndjson',
    records: count,
    content: () => chunked(ndjsonLines(records)),
  };
}
