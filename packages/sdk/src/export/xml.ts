/**
 * XML details shared by the GEXF and GraphML writers. Parsers that follow XML 1.1's line ends
 * (xmldom, which graphology's parsers use) turn a raw U+0085, U+2028 or U+2029 into a newline or a
 * space; written as character references they survive every parser.
 */

export const LINE_SEPARATOR_ESCAPES: Readonly<Record<string, string>> = {
  '\u0085': '&#x85;',
  '\u2028': '&#x2028;',
  '\u2029': '&#x2029;',
};

/**
 * Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, U+FFFE, U+FFFF and
 * unpaired surrogates. The validator refuses them in data; the writers refuse them again.
 */
export const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character of `value` XML cannot hold, as `U+FFFE`, or `null`. */
export function xmlCharacterProblem(value: string): string | null {
  const bad = NOT_XML.exec(value);
  if (!bad) return null;
  return `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Rewrites those characters as references: outside markup they can only be in text or attribute values. */
export function escapeLineSeparators(xml: string): string {
  return xml.replace(/[\u0085\u2028\u2029]/g, (c) => LINE_SEPARATOR_ESCAPES[c]!);
}
