// `claimgraph chart`: one test per flag, run in-process through run(argv, io) on the test fixture
// (a valid dataset modelled on the bundled one); a couple of real processes for exit codes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';

const VALID = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-chart-flags-'));
const PART_OF = 'rel:haqqani-network-part-of-taliban';

async function chart(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(['chart', ...args, '--dataset', VALID], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

let n = 0;
const out = (ext: string) => join(dir, `chart-${++n}.${ext}`);
const spec = (file: string) =>
  JSON.parse(readFileSync(file, 'utf8')) as {
    title: { text: string[]; subtitle: string[] };
    description: string;
    vconcat: { width: number; height: number; encoding?: { text?: { value: string[] } } }[];
  };
const credit = (s: ReturnType<typeof spec>) => s.vconcat.at(-1)!.encoding!.text!.value.join(' ');

describe('claimgraph chart flags', () => {
  it('--title sets the title', async () => {
    const file = out('json');
    expect(await chart('timeline', '--title', 'Who said what, August 2021', '--out', file)).toMatchObject({ code: 0 });
    expect(spec(file).title.text.join(' ')).toBe('Who said what, August 2021');
  });

  it('--title-lines shortens a long title after a whole word; without it the title wraps whole', async () => {
    const title = 'What Washington and the Taliban disagreed about when the last American aircraft left Kabul';
    const file = out('json');
    const args = ['stance', '--width', '375', '--title', title];
    expect((await chart(...args, '--title-lines', '1', '--out', file)).code).toBe(0);
    expect(spec(file).title.text).toEqual([expect.stringMatching(/^What Washington\b.*[a-z]…$/)]);
    const whole = out('json');
    expect((await chart(...args, '--out', whole)).code).toBe(0);
    expect(spec(whole).title.text.join(' ')).toBe(title);
    expect(await chart(...args, '--title-lines', '0', '--out', out('json'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--title-lines 0: not a whole number of lines from 1 to 20'),
    });
  });

  it('--subtitle sets the line under the title', async () => {
    const file = out('json');
    expect((await chart('stance', '--subtitle', 'Four speakers, one claim', '--out', file)).code).toBe(0);
    expect(spec(file).title.subtitle).toEqual(['Four speakers, one claim']);
  });

  it('--credit replaces the source line, and without it the source line names the dataset', async () => {
    const file = out('json');
    expect((await chart('centrality', '--credit', 'Graphic: the desk. Data: claimgraph', '--out', file)).code).toBe(0);
    expect(credit(spec(file))).toBe('Graphic: the desk. Data: claimgraph');
    const plain = out('json');
    expect((await chart('centrality', '--out', plain)).code).toBe(0);
    expect(credit(spec(plain))).toMatch(/Statements as curated in claimgraph dataset \S+ v\d+\.\d+\.\d+\./);
  });

  it('--from keeps statements whose date may fall on or after it', async () => {
    const file = out('json');
    expect((await chart('timeline', '--from', '2021-08', '--out', file)).code).toBe(0);
    const s = spec(file);
    expect(s.description).not.toMatch(/\b2012\b|\b2017\b/);
    expect(s.title.subtitle[0]).toMatch(/2021/);
  });

  it('--to keeps statements whose date may fall on or before it', async () => {
    const file = out('json');
    expect((await chart('stance', '--relation', PART_OF, '--to', '2020', '--out', file)).code).toBe(0);
    expect(spec(file).title.subtitle[0]).not.toContain('2021');
    expect(spec(file).description).not.toContain('Aug 2021');
  });

  it('--width lays the chart out for that width', async () => {
    const file = out('svg');
    expect((await chart('stance', '--width', '960', '--out', file)).code).toBe(0);
    const width = Number(/^<svg [^>]*width="(\d+)"/.exec(readFileSync(file, 'utf8'))![1]);
    expect(width).toBeLessThanOrEqual(960);
    expect(width).toBeGreaterThan(900);
    expect((await chart('stance', '--width', '12', '--out', out('svg'))).code).toBe(2);
  });

  it('--height sets the network’s height, and is refused for charts that grow with their rows', async () => {
    const file = out('json');
    expect((await chart('network', '--height', '600', '--out', file)).code).toBe(0);
    expect(spec(file).vconcat[0]!.height).toBe(600);
    const refused = await chart('stance', '--height', '600', '--out', out('json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--height does not apply to the stance chart; it works with network');
  });

  it('--scale sets pixels per unit, and a scale beyond the documented maximum is a usage error', async () => {
    const file = out('png');
    const ok = await chart('centrality', '--width', '640', '--scale', '1', '--out', file);
    expect(ok.code).toBe(0);
    const px = readFileSync(file).readUInt32BE(16);
    expect(ok.stdout).toContain(`(${px}×`);
    expect(px).toBeLessThanOrEqual(640);
    expect(px).toBeGreaterThan(600);
    const huge = await chart('centrality', '--scale', '1000', '--out', out('png'));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('--scale 1000: not a number from 0.05 to 8');
    const big = await chart('network', '--width', '2400', '--height', '4000', '--scale', '2', '--out', out('png'));
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/a PNG holds at most 40 million/);
  });

  it('a scale too small for one pixel is a usage error, not a stack trace (issue 25)', async () => {
    const tiny = await chart('stance', '--scale', '0.0000001', '--out', out('png'));
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toBe('claimgraph: --scale 0.0000001: not a number from 0.05 to 8\n');
  });

  it('betweenness past its entity cap is refused before it runs, naming the cap and the flag (issue 25)', async () => {
    const capped = await chart('centrality', '--metric', 'betweenness', '--max-entities', '3', '--out', out('svg'));
    expect(capped.code).toBe(1);
    expect(capped.stderr).toMatch(
      /^claimgraph: --metric betweenness: the graph has \d+ entities and betweenness is computed for at most 3 \(its time grows with entities × ties\); raise the cap with --max-entities, or use --metric degree\n$/,
    );
    const within = await chart('centrality', '--metric', 'betweenness', '--max-entities', '1000', '--out', out('svg'));
    expect(within.code).toBe(0);
  });

  it('--relation draws that relation, in the stance, timeline and network charts', async () => {
    for (const kind of ['stance', 'timeline', 'network']) {
      const file = out('json');
      expect((await chart(kind, '--relation', PART_OF, '--out', file)).code).toBe(0);
      expect(spec(file).title.text.join(' ')).toContain('Haqqani network part of Taliban');
    }
    const wrong = await chart('stance', '--relation', 'rel:nope', '--out', out('json'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--relation: "rel:nope" is not a relation in this dataset');
  });

  it('--entity draws that entity’s relations or neighbourhood', async () => {
    const file = out('json');
    expect((await chart('network', '--entity', 'armed-group:haqqani-network', '--out', file)).code).toBe(0);
    expect(spec(file).title.text.join(' ')).toBe('Who is tied to Haqqani network');
    const refused = await chart('centrality', '--entity', 'armed-group:haqqani-network', '--out', out('json'));
    expect(refused.code).toBe(2);
  });

  it('--all draws the whole network', async () => {
    const some = out('json');
    const all = out('json');
    expect((await chart('network', '--out', some)).code).toBe(0);
    expect((await chart('network', '--all', '--out', all)).code).toBe(0);
    expect(spec(all).title.subtitle[0]).toMatch(/^The whole dataset/);
  });

  it('--types chooses the entity types the centrality chart ranks', async () => {
    const file = out('json');
    expect((await chart('centrality', '--types', 'person', '--out', file)).code).toBe(0);
    expect(spec(file).title.subtitle.join(' ')).toMatch(/people with ties/);
    const wrong = await chart('centrality', '--types', 'persons', '--out', out('json'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"persons" is not an entity type');
  });

  it('--metric chooses the centrality measure', async () => {
    const file = out('json');
    expect((await chart('centrality', '--metric', 'betweenness', '--out', file)).code).toBe(0);
    expect(spec(file).title.text.join(' ')).toBe('Who sits between the others');
  });

  it('--out .html writes a responsive figure with a caption', async () => {
    const file = out('html');
    expect((await chart('stance', '--out', file)).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<figure class="claimgraph-figure"');
    expect(html).toContain('<figcaption');
    expect(html).toContain('"width":320');
    expect(html).toContain('"width":1200');
  });

  it('lists every flag in --help, and says what --from and --to keep', async () => {
    let help = '';
    await run(['chart', '--help'], { stdout: { write: (t: string) => (help += t) }, stderr: { write: () => 0 } });
    for (const flag of [
      '--title',
      '--subtitle',
      '--credit',
      '--title-lines',
      '--from',
      '--to',
      '--width',
      '--height',
      '--scale',
      '--entity',
      '--relation',
      '--all',
      '--types',
    ])
      expect(help).toContain(flag);
    expect(help.replace(/\s+/g, ' ')).toContain('may fall on or after this date');
  });

  it('draws the issue’s example: timeline --from 2021-08 --title … --credit … --out t.png', async () => {
    const file = out('png');
    const run = await chart(
      'timeline',
      '--from',
      '2021-08',
      '--title',
      'August 2021',
      '--credit',
      'Data: claimgraph',
      '--out',
      file,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });
});
