/**
 * One column chunk (a column's values in one row group) as Parquet pages: a dictionary page when
 * the chunk repeats its values, then DATA_PAGE_V2 pages of about 1 MiB that each begin at a row,
 * Snappy-compressed; its min/max gathered while the values are written, and its metadata.
 */
import type { ColumnChunk, Encoding, OffsetIndex, PageHeader, ParquetType, Statistics } from 'hyparquet';
import type { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import type { ParquetColumn } from '../parquet.js';
import { bitWidth, dictionaryOf, type Dictionary } from './dictionary.js';
import { FileBytes } from './file-bytes.js';
import { grown, LeafBuffers, type Leaves } from './leaves.js';
import { SnappyCompressor } from './snappy.js';
import { MinMax } from './statistics.js';
import { writeText } from './text.js';
import type { WriterParts } from './writer-parts.js';

/** A column as the encoder sees it. */
export interface EncodedColumn {
  name: string;
  type: ParquetColumn['type'];
  nullable: boolean;
  /** Whether the chunk's metadata carries min/max and null count. */
  statistics: boolean;
}

/** Page size the pages are cut at (hyparquet-writer's default), as estimated below. */
const PAGE_SIZE = 1 << 20;

export interface WrittenChunk {
  chunk: ColumnChunk;
  /** Where each page starts, when there are several. */
  offsetIndex?: OffsetIndex;
}

const PHYSICAL: Record<EncodedColumn['type'], ParquetType> = {
  STRING: 'BYTE_ARRAY',
  JSON: 'BYTE_ARRAY',
  'LIST<STRING>': 'BYTE_ARRAY',
  DATE: 'INT32',
  INT32: 'INT32',
  BOOLEAN: 'BOOLEAN',
};

function reset(writer: ByteWriter): ByteWriter {
  writer.index = 0;
  writer.offset = 0;
  return writer;
}

/** Where a chunk's pages have got to: its next leaf slot, non-null value and row. */
interface PageCursor {
  slot: number;
  value: number;
  row: number;
}

// The two page walks are functions of their own, each little more than its loop: a small function
// is optimised after fewer calls, which is what a build's one cold run pays for.

/**
 * Fills a page with plain text from `at` on, as the page fills (no array per value), up to the
 * first row start once its UTF-8 bytes reach PAGE_SIZE; moves `at` past what it wrote.
 */
function writeTextPage(page: ByteWriter, leaves: Leaves, full: number, minMax: MinMax | null, at: PageCursor): void {
  const { definition, repetition, values, slots } = leaves;
  const firstSlot = at.slot;
  let { slot, value, row } = at;
  let estimate = 0;
  for (; slot < slots; slot++) {
    const present = definition === null || definition[slot] === full;
    const mark = page.index;
    if (present) {
      const text = values[value] as string;
      const ascii = writeText(page, text);
      if (minMax) minMax.addText(text, ascii);
      estimate += page.index - mark - 4;
    }
    if (repetition === null || repetition[slot] === 0) {
      if (estimate >= PAGE_SIZE && slot > firstSlot) {
        page.index = page.offset = mark; // this value opens the next page
        break;
      }
      row++;
    }
    if (present) value++;
  }
  at.slot = slot;
  at.value = value;
  at.row = row;
}

/** The page of fixed-size values (`size` bytes each) from `at` on, as writeTextPage cuts it; moves `at` past it. */
function sizedPage(leaves: Leaves, full: number, size: number, at: PageCursor): void {
  const { definition, repetition, slots } = leaves;
  const firstSlot = at.slot;
  let { slot, value, row } = at;
  let estimate = 0;
  for (; slot < slots; slot++) {
    const present = definition === null || definition[slot] === full;
    if (present) estimate += size;
    if (repetition === null || repetition[slot] === 0) {
      if (estimate >= PAGE_SIZE && slot > firstSlot) break;
      row++;
    }
    if (present) value++;
  }
  at.slot = slot;
  at.value = value;
  at.row = row;
}

/** Writes column chunks; its buffers (values, levels, page header, compressed values) are reused from page to page. */
export class ChunkWriter {
  private readonly page: ByteWriter;
  private readonly levels: ByteWriter;
  private readonly header: ByteWriter;
  /** The levels' buffers, reused by every file this writer writes. */
  readonly leafBuffers = new LeafBuffers();
  private readonly snappy = new SnappyCompressor();
  /** The bytes of the file being written (one at a time), kept for the next file. */
  readonly file = new FileBytes();
  private indexBuffer = new Int32Array(0);
  /** Where the chunk being written has got to, from page to page. */
  private readonly cursor: PageCursor = { slot: 0, value: 0, row: 0 };
  private readonly indexes = (count: number): Int32Array => {
    if (this.indexBuffer.length < count) this.indexBuffer = new Int32Array(grown(count));
    return this.indexBuffer.subarray(0, count);
  };

  constructor(private readonly parts: WriterParts) {
    this.page = new parts.ByteWriter(PAGE_SIZE + (1 << 16));
    this.levels = new parts.ByteWriter(1 << 14);
    this.header = new parts.ByteWriter(256);
  }

  write(file: FileBytes, column: EncodedColumn, leaves: Leaves): WrittenChunk {
    const type = PHYSICAL[column.type];
    const start = file.offset;
    const minMax = column.statistics ? new MinMax() : null;
    const { definition, repetition, values, count, slots } = leaves;
    const full = column.type === 'LIST<STRING>' ? (column.nullable ? 2 : 1) : column.nullable ? 1 : 0;
    const dictionary =
      type === 'BOOLEAN'
        ? null
        : dictionaryOf(values, count, column.type === 'JSON', slots, definition, full, this.indexes);
    let uncompressed = 0;
    let dictionaryOffset: bigint | undefined;
    if (dictionary) {
      dictionaryOffset = BigInt(start);
      uncompressed += this.writeDictionaryPage(file, dictionary, minMax);
    }
    const encoding: Encoding = dictionary
      ? 'RLE_DICTIONARY'
      : type === 'BOOLEAN' && leaves.slots > 16
        ? 'RLE'
        : 'PLAIN';
    const dataOffset = BigInt(file.offset);
    const locations: OffsetIndex['page_locations'] = [];
    const at = this.cursor;
    at.slot = at.value = at.row = 0;
    // Cut where hyparquet-writer cuts: at the first row start once the page's values (text by its
    // UTF-8 bytes, fixed-size values by their size, nulls as nothing) reach PAGE_SIZE, the value
    // that reached it opening the next page.
    const plainText = type === 'BYTE_ARRAY' && !dictionary;
    const size = type === 'BOOLEAN' ? 0.125 : 4;
    while (at.slot < slots) {
      const firstSlot = at.slot;
      const firstValue = at.value;
      const firstRow = at.row;
      const page = reset(this.page);
      if (!plainText && size * (count - at.value) < PAGE_SIZE) {
        // The rest cannot reach PAGE_SIZE: one page, with no walk over its slots.
        at.slot = slots;
        at.value = count;
        at.row = leaves.rows;
      } else if (plainText) writeTextPage(page, leaves, full, minMax, at);
      else sizedPage(leaves, full, size, at);
      const { slot, value, row } = at;
      if (dictionary) this.writeIndexes(page, dictionary, firstValue, value, count);
      else if (type === 'INT32') this.writeIntegers(page, values as number[], firstValue, value, minMax);
      else if (type === 'BOOLEAN') this.writeBooleans(page, values as boolean[], firstValue, value, encoding, minMax);
      const levels = reset(this.levels);
      const { writeRleBitPackedHybrid } = this.parts;
      const repetitionBytes = repetition ? writeRleBitPackedHybrid(levels, repetition.subarray(firstSlot, slot), 1) : 0;
      const definitionBytes = definition
        ? writeRleBitPackedHybrid(levels, definition.subarray(firstSlot, slot), bitWidth(full))
        : 0;
      const pageOffset = file.offset;
      uncompressed += this.writePage(
        file,
        {
          type: 'DATA_PAGE_V2',
          uncompressed_page_size: 0,
          compressed_page_size: 0,
          data_page_header_v2: {
            num_values: slot - firstSlot,
            num_nulls: slot - firstSlot - (value - firstValue),
            num_rows: row - firstRow,
            encoding,
            definition_levels_byte_length: definitionBytes,
            repetition_levels_byte_length: repetitionBytes,
            is_compressed: true,
          },
        },
        levels.getBytes(),
        page.getBytes(),
      );
      locations.push({
        offset: BigInt(pageOffset),
        compressed_page_size: file.offset - pageOffset,
        first_row_index: BigInt(firstRow),
      });
    }
    const statistics: Statistics | undefined = minMax
      ? { min_value: minMax.min, max_value: minMax.max, null_count: BigInt(slots - count) }
      : undefined;
    const chunk: ColumnChunk = {
      file_offset: BigInt(start),
      meta_data: {
        type,
        encodings: dictionary ? ['PLAIN', encoding] : [encoding],
        path_in_schema: column.type === 'LIST<STRING>' ? [column.name, 'list', 'element'] : [column.name],
        codec: 'SNAPPY',
        num_values: BigInt(slots),
        total_uncompressed_size: BigInt(uncompressed),
        total_compressed_size: BigInt(file.offset - start),
        data_page_offset: dataOffset,
        dictionary_page_offset: dictionaryOffset,
        statistics,
        encoding_stats: minMax
          ? [
              ...(dictionary ? [{ page_type: 'DICTIONARY_PAGE' as const, encoding: 'PLAIN' as const, count: 1 }] : []),
              { page_type: 'DATA_PAGE_V2' as const, encoding, count: locations.length },
            ]
          : undefined,
      },
    };
    return locations.length > 1 ? { chunk, offsetIndex: { page_locations: locations } } : { chunk };
  }

  /** The dictionary page: its entries plain, in order of first appearance; the chunk's min/max are theirs. */
  private writeDictionaryPage(file: FileBytes, dictionary: Dictionary, minMax: MinMax | null): number {
    const page = reset(this.page);
    for (const entry of dictionary.entries) {
      if (typeof entry === 'string') {
        const ascii = writeText(page, entry);
        if (minMax) minMax.addText(entry, ascii);
      } else {
        page.appendInt32(entry);
        if (minMax) minMax.add(entry);
      }
    }
    const header: PageHeader = {
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: 0,
      compressed_page_size: 0,
      dictionary_page_header: { num_values: dictionary.entries.length, encoding: 'PLAIN' },
    };
    return this.writePage(file, header, new Uint8Array(0), page.getBytes());
  }

  /**
   * The indexes of values `from` to `to` of `count`: their bit width (that of the page's largest
   * index), then the RLE/bit-packed hybrid. A page of the whole chunk holds every entry, so its
   * largest index is the last entry's, with no pass over the indexes.
   */
  private writeIndexes(page: ByteWriter, dictionary: Dictionary, from: number, to: number, count: number): void {
    const indexes = dictionary.indexes.subarray(from, to);
    let max = dictionary.entries.length - 1;
    if (from > 0 || to < count) {
      max = 0;
      for (let i = 0; i < indexes.length; i++) if (indexes[i]! > max) max = indexes[i]!;
    }
    const width = bitWidth(max);
    page.appendUint8(width);
    this.parts.writeRleBitPackedHybrid(page, indexes, width);
  }

  private writeIntegers(page: ByteWriter, values: number[], from: number, to: number, minMax: MinMax | null): void {
    for (let i = from; i < to; i++) {
      page.appendInt32(values[i]!);
      if (minMax) minMax.add(values[i]!);
    }
  }

  /** Booleans as hyparquet-writer writes them: RLE (with its byte length first) past 16 values, else bit-packed. */
  private writeBooleans(
    page: ByteWriter,
    values: boolean[],
    from: number,
    to: number,
    encoding: Encoding,
    minMax: MinMax | null,
  ): void {
    const bits = new Uint8Array(to - from);
    for (let i = from; i < to; i++) {
      bits[i - from] = values[i] ? 1 : 0;
      if (minMax) minMax.add(values[i]!);
    }
    if (encoding === 'RLE') {
      page.appendUint32(0);
      const start = page.index;
      this.parts.writeRleBitPackedHybrid(page, bits, 1);
      page.view.setUint32(start - 4, page.index - start, true);
      return;
    }
    for (let i = 0; i < bits.length; i += 8) {
      let byte = 0;
      for (let b = 0; b < 8 && i + b < bits.length; b++) byte |= bits[i + b]! << b;
      page.appendUint8(byte);
    }
  }

  /** A page: header, levels as they are, values Snappy-compressed; returns its uncompressed size. */
  private writePage(file: FileBytes, header: PageHeader, levels: Uint8Array, values: Uint8Array): number {
    const compressed = this.snappy.compress(values);
    header.uncompressed_page_size = levels.length + values.length;
    header.compressed_page_size = levels.length + compressed.length;
    const head = reset(this.header);
    this.parts.writePageHeader(head, header);
    file.push(head.getBytes());
    file.push(levels);
    file.push(compressed);
    return head.index + levels.length + values.length;
  }
}
