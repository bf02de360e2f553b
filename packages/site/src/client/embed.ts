/**
 * The "Embed this chart" box of a chart page: the chart script adds it after the chart (a page
 * without JavaScript draws no chart to embed) and writes the iframe snippet into it when a reader
 * opens it, from the chart's reference and the embed page's URL that load.js gives.
 */
import { embedFragment, type ChartRef } from '../paths.js';

const ESCAPED: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;' };
/** An attribute's value as the site's pages write it (Preact's escaping): record text stays text. */
const attribute = (text: string) => text.replace(/["&<]/g, (c) => ESCAPED[c]!);

/** The markup a reader pastes into a story: the embed page, at this chart's fragment, in an iframe. */
export function embedSnippet(embedUrl: string, chart: ChartRef, label: string): string {
  // The fragment is written as it is: pathToUrl's `%` → `%25` is for file names, not for it.
  const src = `${embedUrl}#${embedFragment(chart)}`;
  return `<iframe src="${attribute(src)}" title="${attribute(label)}" width="100%" height="520" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}

/** Copies the snippet, or, where the page may not write the clipboard, selects it for the reader to copy. */
async function copy(code: HTMLElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    status.textContent = 'Copied.';
  } catch {
    window.getSelection()?.selectAllChildren(code);
    status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

/**
 * Adds the figure's embed box, linking the embed page at this chart (`pageUrl`, where this page
 * finds it), and fills it with its snippet and a copy button the first time it is opened.
 */
export function addEmbedBox(
  figure: HTMLElement,
  chart: ChartRef,
  label: string,
  embedUrl: string,
  pageUrl: string,
): void {
  const box = document.createElement('details');
  box.className = 'embed';
  const summary = document.createElement('summary');
  summary.textContent = 'Embed this chart';
  const link = document.createElement('a');
  link.href = `${pageUrl}#${embedFragment(chart)}`;
  link.textContent = 'this chart alone';
  const text = document.createElement('p');
  text.append('Put ', link, ' in an iframe of a story; it resizes to its column.');
  box.append(summary, text);
  figure.after(box);
  const fill = () => {
    if (!box.open || box.querySelector('pre')) return;
    const pre = document.createElement('pre');
    const code = document.createElement('code');
    code.textContent = embedSnippet(embedUrl, chart, label);
    pre.append(code);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed-copy';
    button.textContent = 'Copy the snippet';
    const status = document.createElement('span');
    status.className = 'embed-status';
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => void copy(code, status));
    box.append(pre, button, ' ', status);
  };
  box.addEventListener('toggle', fill);
  fill();
}
