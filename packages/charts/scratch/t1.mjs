import * as vl from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';
import { writeFileSync } from 'node:fs';
const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text: 'Hello <script>alert(1)</script>', subtitle: ['sub & line'] }, width: 300, height: 100,
 data: { values: [{ a: '<script>x</script>', b: 3 }, { a: 'B & C', b: 5 }] }, mark: 'bar', encoding: { y: { field: 'a', type: 'nominal' }, x: { field: 'b', type: 'quantitative' } } };
const warnings = [];
const logger = { level(){ return this; }, error(...a){ warnings.push(['error',...a]); return this; }, warn(...a){ warnings.push(['warn',...a]); return this; }, info(){ return this;}, debug(){return this;} };
const compiled = vl.compile(spec, { logger });
console.log(warnings);
const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
const svg = await view.toSVG();
console.log(svg.slice(0, 400));
console.log(svg.match(/<text[^>]*>[^<]*<\/text>/g));
const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
writeFileSync('/tmp/t1.png', png.asPng()); console.log(png.width, png.height);
