import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import {
  compileSpec,
  pngSize,
  renderHtml,
  renderPng,
  renderResponsiveHtml,
  renderSvg,
  RESPONSIVE_WIDTHS,
  chartRuntime,
  runtimeSrc,
  type HtmlOptions,
} from '../src/render.js';
import { HAQQANI, PART_OF, mini, parseSvg, svgTexts } from './fixture.js';

const size = (svg: string) => {
  const root = parseSvg(svg).documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
};

const CHARTS: Record<string, () => TopLevelSpec> = {
  stance: () => stanceChart(mini(), { relation: PART_OF }),
  timeline: () => timelineChart(mini(), { entity: HAQQANI }),
  network: () => networkChart(mini()),
  centrality: () => centralityChart(mini()),
};

describe('renderSvg', () => {
  it.each(Object.entries(CHARTS))(
    'renders the %s chart as SVG that parses, with its labels, no wider than 660 px',
    async (_name, make) => {
      const svg = await renderSvg(make());
      const doc = parseSvg(svg);
      expect(doc.documentElement.tagName).toBe('svg');
      const all = svgTexts(doc).join('\n');
      expect(all).toContain('Source: Washington Examiner');
      expect(size(svg).width).toBeLessThanOrEqual(660);
    },
  );

  it('writes the speakers’ names, dates and quotes of the stance chart', async () => {
    const all = svgTexts(parseSvg(await renderSvg(CHARTS.stance!()))).join('\n');
    for (const label of [
      'Ned Price',
      'Sirajuddin Haqqani',
      '27 Aug 2021',
      '2012',
      'Who says what: Haqqani network part of Taliban',
    ]) {
      expect(all).toContain(label);
    }
    expect(all.replace(/\n/g, ' ')).toContain('“The Taliban and the Haqqani network are separate entities.”');
  });

  it('labels the network’s nodes', async () => {
    const all = svgTexts(parseSvg(await renderSvg(CHARTS.network!()))).join('\n');
    for (const name of ['Taliban', 'Haqqani network', 'ISIS-K', 'al Qaeda']) expect(all).toContain(name);
  });

  it('gives the SVG its title as <title>, the description as <desc>, and both as its accessible label', async () => {
    const svg = await renderSvg(CHARTS.centrality!());
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-label="Who has the most ties\. Bar chart ranking [^"]*"><title>Who has the most ties<\/title><desc>Bar chart ranking/,
    );
  });

  it('refuses a spec vega warns about while drawing, unless told to ignore warnings', async () => {
    const empty = {
      data: { values: [] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    } as TopLevelSpec;
    expect((await compileSpec(empty)).warnings).toEqual([]);
    await expect(renderSvg(empty)).rejects.toThrow(
      '@claimgraph/charts/render: vega warned while drawing the chart: Infinite extent for field "a"',
    );
    await expect(renderSvg(empty, { warnings: 'ignore' })).resolves.toContain('<svg');
  });

  it('refuses a spec vega-lite warns about, unless told to ignore warnings', async () => {
    const broken = {
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: {
        x: { field: 'a', type: 'quantitative' },
        size: { field: 'a', type: 'quantitative', scale: { type: 'band' } },
      },
    } as TopLevelSpec;
    expect((await compileSpec(broken)).warnings.length).toBeGreaterThan(0);
    await expect(renderSvg(broken)).rejects.toThrow('@claimgraph/charts/render: the spec compiles with warnings');
    await expect(renderSvg(broken, { warnings: 'ignore' })).resolves.toContain('<svg');
  });
});

describe('renderPng', () => {
  it.each([1, 2, 1.5])('writes a PNG the size of the SVG times the scale (%s)', async (scale) => {
    const spec = CHARTS.stance!();
    const { width, height } = size(await renderSvg(spec));
    const png = await renderPng(spec, { scale });
    expect(pngSize(png)).toEqual({ width: Math.round(width * scale), height: Math.round(height * scale) });
  });

  it('defaults to twice the SVG size', async () => {
    const spec = CHARTS.centrality!();
    const { width } = size(await renderSvg(spec));
    expect(pngSize(await renderPng(spec)).width).toBe(width * 2);
  });

  it('rejects a scale that is not a positive number', async () => {
    await expect(renderPng(CHARTS.centrality!(), { scale: 0 })).rejects.toThrow(
      'renderPng: options.scale: 0 is not a positive number',
    );
  });

  it('reads PNG headers and rejects other bytes', () => {
    expect(() => pngSize(new Uint8Array([1, 2, 3]))).toThrow('not a PNG file');
  });
});

describe('renderHtml', () => {
  it('inlines vega, vega-lite and vega-embed by default, so the page works offline', () => {
    const html = renderHtml(CHARTS.stance!());
    expect(html).not.toMatch(/<script[^>]+src=/);
    for (const name of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`<script>/* ${name} */`);
    expect(html).toContain('vegaEmbed(target, spec');
    expect(html.length).toBeGreaterThan(500_000);
  });

  it('links the installed versions from jsDelivr in cdn mode, each with the hash of the installed file', () => {
    const html = renderHtml(CHARTS.stance!(), { libraries: 'cdn' });
    const tags = [...html.matchAll(/<script src="([^"]+)"([^>]*)><\/script>/g)];
    expect(
      tags.map(
        ([, src]) => /^https:\/\/cdn\.jsdelivr\.net\/npm\/([a-z-]+)@([^/]+)\/build\/\1\.min\.js$/.exec(src!)?.[1],
      ),
    ).toEqual(['vega', 'vega-lite', 'vega-embed']);
    const require = createRequire(import.meta.url);
    for (const [, src, attributes] of tags) {
      const [, name, version] = /npm\/([a-z-]+)@([^/]+)\//.exec(src!)!;
      // The file in node_modules is the one jsDelivr serves for that exact version.
      const folder = dirname(require.resolve(name!));
      expect(JSON.parse(readFileSync(join(folder, '..', 'package.json'), 'utf8')).version, name).toBe(version);
      const bytes = readFileSync(join(folder, `${name}.min.js`));
      expect(attributes, name).toBe(
        ` integrity="sha384-${createHash('sha384').update(bytes).digest('base64')}" crossorigin="anonymous"`,
      );
    }
    expect(html).toContain('or were not the files this page was made for');
    expect(html.length).toBeLessThan(100_000);
  });

  it('leaves the hashes out of a cdn page with integrity: false', () => {
    const html = renderHtml(CHARTS.stance!(), { libraries: 'cdn', integrity: false });
    expect(html.match(/<script src="https:\/\/cdn\.jsdelivr\.net\/[^"]+"><\/script>/g)).toHaveLength(3);
    expect(html).not.toContain('integrity=');
  });

  it('carries the spec as JSON that parses back to it, with export actions on', () => {
    const spec = CHARTS.network!();
    const html = renderHtml(spec, { libraries: 'cdn' });
    const json = /<script type="application\/json" id="claimgraph-spec">([^]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(json)).toEqual(spec);
    expect(html).toContain('"export":true');
    expect(html).toContain('<title>Who is tied to the contested claims</title>');
  });

  it('rejects an unknown libraries option', () => {
    expect(() => renderHtml(CHARTS.stance!(), { libraries: 'bundle' as 'cdn' })).toThrow(
      'options.libraries: "bundle" is not "inline", "cdn" or "shared"',
    );
  });
});

describe('libraries: shared', () => {
  const runtime = chartRuntime();

  it('names the runtime by its content and hashes it for Subresource Integrity', () => {
    const sha256 = createHash('sha256').update(runtime.code).digest('hex');
    expect(runtime.fileName).toBe(`claimgraph-chart-runtime.${sha256.slice(0, 12)}.js`);
    expect(runtime.integrity).toBe(`sha384-${createHash('sha384').update(runtime.code).digest('base64')}`);
    expect(chartRuntime()).toBe(runtime);
  });

  it('holds vega, vega-lite and vega-embed in load order under a header naming their versions', () => {
    const { versions, code } = runtime;
    expect(versions.vega).toMatch(/^6\./);
    expect(code.split('\n', 1)[0]).toContain(
      `vega ${versions.vega}, vega-lite ${versions['vega-lite']}, vega-embed ${versions['vega-embed']}`,
    );
    const at = ['vega', 'vega-lite', 'vega-embed'].map((n) => code.indexOf(`/* ${n} ${versions[n as 'vega']} */`));
    expect(at[0]).toBeGreaterThan(0);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(code).not.toContain('sourceMappingURL');
    // The three builds, nothing dropped: within a few hundred bytes of their sum.
    expect(code.length).toBeGreaterThan(800_000);
  });

  it('loads the runtime from the URL given, with its integrity, and carries no library code', () => {
    const html = renderHtml(CHARTS.stance!(), { libraries: 'shared', runtimeUrl: '/js/runtime.js' });
    expect(html.match(/<script[^>]* src=[^>]*>/g)).toEqual([
      `<script src="/js/runtime.js" integrity="${runtime.integrity}" crossorigin="anonymous">`,
    ]);
    expect(html.length).toBeLessThan(100_000);
  });

  it('adds the versioned file name to a folder URL, and leaves the hash out on request', () => {
    const html = renderResponsiveHtml((width) => stanceChart(mini(), { relation: PART_OF, width }), {
      libraries: 'shared',
      runtimeUrl: '../charts/',
      integrity: false,
    });
    expect(html).toContain(`<script src="../charts/${runtime.fileName}"></script>`);
    expect(runtimeSrc('https://example.org/js/')).toBe(`https://example.org/js/${runtime.fileName}`);
  });

  it('escapes the URL as an attribute value', () => {
    const html = renderHtml(CHARTS.stance!(), { libraries: 'shared', runtimeUrl: 'a"><b>.js' });
    expect(html).toContain('<script src="a&#34;&#62;&#60;b&#62;.js" integrity=');
  });

  it.each([
    [{ libraries: 'shared' }, 'options.runtimeUrl: libraries "shared" needs the URL of the chart runtime'],
    [{ libraries: 'shared', runtimeUrl: ' ' }, 'options.runtimeUrl: libraries "shared" needs the URL'],
    [{ libraries: 'shared', runtimeUrl: 'my charts/' }, 'options.runtimeUrl: "my charts/" has a space or control'],
    [{ runtimeUrl: './' }, 'renderHtml: options.runtimeUrl applies only with libraries "shared"'],
    [{ libraries: 'shared', runtimeUrl: './', integrity: 'yes' }, 'options.integrity: "yes" is not true or false'],
  ] as [HtmlOptions, string][])('rejects %j', (options, message) => {
    expect(() => renderHtml(CHARTS.stance!(), options)).toThrow(message);
  });
});

describe('renderResponsiveHtml', () => {
  it('lays the chart out afresh for every width from 320 to 1200 px, inside a figure with a caption', () => {
    const widths: number[] = [];
    const html = renderResponsiveHtml((width) => {
      widths.push(width);
      return stanceChart(mini(), { relation: PART_OF, width });
    });
    expect(widths).toEqual([...RESPONSIVE_WIDTHS]);
    expect(widths[0]).toBe(320);
    expect(widths.at(-1)).toBe(1200);
    const json = /<script type="application\/json" id="claimgraph-layouts">([^]*?)<\/script>/.exec(html)![1]!;
    const layouts = JSON.parse(json) as { width: number; spec: { vconcat: [{ width: number }] } }[];
    // Laid out, not scaled: each layout's body is as wide as its width allows.
    for (const l of layouts) {
      expect(l.spec.vconcat[0].width).toBeLessThanOrEqual(l.width - 32);
      expect(l.spec.vconcat[0].width).toBeGreaterThanOrEqual(l.width - 36);
    }
    expect(html).toMatch(/<figure [^>]*aria-describedby="claimgraph-alt"/);
    expect(html).toMatch(
      /<figcaption[^>]*>[^]*Who says what: Haqqani network part of Taliban[^]*Source: Washington Examiner[^]*Chart of \d+ statements/,
    );
  });
});
