/**
 * The files a format produces before they are written anywhere: a path inside the output, its
 * content (text chunks produced on demand, or bytes), and what it holds.
 */
import type { TableKind } from './fields.js';
import type { ParquetPartition } from './parquet-layout.js';
import type { TableSchema } from './table-schema.js';

export interface ExportPart {
  /** Path inside the output folder (`nodes.csv`, `parquet/statements/year=2021/part-0.parquet`), always with `/`. */
  path: string;
  mediatype: string;
  /** Short format name for datapackage.json (`csv`, `parquet`, `ndjson`…). */
  format: string;
  /** Rows or records the file holds (for a table; undefined for a script). */
  records?: number;
  /** Its resource name in datapackage.json (`parquet-entities`, `parquet-statements-year-2021`). */
  name?: string;
  /** The table a Parquet file is part of (a table may be split into several files). */
  table?: TableKind;
  /** The Hive partition a Parquet file holds (`{ year: 2021 }`); absent for an unpartitioned table. */
  partition?: ParquetPartition;
  /** Its Frictionless Table Schema, for a table whose columns are typed (Parquet). */
  tableSchema?: TableSchema;
  /** Text produced chunk by chunk, so a file of any size is never one string; or binary bytes. */
  content: (() => Iterable<string>) | Uint8Array;
}

/** About 64 KiB per chunk: big enough that writes are cheap, small enough that memory stays flat. */
const CHUNK = 1 << 16;

/** Groups many small strings into chunks of about 64 KiB. */
export function* chunked(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** The whole text of a part (for in-memory exports). */
export function partText(part: ExportPart): string | Uint8Array {
  if (part.content instanceof Uint8Array) return part.content;
  let text = '';
  for (const chunk of part.content()) text += chunk;
  return text;
}
