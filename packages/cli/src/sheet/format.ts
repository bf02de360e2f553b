/**
 * The curation workbook's format marker: the export writes it (a line of the About sheet, a small
 * file in a CSV folder) and the import reads it, so a workbook says which layout it holds.
 */
import { CliError, EXIT } from '../errors.js';

/**
 * The layout this claimgraph writes. 1: workbooks without a marker (a statement's anchor and
 * appearances as JSON cells); 2: anchors spread over columns and an Appearances sheet.
 */
export const SHEET_FORMAT = 2;

const NAME = 'claimgraph-sheet';

/** The About sheet's line that carries the marker. */
export const markerLine = (): string =>
  `Workbook format: ${NAME} ${SHEET_FORMAT} (claimgraph sheet import reads this line; leave it as it is)`;

/** The file a CSV folder's marker is kept in, and its text. */
export const MARKER_FILE = `${NAME}.json`;
export const markerFile = (): string => `${JSON.stringify({ format: NAME, version: SHEET_FORMAT })}\n`;

/** The format a line of the About sheet names, or undefined when it is not the marker line. */
export function formatOfLine(line: string): number | undefined {
  const found = new RegExp(`\\b${NAME} (\\d+)\\b`).exec(line);
  return found ? Number(found[1]) : undefined;
}

/** The format a CSV folder's marker file names; throws on a file that is not a marker. */
export function formatOfFile(text: string, shown: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const marker = parsed as { format?: unknown; version?: unknown } | undefined;
  if (marker?.format !== NAME || !Number.isInteger(marker.version) || (marker.version as number) < 1)
    throw new CliError(
      `${shown}: not a claimgraph sheet marker; expected {"format":"${NAME}","version":${SHEET_FORMAT}}`,
      EXIT.invalid,
    );
  return marker.version as number;
}

/**
 * Checks a format read from a workbook or folder: a newer one is refused (its layout is unknown
 * here); none (undefined) is an export from before the marker, read as format 1.
 */
export function checkFormat(format: number | undefined, shown: string): number {
  if (format === undefined) return 1;
  if (format > SHEET_FORMAT)
    throw new CliError(
      `${shown}: written in sheet format ${format} by a newer claimgraph; this one reads formats 1 to ${SHEET_FORMAT}: update claimgraph`,
      EXIT.invalid,
    );
  return format;
}
