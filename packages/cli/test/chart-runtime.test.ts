// `claimgraph chart runtime` and `chart KIND --out PAGE.html --runtime URL`: pages that share one
// runtime file, the file written once under a name that changes with its content, never replaced.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartRuntime } from '@claimgraph/charts/render';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';

const VALID = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-chart-runtime-'));
const runtime = chartRuntime();

async function claimgraph(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

describe('claimgraph chart runtime', () => {
  it('writes the runtime into a folder under its versioned name, once', async () => {
    const first = await claimgraph('chart', 'runtime', '--out', 'public/');
    const file = join(dir, 'public', runtime.fileName);
    expect(first).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        new RegExp(
          `^wrote public/${runtime.fileName.replace(/\./g, '\\.')} \\(\\d{3} kB: vega 6\\.[\\d.]+, vega-lite 6\\.[\\d.]+, vega-embed 7\\.[\\d.]+\\)\\n$`,
        ),
      ),
      stderr: '',
    });
    expect(readFileSync(file, 'utf8')).toBe(runtime.code);
    const written = statSync(file).mtimeMs;
    const again = await claimgraph('chart', 'runtime', '--out', 'public');
    expect(again.stdout).toMatch(/ is up to date \(/);
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('writes a .js file by the name given, and never replaces another runtime there', async () => {
    expect((await claimgraph('chart', 'runtime', '--out', 'js/chart-runtime.js')).code).toBe(0);
    const file = join(dir, 'js', 'chart-runtime.js');
    const older = runtime.code.replace(/vega (\d)\S*, vega-lite/, 'vega $1.0.0, vega-lite');
    writeFileSync(file, older);
    const refused = await claimgraph('chart', 'runtime', '--out', 'js/chart-runtime.js');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `js/chart-runtime.js: already holds another chart runtime (vega 6.0.0, vega-lite ${runtime.versions['vega-lite']}, vega-embed ${runtime.versions['vega-embed']}); pages made for it would stop drawing if it were replaced. Give a folder instead (ending in "/"), so that this runtime`,
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, 'utf8')).toBe(older);
  });

  it('takes no dataset or chart flags, and no --out but a folder or a .js file', async () => {
    expect(await claimgraph('chart', 'runtime', '--dataset', VALID, '--out', 'x/')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--dataset does not apply to "chart runtime": it writes the runtime file only'),
    });
    expect(await claimgraph('chart', 'runtime', '--out', 'x.html')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out x.html: the runtime is a .js file; give a folder'),
    });
  });
});

describe('claimgraph chart KIND --runtime', () => {
  /** `claimgraph chart KIND --out FILE --runtime URL` on the valid fixture. */
  const page = (file: string, kind: string, url: string) =>
    claimgraph('chart', kind, '--dataset', VALID, '--out', file, '--runtime', url);
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const script = (html: string) => /<script src="([^"]*)" integrity="([^"]*)" crossorigin="anonymous">/.exec(html);

  it('writes pages that load one runtime beside them, writing the runtime with the first page', async () => {
    const first = await page('news/stance.html', 'stance', './');
    expect(first).toEqual({
      code: 0,
      stdout: `wrote news/stance.html\nwrote news/${runtime.fileName} (the chart runtime, ${Math.round(runtime.code.length / 1000)} kB: vega ${runtime.versions.vega}, vega-lite ${runtime.versions['vega-lite']}, vega-embed ${runtime.versions['vega-embed']})\n`,
      stderr: '',
    });
    const second = await page('news/timeline.html', 'timeline', './');
    expect(second).toEqual({ code: 0, stdout: 'wrote news/timeline.html\n', stderr: '' });
    expect(readdirSync(join(dir, 'news')).sort()).toEqual([runtime.fileName, 'stance.html', 'timeline.html']);
    for (const name of ['stance.html', 'timeline.html']) {
      const html = read(`news/${name}`);
      expect(script(html)?.slice(1)).toEqual([`./${runtime.fileName}`, runtime.integrity]);
      expect(html).not.toContain('/* vega */');
      expect(html.length).toBeLessThan(runtime.code.length / 2);
    }
  });

  it('points at a runtime elsewhere without writing one, and says where it must go', async () => {
    const result = await page('cdn/stance.html', 'stance', 'https://static.example.org/charts/');
    expect(result.stdout).toBe(
      `wrote cdn/stance.html\nthe page loads the chart runtime from https://static.example.org/charts/${runtime.fileName}; put ${runtime.fileName} there (claimgraph chart runtime --out FOLDER/)\n`,
    );
    expect(readdirSync(join(dir, 'cdn'))).toEqual(['stance.html']);
    expect(script(read('cdn/stance.html'))?.[1]).toBe(`https://static.example.org/charts/${runtime.fileName}`);
  });

  it('refuses to write a page against a different runtime file at the URL, and writes nothing', async () => {
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'runtime.js'), '/* another */');
    const result = await page('old/stance.html', 'stance', 'runtime.js');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('old/runtime.js: already holds another file');
    expect(existsSync(join(dir, 'old', 'stance.html'))).toBe(false);
  });

  it.each([
    [['--out', 'x.svg', '--runtime', './'], '--runtime applies to .html pages, not to x.svg'],
    [['--out', 'x.html', '--runtime', ''], '--runtime: give the URL the page loads the chart runtime from'],
    [['--out', 'x.html', '--runtime', 'my charts/'], '--runtime: "my charts/" has a space or control character'],
    [['--out', 'x.html', '--runtime', '%zz.js'], '--runtime %zz.js: not a URL'],
  ])('rejects %j', async (args, message) => {
    expect(await claimgraph('chart', 'stance', '--dataset', VALID, ...args)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(message),
    });
  });
});
