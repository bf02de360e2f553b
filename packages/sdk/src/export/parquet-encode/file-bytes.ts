/**
 * A Parquet file's bytes as they are written: appended to one buffer that its ChunkWriter keeps
 * from file to file, so a file costs one copy of its bytes (its content) and no array per page.
 * Fresh memory is what costs: every new page of it is a page fault, and the buffer grows to the
 * largest file only once.
 */
import { grown } from './leaves.js';

export class FileBytes {
  private buffer = new Uint8Array(1 << 16);
  /** Bytes written to the current file. */
  offset = 0;

  /** Starts a file (one at a time: the previous file's bytes are overwritten). */
  start(): void {
    this.offset = 0;
  }

  push(bytes: Uint8Array): void {
    const end = this.offset + bytes.length;
    if (end > this.buffer.length) {
      const larger = new Uint8Array(grown(end));
      larger.set(this.buffer.subarray(0, this.offset));
      this.buffer = larger;
    }
    this.buffer.set(bytes, this.offset);
    this.offset = end;
  }

  /** The file's bytes: a copy, as the next file is written over them. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.offset);
  }
}
