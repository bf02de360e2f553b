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

/**
 * A spec's whole title: the one the frame keeps in `usermeta` (the drawn title may be shortened
 * to a line limit), else the drawn lines joined; '' when it has none.
 */
export function specTitle(spec: object): string {
  const meta = (spec as { usermeta?: { title?: unknown } }).usermeta?.title;
  if (typeof meta === 'string') return meta;
  const raw = (spec as { title?: unknown }).title;
  const text = typeof raw === 'object' && raw !== null ? (raw as { text?: unknown }).text : raw;
  return Array.isArray(text) ? text.join(' ') : typeof text === 'string' ? text : '';
}
