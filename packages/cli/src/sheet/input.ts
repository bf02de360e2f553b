/**
 * Bounded input for `sheet import`: only regular files are read, and a workbook's size, the size
 * its zip unpacks to, its rows and its cells are checked against limits before any parser sees it.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { CliError, EXIT } from '../errors.js';

export interface SheetLimits {
  /** Bytes of the workbook file, of what its zip unpacks to, and of each CSV file [100 MB]. */
  maxBytes: number;
  /** Rows of any one sheet or CSV file, the header included [100,000]. */
  maxRows: number;
  /** Cells of a workbook or CSV folder, all sheets together [2,000,000]. */
  maxCells: number;
}

export const LIMITS: SheetLimits = { maxBytes: 100 * 1024 * 1024, maxRows: 100_000, maxCells: 2_000_000 };

/** The option that raises each limit, named in the error that reports it. */
const OPTION: Record<keyof SheetLimits, string> = {
  maxBytes: '--max-size MB',
  maxRows: '--max-rows N',
  maxCells: '--max-cells N',
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function overLimit(shown: string, what: string, limit: keyof SheetLimits, limits: SheetLimits): CliError {
  const value = limit === 'maxBytes' ? megabytes(limits[limit]) : limits[limit].toLocaleString('en-US');
  return new CliError(
    `${shown}: ${what}, past the limit of ${value}; nothing was read (raise it with ${OPTION[limit]} if the file is meant to be this large)`,
    EXIT.invalid,
  );
}

/**
 * Reads a regular file of at most `limits.maxBytes`, without blocking on a FIFO and without reading
 * a device. Missing, special or oversized files are CliErrors naming the file.
 */
export async function readBoundedFile(path: string, shown: string, limits: SheetLimits): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new CliError(`${shown}: is a folder, not a file`, EXIT.usage);
    if (!stats.isFile())
      throw new CliError(
        `${shown}: is not a regular file (a FIFO, a device or a socket); give a workbook or a CSV folder`,
        EXIT.usage,
      );
    if (stats.size > limits.maxBytes) throw overLimit(shown, `${megabytes(stats.size)}`, 'maxBytes', limits);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `${shown}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (error as Error).message})`}`,
      code === 'ENOENT' ? EXIT.usage : EXIT.invalid,
    );
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip's central directory; undefined when the bytes are not a zip. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  const floor = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= floor; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end === -1) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's bytes, unpacked with at most `budget` bytes of output; undefined past the budget. */
function unpack(bytes: Buffer, entry: ZipEntry, budget: number): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new Error('a damaged zip entry');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length > budget ? undefined : data;
  if (entry.method !== 8) throw new Error(`compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

/** How many times `needle` occurs in `bytes`. */
function occurrences(bytes: Buffer, needle: string): number {
  let count = 0;
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + needle.length)) count++;
  return count;
}

/** The highest `r="N"` of the `<row` elements of a worksheet's XML. */
function lastRow(xml: Buffer): number {
  let last = 0;
  for (let i = xml.indexOf('<row'); i !== -1; i = xml.indexOf('<row', i + 4)) {
    const close = xml.indexOf('>', i);
    const head = xml.toString('latin1', i, close === -1 ? i + 200 : Math.min(close, i + 400));
    const r = /\sr="(\d+)"/.exec(head);
    if (r) last = Math.max(last, Number(r[1]));
  }
  return last;
}

/** Worksheet part → sheet name, from the workbook part and its relationships. */
function sheetNames(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return names;
}

/**
 * Checks a workbook before it is parsed: a zip with the parts a workbook needs, unpacking to at
 * most `maxBytes` (a zip bomb is refused after reading that much), with no sheet past `maxRows`
 * and no more than `maxCells` cells in all.
 */
export function checkWorkbookBytes(bytes: Buffer, shown: string, limits: SheetLimits): void {
  const entries = zipEntries(bytes);
  if (!entries) throw new CliError(`${shown}: not an .xlsx workbook (not a zip file, or a damaged one)`, EXIT.invalid);
  const names = new Set(entries.map((e) => e.name));
  for (const part of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'])
    if (!names.has(part))
      throw new CliError(`${shown}: not an .xlsx workbook, or a damaged one: it has no ${part}`, EXIT.invalid);
  let budget = limits.maxBytes;
  const parts = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let data: Buffer | undefined;
    try {
      data = unpack(bytes, entry, budget + 1);
    } catch (error) {
      throw new CliError(
        `${shown}: a damaged .xlsx workbook: ${entry.name} cannot be unpacked (${(error as Error).message})`,
        EXIT.invalid,
      );
    }
    if (data === undefined || data.length > budget) throw overLimit(shown, 'unpacks to more', 'maxBytes', limits);
    budget -= data.length;
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) parts.set(entry.name, data);
  }
  const sheetOf = sheetNames(
    parts.get('xl/workbook.xml')!.toString('utf8'),
    parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8'),
  );
  let cells = 0;
  for (const [part, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const sheet = sheetOf.get(part) ?? part;
    const rows = lastRow(xml);
    if (rows > limits.maxRows)
      throw overLimit(`${shown}: sheet ${sheet}`, `has a row ${rows.toLocaleString('en-US')}`, 'maxRows', limits);
    cells += occurrences(xml, '<c ') + occurrences(xml, '<c>');
    if (cells > limits.maxCells) throw overLimit(shown, 'has more cells', 'maxCells', limits);
    // Cells that name shared strings need the part that holds them.
    if (!names.has('xl/sharedStrings.xml') && /<c\b[^>]*\bt="s"/.test(xml.toString('latin1')))
      throw new CliError(
        `${shown}: a damaged .xlsx workbook: sheet ${sheet} refers to shared strings, and it has no xl/sharedStrings.xml`,
        EXIT.invalid,
      );
  }
}
