import { describe, expect, it } from 'vitest';
import { columnsToDataset, encodeColumns, readColumns, type ColumnsHeader, type Dataset } from '../src/index.js';
import { baseDataset } from './fixture.js';

const FILE = 'dataset.columns.bin';

/** The base dataset with a boolean column (hedged) and a JSON column (an extra field). */
function data(): Dataset {
  const out = baseDataset();
  (out.statements[0] as unknown as Record<string, unknown>).hedged = true;
  (out.statements[1] as unknown as Record<string, unknown>).hedged = false;
  (out.statements[0] as unknown as Record<string, unknown>).note = { kept: 1 };
  return out;
}

interface Tampering {
  header: ColumnsHeader;
  /** The bytes of a column's buffer (`key`: values, days, precision, present, text…), writable in place. */
  buffer(table: string, column: string, key: string): Uint8Array;
}

/** The columnar file of `data()` changed by `edit`, as someone who edits a release and re-signs it would leave it. */
function tampered(edit: (t: Tampering) => void): Uint8Array {
  const bytes = encodeColumns(data());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(12, true);
  const start = 16 + headerLength;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, start))) as ColumnsHeader;
  edit({
    header,
    buffer(table, column, key) {
      const spec = header.tables[table]!.columns.find((c) => c.name === column) as unknown as Record<string, number>;
      const ref = header.buffers[spec[key]!]!;
      return bytes.subarray(start + ref.offset, start + ref.offset + ref.length);
    },
  });
  // The data section stays where it is relative to its start, so the header may grow.
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil((16 + json.length) / 8) * 8 - 16;
  const out = new Uint8Array(16 + padded + bytes.length - start).fill(0x20, 16, 16 + padded);
  out.set(bytes.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, padded, true);
  out.set(json, 16);
  out.set(bytes.subarray(start), 16 + padded);
  return out;
}

const read = (bytes: Uint8Array) => () => columnsToDataset(readColumns(bytes, FILE));
const int32 = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);

describe('readColumns refuses a value outside its column’s domain, naming the file, column and record', () => {
  it('reads the untouched file', () => {
    expect(read(tampered(() => undefined))()).toEqual(data());
  });

  it('a boolean byte other than 0, 1 or 2', () => {
    const bytes = tampered((t) => {
      t.buffer('statements', 'hedged', 'values')[1] = 7;
    });
    expect(read(bytes)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.hedged: row 1 (st:price-1) has the code 7, and a boolean is 0 (absent), 1 (false) or 2 (true)`,
    );
  });

  it('a presence flag other than 0 or 1', () => {
    const bytes = tampered((t) => {
      t.buffer('statements', 'quote', 'present')[0] = 3;
    });
    expect(read(bytes)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.quote: row 0 (st:kirby-1) has the presence flag 3, and a flag is 0 (absent) or 1`,
    );
  });

  it('an enum code past its table', () => {
    const bytes = tampered((t) => {
      t.buffer('statements', 'stance', 'values')[2] = 9;
    });
    expect(read(bytes)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.stance: row 2 (st:state-1) has the code 9, past the 2 terms of its table`,
    );
  });

  it('an enum table whose terms were reordered, or listed twice', () => {
    const swapped = tampered((t) => {
      t.header.enums['statements.stance'] = ['disputes', 'supports'];
    });
    expect(read(swapped)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.stance: its table "statements.stance" lists "supports" after "disputes"; its terms come in the order "supports", "disputes"`,
    );
    const types = tampered((t) => {
      const table = t.header.enums['relations.type']!;
      [table[0], table[1]] = [table[1]!, table[0]!];
    });
    expect(read(types)).toThrow(
      `@claimgraph/schema: ${FILE}: relations.type: its table "relations.type" lists "affiliated-with" after "allied-with"`,
    );
    const twice = tampered((t) => {
      t.header.enums['statements.stance'] = ['supports', 'supports'];
    });
    expect(read(twice)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.stance: its table "statements.stance" lists "supports" twice`,
    );
    // A term this package does not know (a newer vocabulary, or invalid data) is read, for the validator to name.
    const unknown = tampered((t) => {
      t.header.enums['statements.stance'] = ['supports', 'disputes', 'doubts'];
      t.buffer('statements', 'stance', 'values')[2] = 2;
    });
    expect((read(unknown)().statements[2] as { stance: string }).stance).toBe('doubts');
  });

  it('a reference past the end of its table', () => {
    const bytes = tampered((t) => {
      int32(t.buffer('relations', 'source', 'values'))[1] = 99;
    });
    expect(read(bytes)).toThrow(
      `@claimgraph/schema: ${FILE}: relations.source: row 1 (rel:haqqani-part-of-taliban) points at position 99, past the 7 rows of the entities table`,
    );
  });

  it('a day outside the years 0001–9999, or not the first of its year or month', () => {
    const far = tampered((t) => {
      int32(t.buffer('statements', 'date', 'days'))[0] = 4_000_000;
    });
    expect(read(far)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.date: row 0 (st:kirby-1) has the day 4000000 at day precision, which is no day of the years 0001–9999`,
    );
    // 2021-08-27 read at year precision would be "2021" to one reader and 2021-08-27 to another.
    const off = tampered((t) => {
      t.buffer('statements', 'date', 'precision')[0] = 0;
    });
    expect(read(off)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.date: row 0 (st:kirby-1) has the day 18866 at year precision, which is no year of the years 0001–9999`,
    );
    const code = tampered((t) => {
      t.buffer('statements', 'date', 'precision')[0] = 5;
    });
    expect(read(code)).toThrow(
      `@claimgraph/schema: ${FILE}: statements.date: row 0 (st:kirby-1) has the date precision code 5, which its table does not name`,
    );
  });

  it('a precision table whose names were reordered', () => {
    const bytes = tampered((t) => {
      t.header.enums.precision = ['day', 'month', 'year'];
    });
    expect(read(bytes)).toThrow(
      `@claimgraph/schema: ${FILE}: its table "precision" lists "month" after "day"; its terms come in the order "year", "month", "day"`,
    );
  });

  it('JSON text that does not parse, when its row is read', () => {
    const bytes = tampered((t) => {
      const text = t.buffer('statements', 'note', 'text');
      text[text.indexOf(0x7d)] = 0x29; // } → )
    });
    expect(read(bytes)).toThrow(`@claimgraph/schema: ${FILE}: statements.note: row 0 (st:kirby-1) is not JSON (`);
  });
});
