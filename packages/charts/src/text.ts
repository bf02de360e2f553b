/**
 * Words for records: how a relation reads as a phrase, how a quote is cut to fit a line, and how
 * a list of counts is spoken. Plain strings only: escaping is the renderer's job, at output time.
 */
import { RELATION_TYPE_INFO, type Entity, type Relation } from '@claimgraph/schema';

/** "Haqqani network part of Taliban": the relation read from source to target. */
export function relationPhrase(relation: Relation, nameOf: (id: string) => string): string {
  const info = RELATION_TYPE_INFO[relation.type];
  return `${nameOf(relation.source)} ${info.label} ${nameOf(relation.target)}`;
}

/** The entity's own name, or its id when it is unknown to the dataset (never a blank label). */
export function entityNamer(entities: readonly Entity[]): (id: string) => string {
  const names = new Map(entities.map((e) => [e.id, e.name]));
  return (id) => names.get(id) ?? id;
}

/** Curly-quoted, for display; the full quote stays in the tooltip. */
export function quoted(quote: string | undefined): string {
  return quote ? `“${quote.trim()}”` : '';
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
