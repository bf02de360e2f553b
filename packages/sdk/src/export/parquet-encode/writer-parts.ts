/**
 * The parts of hyparquet-writer this encoder calls with bytes it has encoded itself: the byte
 * writer, the RLE/bit-packed hybrid, page headers, and the footer (thrift, statistics
 * truncation). hyparquet-writer is an ES module only: loaded with import(), which the CommonJS
 * build keeps, it works from require() on every Node version, and only when Parquet is asked for.
 */
import type { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import type { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import type { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import type { writeIndexes } from 'hyparquet-writer/src/indexes.js';
import type { writeMetadata } from 'hyparquet-writer/src/metadata.js';

export interface WriterParts {
  ByteWriter: typeof ByteWriter;
  writeRleBitPackedHybrid: typeof writeRleBitPackedHybrid;
  writePageHeader: typeof writePageHeader;
  writeIndexes: typeof writeIndexes;
  writeMetadata: typeof writeMetadata;
}

export async function writerParts(): Promise<WriterParts> {
  const [bytewriter, encoding, datapage, indexes, metadata] = await Promise.all([
    import('hyparquet-writer/src/bytewriter.js'),
    import('hyparquet-writer/src/encoding.js'),
    import('hyparquet-writer/src/datapage.js'),
    import('hyparquet-writer/src/indexes.js'),
    import('hyparquet-writer/src/metadata.js'),
  ]);
  return {
    ByteWriter: bytewriter.ByteWriter,
    writeRleBitPackedHybrid: encoding.writeRleBitPackedHybrid,
    writePageHeader: datapage.writePageHeader,
    writeIndexes: indexes.writeIndexes,
    writeMetadata: metadata.writeMetadata,
  };
}
