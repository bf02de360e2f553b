/**
 * An anchor (a W3C TextQuoteSelector or TextPositionSelector) as one cell per part and back, so a
 * curator types the exact words, prefix and suffix in cells instead of editing JSON.
 */
import type { Anchor } from '@claimgraph/schema';
import { anchorHeader, type AnchorPart } from './columns.js';

/** The parts each selector type has; the others must stay blank. */
const PARTS_OF: Record<Anchor['type'], readonly AnchorPart[]> = {
  TextQuoteSelector: ['type', 'exact', 'prefix', 'suffix'],
  TextPositionSelector: ['type', 'start', 'end', 'snapshot'],
};

/** The cell text of one part of an anchor: offsets as digits, absent parts blank. */
export function anchorCell(anchor: unknown, part: AnchorPart): string | undefined {
  if (typeof anchor !== 'object' || anchor === null) return undefined;
  const value = (anchor as Record<string, unknown>)[part];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value as number);
}

/** A typed part and where it was typed. */
export interface AnchorPartCell {
  text: string;
  at: string;
}

/**
 * The anchor the typed parts make, none when every part is blank, or the problem at the cell that
 * has it. What the schema checks (exact words present, offsets in order) is left to the validator.
 */
export function anchorFromCells(
  parts: Partial<Record<AnchorPart, AnchorPartCell>>,
  typeAt: string,
): { anchor?: Anchor } | { problem: string; at: string } {
  const typed = Object.keys(parts) as AnchorPart[];
  if (typed.length === 0) return {};
  const type = parts.type?.text as Anchor['type'] | undefined;
  if (type === undefined)
    return {
      at: typeAt,
      problem: `${anchorHeader('type')} is blank while ${typed.map(anchorHeader).join(', ')} ${typed.length === 1 ? 'is' : 'are'} filled; choose TextQuoteSelector or TextPositionSelector`,
    };
  const stray = typed.find((part) => !PARTS_OF[type].includes(part));
  if (stray)
    return {
      at: parts[stray]!.at,
      problem: `${anchorHeader(stray)} is not part of a ${type}; leave it blank (a ${type} has ${PARTS_OF[type].slice(1).join(', ')})`,
    };
  const anchor: Record<string, unknown> = { type };
  for (const part of PARTS_OF[type].slice(1)) {
    const cell = parts[part];
    if (cell === undefined) continue;
    if (part === 'start' || part === 'end') {
      const text = cell.text.trim();
      if (!/^\d+$/.test(text))
        return { at: cell.at, problem: `"${cell.text}" is not a whole number of characters (${anchorHeader(part)})` };
      anchor[part] = Number(text);
    } else anchor[part] = cell.text;
  }
  return { anchor: anchor as Anchor };
}
