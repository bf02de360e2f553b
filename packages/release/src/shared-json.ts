/**
 * Each record's JSON text made once for two files written side by side from the same records in
 * the same order (`dataset.json` and `dataset.ndjson`). Each file has a side: the side ahead makes
 * a record's text and keeps it for the other, which takes it. A side more than `AHEAD` texts ahead
 * waits between its chunks, so the texts kept are few and die young (texts kept for long would
 * outlive garbage collections and be copied to the old generation: more memory, more work).
 * Once a side is done, or failed, the other keeps nothing and waits for nothing.
 */
export class SharedJson {
  readonly first = new Side();
  readonly second = new Side();

  constructor() {
    this.first.other = this.second;
    this.second.other = this.first;
  }
}

/** At most this many texts wait for the other side; a side that made more pauses until half are taken. */
const AHEAD = 256;

class Side {
  other!: Side;
  private readonly kept = new Map<object, string>();
  private open = true;
  private wake: (() => void) | undefined;

  /** The record's `JSON.stringify` text. */
  readonly json = (record: object): string => {
    const other = this.other;
    const text = other.kept.get(record);
    if (text !== undefined) {
      other.kept.delete(record);
      if (other.kept.size <= AHEAD / 2) other.resume();
      return text;
    }
    const made = JSON.stringify(record);
    if (other.open) this.kept.set(record, made);
    return made;
  };

  /** The chunks, pausing after one while this side is too far ahead of the other. */
  async *paced<T>(chunks: Iterable<T>): AsyncGenerator<T> {
    for (const chunk of chunks) {
      yield chunk;
      // Only the side ahead waits (the other keeps nothing then), so the two never wait for each other.
      while (this.kept.size > AHEAD && this.other.open && this.other.kept.size === 0)
        await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /**
   * This side's file is written, or failed: the other neither keeps texts for it nor waits for it
   * any more. Call it however the write ends.
   */
  close(): void {
    this.open = false;
    this.other.resume();
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
