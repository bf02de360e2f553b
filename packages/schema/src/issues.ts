/**
 * Validation issues: where a problem is (file, record id, JSON pointer) and what it is, in words a
 * curator can act on.
 */

export interface ValidationIssue {
  /** The file the record lives in, relative to the dataset folder (`data/statements.json`). */
  file: string;
  /** The id of the record at fault, or `null` when the record has no usable id. */
  id: string | null;
  /** JSON pointer to the field inside the record (`/date`); `''` for the record itself. */
  path: string;
  /** Plain-language description of the problem and, where possible, how to fix it. */
  message: string;
  /** Position of the record in its file's array, when the problem belongs to one record. */
  index?: number;
  /** Line and column in the file, for JSON syntax errors. */
  line?: number;
  column?: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

const PLAIN_ID = /^[\x21-\x7e]{1,200}$/;

/** `data/statements.json: st:kirby-1 /date: "2021-02-30" is not a calendar date` */
export function formatIssue(issue: ValidationIssue): string {
  const file = issue.line !== undefined ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  // An id that fails its pattern may hold a newline or a bidi override: quote it, so one issue stays one line.
  const id = issue.id === null ? null : PLAIN_ID.test(issue.id) ? issue.id : show(issue.id);
  const record = id !== null ? id : issue.index !== undefined ? `record #${issue.index}` : '';
  const where = [record, issue.path].filter(Boolean).join(' ');
  // Every part may come from the data (a file name, a V8 message quoting a token): one line, printable.
  return printable(where ? `${file}: ${where}: ${issue.message}` : `${file}: ${issue.message}`);
}

/** Orders issues by file, then position, so reports read top to bottom and are deterministic. */
export function sortIssues(issues: ValidationIssue[]): ValidationIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.index ?? -1) - (b.index ?? -1) ||
      a.path.localeCompare(b.path) ||
      a.message.localeCompare(b.message),
  );
}

/** Escapes a JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

const UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` as one line of printable characters: C0 and C1 controls, line and paragraph separators
 * and bidi controls are shown as `\u001b`, so no message can move the cursor, colour the terminal
 * or forge a second line.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** Quotes a value for a message, cut short so a 10 MB string never floods the terminal. */
export function show(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // A cycle, a BigInt, or nesting deeper than the stack: JSON.stringify and String() both give up.
    text = Array.isArray(value)
      ? '[…]'
      : typeof value === 'object' && value !== null
        ? '{…}'
        : typeof value === 'bigint'
          ? `${value}n`
          : '…';
  }
  // JSON.stringify escapes C0 controls but not DEL, C1 controls, bidi overrides or line separators,
  // which a terminal would act on.
  text = text.replace(UNSAFE, escapeChar);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
