// HTML's void elements written as HTML writes them: preact-render-to-string ends them with `/>`
// (`<meta charset="utf-8"/>`) and has no option not to, so the builder rewrites its output.

const VOID = 'area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr';

// A raw-text element whole (its text is not markup), or a void element's tag read attribute by
// attribute, so that a quoted value holding `/>` or `>` is never taken for the tag's end.
const TAG = new RegExp(
  `<(script|style)\\b(?:[^>"']|"[^"]*"|'[^']*')*>[\\s\\S]*?</\\1\\s*>|<(?:${VOID})\\b((?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*?)\\s*/>`,
  'gi',
);

/** `<br/>` → `<br>`, `<meta charset="utf-8"/>` → `<meta charset="utf-8">`; everything else as it was. */
export function omitVoidSlashes(html: string): string {
  return html.replace(TAG, (tag: string, raw: string | undefined) => (raw ? tag : tag.replace(/\s*\/>$/, '>')));
}
