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

/** Rewrites those characters as references: outside markup they can only be in text or attribute values. */
export function escapeLineSeparators(xml: string): string {
  return xml.replace(/[\u0085\u2028\u2029]/g, (c) => LINE_SEPARATOR_ESCAPES[c]!);
}
