/**
 * JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` (and the two line
 * separators older parsers choke on) are written as \u escapes, so no data can close the element.
 */
const UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function scriptSafeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[<>&\u2028\u2029]/g, (ch) => UNSAFE[ch]!);
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
