/**
 * Where each statement appears: its own source first, then every other source that reports the
 * same words, and for a source page the statements it carries as an appearance.
 */
import type { Anchor, Dataset, Source, Statement } from '@claimgraph/schema';

/** One source reporting a statement, with the words it was found by and the curator's note. */
export interface Appearing {
  sourceId: string;
  source: Source | undefined;
  /** The exact words of a TextQuoteSelector anchor, as the source prints them. */
  exact?: string;
  note?: string;
  /** True for the source the statement was read from. */
  own: boolean;
}

const exactOf = (anchor: Anchor | undefined) => (anchor?.type === 'TextQuoteSelector' ? anchor.exact : undefined);

/** Every source reporting a statement, its own first, then its appearances in the order the data lists them. */
export function appearancesOf(statement: Statement, sourceOf: (id: string) => Source | undefined): Appearing[] {
  return [
    { sourceId: statement.source, anchor: statement.anchor, note: undefined, own: true },
    ...(statement.appearances ?? []).map((a) => ({ sourceId: a.source, anchor: a.anchor, note: a.note, own: false })),
  ].map(({ sourceId, anchor, note, own }) => ({
    sourceId,
    source: sourceOf(sourceId),
    own,
    ...(exactOf(anchor) === undefined ? {} : { exact: exactOf(anchor) }),
    ...(note === undefined ? {} : { note }),
  }));
}

const carried = new WeakMap<Dataset, Map<string, Statement[]>>();

/** The statements a source carries as an appearance (another source is their own), in data order. */
export function appearingIn(data: Dataset, sourceId: string): Statement[] {
  let bySource = carried.get(data);
  if (!bySource) {
    bySource = new Map();
    for (const s of data.statements)
      for (const a of s.appearances ?? []) {
        const list = bySource.get(a.source) ?? [];
        list.push(s);
        bySource.set(a.source, list);
      }
    carried.set(data, bySource);
  }
  return bySource.get(sourceId) ?? [];
}

/** "English (en)": a BCP 47 tag with its English name where the runtime knows it. */
export function languageName(tag: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}
