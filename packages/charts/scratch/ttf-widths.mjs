// Reads advance widths from a TrueType font for a set of code points (cmap format 4 + hmtx).
import { readFileSync } from 'node:fs';
export function widths(path, codepoints) {
  const b = readFileSync(path);
  const numTables = b.readUInt16BE(4);
  const tables = {};
  for (let i = 0; i < numTables; i++) {
    const o = 12 + i * 16;
    tables[b.toString('ascii', o, o + 4)] = b.readUInt32BE(o + 8);
  }
  const upem = b.readUInt16BE(tables.head + 18);
  const nH = b.readUInt16BE(tables.hhea + 34);
  const cmap = tables.cmap;
  let sub = null;
  const n = b.readUInt16BE(cmap + 2);
  for (let i = 0; i < n; i++) {
    const pid = b.readUInt16BE(cmap + 4 + i * 8), eid = b.readUInt16BE(cmap + 6 + i * 8), off = b.readUInt32BE(cmap + 8 + i * 8);
    if (pid === 3 && eid === 1) sub = cmap + off;
  }
  if (b.readUInt16BE(sub) !== 4) throw new Error('want format 4');
  const segX2 = b.readUInt16BE(sub + 6), segs = segX2 / 2;
  const ends = sub + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ros = deltas + segX2;
  const glyph = (cp) => {
    for (let i = 0; i < segs; i++) {
      const end = b.readUInt16BE(ends + i * 2);
      if (cp > end) continue;
      const start = b.readUInt16BE(starts + i * 2);
      if (cp < start) return 0;
      const delta = b.readInt16BE(deltas + i * 2), ro = b.readUInt16BE(ros + i * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = b.readUInt16BE(ros + i * 2 + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const adv = (g) => b.readUInt16BE(tables.hmtx + Math.min(g, nH - 1) * 4);
  return codepoints.map((cp) => Math.round((adv(glyph(cp)) / upem) * 1000));
}
const cps = [];
for (let c = 32; c < 127; c++) cps.push(c);
for (let c = 160; c < 256; c++) cps.push(c);
const extra = [0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2022, 0x2192, 0x00b7];
const dir = '/usr/share/fonts/truetype/dejavu/';
const reg = widths(dir + 'DejaVuSans.ttf', [...cps, ...extra]);
const bold = widths(dir + 'DejaVuSans-Bold.ttf', [...cps, ...extra]);
console.log(JSON.stringify({ reg: reg.join(','), bold: bold.join(','), extra }));
