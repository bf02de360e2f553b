/**
 * The search page's script. The other pages without a chart load no script at all: a phone opening
 * a statement's permalink fetches the page and the stylesheet, nothing else.
 */
import { runSearch } from './search-page.js';

async function start(): Promise<void> {
  const results = document.getElementById('search-results');
  if (results?.dataset.index) await runSearch(results, results.dataset.title ?? document.title);
  document.body.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
