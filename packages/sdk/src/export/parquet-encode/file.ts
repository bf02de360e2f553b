/**
 * A Parquet file written a row group at a time: `PAR1`, each group's column chunks, the offset
 * indexes of chunks with several pages, and the footer (hyparquet-writer's `writeMetadata`, which
 * also truncates long min/max and rounds a cut max up).
 */
import type { FileMetaData, RowGroup, SchemaElement } from 'hyparquet';
import type { ChunkWriter, EncodedColumn, WrittenChunk } from './column-chunk.js';
import type { FileBytes } from './file-bytes.js';
import { leavesOf, ParquetValueError } from './leaves.js';
import type { WriterParts } from './writer-parts.js';

const MAGIC = 0x31524150; // "PAR1"

export interface ParquetFileOptions {
  /** The schema elements, root first. */
  schema: SchemaElement[];
  /** The footer's `created_by`. */
  createdBy: string;
  /** Bytes kept of a string's min/max. */
  statisticsLength: number;
}

export class ParquetFileEncoder {
  private readonly file: FileBytes;
  private readonly rowGroups: RowGroup[] = [];
  private readonly written: WrittenChunk[] = [];
  private rows = 0;

  constructor(
    private readonly parts: WriterParts,
    private readonly chunks: ChunkWriter,
    private readonly columns: readonly EncodedColumn[],
    private readonly options: ParquetFileOptions,
  ) {
    this.file = chunks.file;
    this.file.start();
    const head = new parts.ByteWriter(4);
    head.appendUint32(MAGIC);
    this.file.push(head.getBytes());
  }

  /**
   * One row group of `rows` rows: `values[c][row]` is column `c`'s value in a row (null or
   * undefined for none); the arrays are the caller's scratch, overwritten here. A value that does
   * not fit its column throws a `ParquetValueError` naming the column and row.
   */
  writeRowGroup(values: readonly unknown[][], rows: number): void {
    const start = this.file.offset;
    const chunks = this.columns.map((column, c) => {
      let written: WrittenChunk;
      try {
        written = this.chunks.write(this.file, column, leavesOf(column, values[c]!, rows, this.chunks.leafBuffers));
      } catch (error) {
        if (error instanceof ParquetValueError) error.column ??= column.name;
        throw error;
      }
      this.written.push(written);
      return written.chunk;
    });
    let size = 0n;
    for (const chunk of chunks) size += chunk.meta_data!.total_uncompressed_size;
    this.rowGroups.push({
      columns: chunks,
      total_byte_size: size,
      num_rows: BigInt(rows),
      total_compressed_size: BigInt(this.file.offset - start),
    });
    this.rows += rows;
  }

  /** The file's bytes. */
  finish(): Uint8Array {
    const tail = new this.parts.ByteWriter(1 << 14);
    tail.offset = this.file.offset; // the indexes record where they sit in the file
    this.parts.writeIndexes(tail, this.written);
    const metadata = {
      version: 2,
      created_by: this.options.createdBy,
      schema: this.options.schema,
      num_rows: BigInt(this.rows),
      row_groups: this.rowGroups,
    } as FileMetaData;
    this.parts.writeMetadata(tail, metadata, this.options.statisticsLength);
    tail.appendUint32(MAGIC);
    this.file.push(tail.getBytes());
    return this.file.finish();
  }
}
