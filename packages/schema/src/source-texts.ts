/**
 * The canonical text of a source folder's data files, as `claimgraph format` writes them: shared by
 * formatDatasetSource and every command that writes a source folder back (sheet import, quotes
 * --anchor), so that all of them give a curator the same diff.
 */
import { canonicalRecord } from './canonical.js';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE } from './records.js';

/**
 * The data files' texts by path relative to the dataset folder (`data/statements.json`): every
 * list sorted by id (by `from` for redirects; records without one first, in their order), each
 * object record's keys in schema order. Redirects are written when the data has the list, even
 * empty, so that clearing every redirect is a change. Throws a RangeError (with `file`) on nesting
 * too deep to write.
 */
export function sourceFileTexts(dataset: object): Map<string, string> {
  const data = dataset as Record<string, unknown>;
  const texts = new Map<string, string>();
  const kinds = [...RECORD_KINDS, ...(Array.isArray(data.redirects) ? (['redirects'] as const) : [])];
  for (const kind of kinds) {
    const key = kind === 'redirects' ? 'from' : 'id';
    const records = Array.isArray(data[kind]) ? (data[kind] as unknown[]) : [];
    const sorted = records
      .map((r, i) => {
        const k = (r as Record<string, unknown> | null)?.[key];
        return { r, i, k: typeof k === 'string' ? k : '' };
      })
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
      .map(({ r }) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? canonicalRecord(kind, r) : r));
    const file = `data/${kind === 'redirects' ? REDIRECTS_FILE : RECORD_FILES[kind]}`;
    try {
      texts.set(file, `${JSON.stringify(sorted, null, 2)}\n`);
    } catch (error) {
      // JSON.parse reads nesting of any depth; JSON.stringify overflows the stack on it.
      throw Object.assign(new RangeError(`${file}: cannot be written back (a value is nested too deeply)`), {
        file,
        cause: error,
      });
    }
  }
  return texts;
}
