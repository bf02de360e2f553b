// Every page of a built site against html-validate's recommended preset (issue #23): a message of any
// rule fails, so that markup problems are fixed where they are made rather than counted.
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type SiteFiles } from '../src/index.js';
import { bundledInput, hostileInput } from './fixtures.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** Every message html-validate gives for the site's pages, one line each: `path:line:column rule: message`. */
async function messages(files: SiteFiles): Promise<string[]> {
  const found: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.html')) continue;
    const html = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    const report = await validator.validateString(html, path);
    for (const result of report.results)
      for (const m of result.messages) found.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return found;
}

describe('html-validate (recommended preset)', () => {
  let bundled: SiteFiles;
  let hostile: SiteFiles;
  beforeAll(async () => {
    bundled = buildSite(await bundledInput());
    hostile = buildSite(hostileInput(), { baseUrl: 'https://data.example.org/afghanistan/' });
  });

  it('finds nothing on any page of the bundled release’s site', async () => {
    const found = await messages(bundled);
    expect(found.slice(0, 20).join('\n'), `${found.length} messages`).toBe('');
  });

  it('finds nothing on any page of a site whose names and quotes are markup', async () => {
    const found = await messages(hostile);
    expect(found.slice(0, 20).join('\n'), `${found.length} messages`).toBe('');
  });
});
