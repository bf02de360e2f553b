// Across packages, on one dataset: names in Pashto and Arabic script reach every output unchanged
// (SVG text, PNG glyphs, CSV cells), and names written to break out of an output — markup, quotes,
// spreadsheet formulas — stay inert text in SVG, HTML, CSV, GEXF and GraphML alike.
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { DOMParser } from '@xmldom/xmldom';
import { ClaimGraph, type Dataset } from '@claimgraph/sdk';
import { exportDataset, type ExportResult } from '@claimgraph/sdk/export';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { networkChart, stanceChart } from '../src/index.js';
import { pngSize, renderHtml, renderPng, renderSvg } from '../src/render.js';
import { textWidth } from '../src/text-width.js';
import { parseSvg, svgTexts } from './fixture.js';

const SIRAJ = 'سراج الدين حقاني';
const TALIBAN = 'طالبان';
const KABUL = 'کابل';
const QUOTE = 'موږ يو يو، او ګډ يو';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const FORMULA = '=HYPERLINK("https://evil.example","click")';

function dataset(): Dataset {
  return {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network', aliases: ['د حقاني شبکه'] },
      { id: 'armed-group:taliban', type: 'armed-group', name: TALIBAN, aliases: ['Taliban'] },
      { id: 'person:mallory', type: 'person', name: SCRIPT, role: IMG },
      { id: 'person:plus', type: 'person', name: '+93 700 000 000', description: '-2+3 @SUM(A1:A9)' },
      { id: 'person:sirajuddin-haqqani', type: 'person', name: `${SIRAJ}\u200f`, role: 'مرستیال مشر' },
      { id: 'place:kabul', type: 'place', name: KABUL, placeKind: 'city' },
    ],
    relations: [
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
        note: FORMULA,
      },
      {
        id: 'rel:mallory-member-of-taliban',
        type: 'member-of',
        source: 'person:mallory',
        target: 'armed-group:taliban',
      },
      { id: 'rel:plus-member-of-taliban', type: 'member-of', source: 'person:plus', target: 'armed-group:taliban' },
      {
        id: 'rel:sirajuddin-leads-haqqani',
        type: 'leads',
        source: 'person:sirajuddin-haqqani',
        target: 'armed-group:haqqani-network',
      },
      { id: 'rel:taliban-located-in-kabul', type: 'located-in', source: 'armed-group:taliban', target: 'place:kabul' },
    ],
    statements: [
      {
        id: 'st:mallory-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:mallory',
        stance: 'disputes',
        date: '2021-08-20',
        quote: `<b>Taliban</b> & "friends" ${FORMULA}`,
        source: 'src:article',
      },
      {
        id: 'st:mallory-2',
        relation: 'rel:mallory-member-of-taliban',
        speaker: 'person:mallory',
        stance: 'supports',
        date: '2021-08-21',
        source: 'src:article',
      },
      {
        id: 'st:plus-1',
        relation: 'rel:plus-member-of-taliban',
        speaker: 'person:plus',
        stance: 'supports',
        date: '2021-08-22',
        quote: '@everyone -1',
        source: 'src:article',
      },
      {
        id: 'st:siraj-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2021-08-25',
        quote: QUOTE,
        source: 'src:article',
      },
      {
        id: 'st:siraj-2',
        relation: 'rel:sirajuddin-leads-haqqani',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2021-08',
        source: 'src:article',
      },
      {
        id: 'st:siraj-3',
        relation: 'rel:taliban-located-in-kabul',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2021-08-15',
        source: 'src:article',
      },
    ],
    sources: [
      { id: 'src:article', title: `${TALIBAN} ${SCRIPT}`, publisher: '=cmd|" /C calc"!A0', published: '2021-08-31' },
    ],
  };
}

const cg = ClaimGraph.fromData(dataset(), { version: '1.0.0' });

/** Decodes an 8-bit RGBA or RGB PNG (what resvg writes) to its pixels. */
function decodePng(png: Uint8Array): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const bytes = Buffer.from(png);
  const { width, height } = pngSize(png);
  const channels = bytes[25] === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 255;
    }
  }
  return { width, height, channels, pixels };
}

/** A one-mark chart of a piece of text, drawn as the charts draw theirs. */
const textSpec = (text: string): TopLevelSpec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 120,
  height: 40,
  background: 'white',
  data: { values: [{ text }] },
  mark: { type: 'text', fontSize: 24 },
  encoding: { text: { field: 'text' } },
});

/** The dark pixels of a chart's PNG, as a string to compare. */
async function ink(text: string): Promise<string> {
  const { channels, pixels } = decodePng(await renderPng(textSpec(text), { scale: 1 }));
  let out = '';
  for (let i = 0; i < pixels.length; i += channels) out += pixels[i]! < 128 ? '#' : '.';
  return out;
}

const fileText = (result: ExportResult, path: string) => {
  const content = result.files.find((f) => f.path === path)?.content;
  if (typeof content !== 'string') throw new Error(`no text file ${path} in the export`);
  return content;
};

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRows(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** Parses XML strictly: any error fails the test. */
function parseXml(xml: string): Document {
  const fail = (message: string) => {
    throw new Error(`XML does not parse: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(
    xml,
    'text/xml',
  ) as unknown as Document;
}

describe('names in Pashto and Arabic script', () => {
  it('reach the stance chart’s SVG as written, marks and all', async () => {
    const doc = parseSvg(await renderSvg(stanceChart(cg, { relation: 'rel:haqqani-part-of-taliban' })));
    const texts = svgTexts(doc).join('\n');
    for (const name of [SIRAJ, TALIBAN, QUOTE]) expect(texts).toContain(name);
  });

  it('reach the network chart’s SVG and PNG', async () => {
    const spec = networkChart(cg, { all: true });
    const svg = await renderSvg(spec);
    const texts = svgTexts(parseSvg(svg)).join('\n');
    for (const name of [SIRAJ, TALIBAN, KABUL]) expect(texts).toContain(name);
    const png = await renderPng(spec, { scale: 1 });
    const viewBox = /<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg)!;
    expect(pngSize(png)).toEqual({ width: Math.round(Number(viewBox[1])), height: Math.round(Number(viewBox[2])) });
  });

  it('are measured no narrower than DejaVu Sans draws them, and not twice as wide', () => {
    for (const text of [SIRAJ, TALIBAN, KABUL, QUOTE, 'د حقاني شبکه', 'مرستیال مشر']) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="100" font-family="DejaVu Sans" font-size="100">${text}</text></svg>`;
      const drawn = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).getBBox()!
        .width;
      const measured = textWidth(text, 100);
      expect(measured, text).toBeGreaterThanOrEqual(drawn);
      expect(measured, text).toBeLessThan(drawn * 1.5);
    }
    expect(textWidth(`${SIRAJ}\u200f`, 10)).toBe(textWidth(SIRAJ, 10));
  });

  it('are drawn in the PNG with real glyphs, not the missing-glyph box', async () => {
    const missing = await ink('\u{f0000}');
    expect(missing).toContain('#');
    const letters = [...new Set([...`${SIRAJ}${TALIBAN}${KABUL}${QUOTE}`].filter((ch) => /\p{L}/u.test(ch)))];
    expect(letters.length).toBeGreaterThan(15);
    for (const letter of letters) {
      const drawn = await ink(letter);
      expect(drawn, `U+${letter.codePointAt(0)!.toString(16)} has ink`).toContain('#');
      expect(
        drawn === missing,
        `U+${letter.codePointAt(0)!.toString(16).toUpperCase()} is drawn as the missing-glyph box`,
      ).toBe(false);
    }
  });

  it('keep their exact UTF-8 in the CSV export, right-to-left mark included', async () => {
    const result = await exportDataset(cg, 'csv');
    const nodes = csvRows(fileText(result, 'nodes.csv'));
    expect(nodes.find((n) => n.Id === 'person:sirajuddin-haqqani')).toMatchObject({
      Label: `${SIRAJ}\u200f`,
      role: 'مرستیال مشر',
    });
    expect(nodes.find((n) => n.Id === 'place:kabul')!.Label).toBe(KABUL);
    expect(csvRows(fileText(result, 'statements.csv')).find((s) => s.Id === 'st:siraj-1')!.quote).toBe(QUOTE);
    const file = result.files.find((f) => f.path === 'nodes.csv')!;
    expect(file.bytes).toBe(Buffer.byteLength(file.content as string, 'utf8'));
  });
});

describe('text written to break out of an output stays text', () => {
  it('in SVG: no script, image or event handler, and the names read as written', async () => {
    for (const spec of [stanceChart(cg, { relation: 'rel:haqqani-part-of-taliban' }), networkChart(cg)]) {
      const svg = await renderSvg(spec);
      const doc = parseSvg(svg);
      for (const tag of ['script', 'img', 'foreignObject', 'iframe'])
        expect(doc.getElementsByTagName(tag), tag).toHaveLength(0);
      expect(svg).not.toMatch(/<script|<img|\son\w+=/i);
      expect(svgTexts(doc).join('\n')).toContain(SCRIPT);
    }
  });

  it('in HTML: the spec is inline JSON with no markup characters, and parses back exactly', () => {
    const spec = stanceChart(cg, { relation: 'rel:haqqani-part-of-taliban' });
    const html = renderHtml(spec, { libraries: 'cdn', title: IMG });
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(5);
    const open = '<script type="application/json" id="claimgraph-spec">';
    const start = html.indexOf(open) + open.length;
    const json = html.slice(start, html.indexOf('</script>', start));
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual(spec);
  });

  it('in CSV: cells starting with = + - @ get a leading quote, and quotes and commas stay inside their cell', async () => {
    const result = await exportDataset(cg, 'csv');
    const tables = ['nodes.csv', 'edges.csv', 'statements.csv', 'sources.csv'].map((path) =>
      csvRows(fileText(result, path)),
    );
    for (const table of tables)
      for (const row of table)
        for (const [column, cell] of Object.entries(row)) expect(cell, column).not.toMatch(/^[=+\-@\t\r]/);
    const [nodes, edges, statements, sources] = tables as [
      Record<string, string>[],
      Record<string, string>[],
      Record<string, string>[],
      Record<string, string>[],
    ];
    expect(nodes.find((n) => n.Id === 'person:plus')).toMatchObject({
      Label: "'+93 700 000 000",
      description: "'-2+3 @SUM(A1:A9)",
    });
    expect(nodes.find((n) => n.Id === 'person:mallory')).toMatchObject({ Label: SCRIPT, role: IMG });
    expect(edges.find((e) => e.Id === 'rel:haqqani-part-of-taliban')!.note).toBe(`'${FORMULA}`);
    expect(statements.find((s) => s.Id === 'st:plus-1')!.quote).toBe("'@everyone -1");
    expect(statements.find((s) => s.Id === 'st:mallory-1')!.quote).toBe(`<b>Taliban</b> & "friends" ${FORMULA}`);
    expect(sources[0]!.publisher).toBe(`'=cmd|" /C calc"!A0`);
    // The raw text doubles quotes inside a quoted cell.
    expect(fileText(result, 'edges.csv')).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });

  it('in GEXF and GraphML: the XML parses strictly, holds no markup of the data, and gives the names back', async () => {
    for (const format of ['gexf', 'graphml'] as const) {
      const result = await exportDataset(cg, format);
      const xml = result.files[0]!.content as string;
      const doc = parseXml(xml);
      for (const tag of ['script', 'img', 'b'])
        expect(doc.getElementsByTagName(tag), `${format} <${tag}>`).toHaveLength(0);
      const text = doc.documentElement!.textContent ?? '';
      const attributes = Array.from(doc.getElementsByTagName('*')).flatMap((el) =>
        Array.from(el.attributes).map((a) => a.value),
      );
      const all = `${text}\n${attributes.join('\n')}`;
      for (const name of [SCRIPT, IMG, FORMULA, `${SIRAJ}\u200f`, TALIBAN])
        expect(all, `${format} keeps ${name}`).toContain(name);
    }
  });
});
