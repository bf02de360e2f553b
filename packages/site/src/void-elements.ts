// HTML's void elements written as HTML writes them: preact-render-to-string ends them with `/>`
// (`<meta charset="utf-8"/>`) and has no option not to, so the builder rewrites its output.

const VOID = 'area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr';

// Where a tag that matters starts: a raw-text element (its text is not markup) or a void element.
const START = new RegExp(`<(?:(script|style)|${VOID})(?=[\\s/>])`, 'gi');

/** `<br/>` → `<br>`, `<meta charset="utf-8"/>` → `<meta charset="utf-8">`; everything else as it was. */
export function omitVoidSlashes(html: string): string {
  // One pass over the page: each tag is read attribute by attribute, so that a quoted value holding
  // `/>` or `>` is never taken for the tag's end (a page is written tens of thousands of times).
  let out = '';
  let copied = 0;
  START.lastIndex = 0;
  for (let match = START.exec(html); match; match = START.exec(html)) {
    let at = match.index + match[0].length;
    let quote = '';
    for (; at < html.length; at++) {
      const ch = html[at];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    if (at >= html.length) break;
    const raw = match[1];
    if (raw) {
      // Past the raw text, to the element's end tag.
      const close = new RegExp(`</${raw}`, 'gi');
      close.lastIndex = at;
      START.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (html[at - 1] === '/') {
      let cut = at - 1;
      while (cut > match.index && /\s/.test(html[cut - 1]!)) cut--;
      out += `${html.slice(copied, cut)}>`;
      copied = at + 1;
    }
    START.lastIndex = at + 1;
  }
  return copied === 0 ? html : out + html.slice(copied);
}
