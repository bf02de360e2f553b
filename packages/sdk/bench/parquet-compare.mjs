// Compares two folders of Parquet files, as `parquet-step.mjs --out` writes them, to check a change
// of writer: the same files, and in each the same rows as hyparquet reads them, the same schema,
// row counts, created_by, and per column chunk the same type, codec, value count and statistics.
// Encodings and sizes may differ; they are counted and printed.
// Usage: node bench/parquet-compare.mjs OLD_DIR NEW_DIR (exits 1 on any difference).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

const [oldDir, newDir] = process.argv.slice(2);
if (!oldDir || !newDir) throw new Error('usage: node bench/parquet-compare.mjs OLD_DIR NEW_DIR');

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.parquet') ? [join(dir, e.name)] : [],
  );
const filesOf = (dir) =>
  walk(dir)
    .map((f) => relative(dir, f))
    .sort();
const arrayBuffer = (path) => {
  const bytes = readFileSync(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const compared = (metadata) => ({
  schema: metadata.schema,
  created_by: metadata.created_by,
  num_rows: metadata.num_rows,
  row_groups: metadata.row_groups.map((group) => ({
    num_rows: group.num_rows,
    columns: group.columns.map(({ meta_data: m }) => ({
      path: m.path_in_schema,
      type: m.type,
      codec: m.codec,
      num_values: m.num_values,
      statistics: m.statistics,
    })),
  })),
});
const json = (value) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));

const files = filesOf(oldDir);
const problems = [];
if (!isDeepStrictEqual(files, filesOf(newDir))) problems.push('the folders hold different files');
const encodings = { old: {}, new: {} };
const bytes = { old: 0, new: 0 };
let rows = 0;
let sameBytes = 0;
for (const file of problems.length ? [] : files) {
  const before = arrayBuffer(join(oldDir, file));
  const after = arrayBuffer(join(newDir, file));
  bytes.old += before.byteLength;
  bytes.new += after.byteLength;
  if (Buffer.from(before).equals(Buffer.from(after))) sameBytes++;
  const [a, b] = [parquetMetadata(before), parquetMetadata(after)];
  for (const [metadata, count] of [
    [a, encodings.old],
    [b, encodings.new],
  ])
    for (const group of metadata.row_groups)
      for (const { meta_data: m } of group.columns) {
        const key = m.encodings.join('+');
        count[key] = (count[key] ?? 0) + 1;
      }
  for (const key of Object.keys(compared(a))) {
    if (!isDeepStrictEqual(compared(a)[key], compared(b)[key])) problems.push(`${file}: ${key} differs`);
  }
  const [rowsBefore, rowsAfter] = [
    await parquetReadObjects({ file: before }),
    await parquetReadObjects({ file: after }),
  ];
  rows += rowsBefore.length;
  if (!isDeepStrictEqual(rowsBefore, rowsAfter)) problems.push(`${file}: rows differ`);
}
console.log(json({ files: files.length, sameBytes, rows, bytes, encodings, problems }));
process.exitCode = problems.length ? 1 : 0;
