/**
 * The NDJSON export: one record per line, `{"kind":"statement",…}`, produced a chunk at a time so
 * a dataset of any size is written without ever being one string. A statement's appearances are
 * `appearance` lines, one per statement and source, as the CSV and Parquet tables have them.
 */
import type { Statement } from '@claimgraph/schema';
import { appearanceCount } from './appearances.js';
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

/** The `kind` of the lines of the appearances table, written right after the statements. */
export const NDJSON_APPEARANCE_KIND = 'appearance';

export type NdjsonKind = (typeof NDJSON_KINDS)[keyof typeof NDJSON_KINDS] | typeof NDJSON_APPEARANCE_KIND;

/** A statement without its `appearances` (the `appearance` lines hold them); the record itself when it has none. */
export function withoutAppearances(record: object): object {
  if (!('appearances' in record)) return record;
  const { appearances: _, ...rest } = record as { appearances?: unknown };
  return rest;
}

/** One record's line: `kind` first, then the record's JSON without its opening brace. */
export const line = (kind: NdjsonKind, record: object) => {
  const body = JSON.stringify(record);
  return body === '{}' ? `{"kind":"${kind}"}\n` : `{"kind":"${kind}",${body.slice(1)}\n`;
};

/** `,"key":value`, or nothing for a value JSON leaves out (as `JSON.stringify` leaves out such a key). */
const member = (key: string, value: unknown) => {
  const json = JSON.stringify(value) as string | undefined;
  return json === undefined ? '' : `,"${key}":${json}`;
};

/**
 * The `appearance` lines of one statement: `line()` of each of its `appearanceRows`, written
 * straight from the statement (no row object per line); keys in the same order.
 */
export function appearanceLines(s: Statement): string {
  const head = `{"kind":"${NDJSON_APPEARANCE_KIND}"${member('statement', s.id)}`;
  // Most statements have no anchor and no appearances: nothing is made for either then.
  const anchor = s.anchor === undefined ? '' : member('anchor', s.anchor);
  let text = `${head}${member('source', s.source)},"own":true${anchor}}\n`;
  if (s.appearances)
    for (const a of s.appearances)
      text += `${head}${member('source', a.source)},"own":false${member('anchor', a.anchor)}${member('note', a.note)}}\n`;
  return text;
}

/** Each line: `kind` first, then the record's fields in schema order (records have no `kind` field of their own). */
export function* ndjsonLines(records: ExportRecords): Generator<string> {
  for (const [list, kind] of Object.entries(NDJSON_KINDS) as [ExportKind, NdjsonKind][]) {
    if (list === 'statements') {
      for (const record of canonicalRecords(records, list)) yield line(kind, withoutAppearances(record));
      for (const statement of canonicalRecords<Statement>(records, list)) yield appearanceLines(statement);
    } else for (const record of canonicalRecords(records, list)) yield line(kind, record);
  }
}

export function ndjsonPart(records: ExportRecords, path = 'dataset.ndjson'): ExportPart {
  const count =
    records.entities.length +
    records.relations.length +
    records.statements.length +
    appearanceCount(records) +
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
