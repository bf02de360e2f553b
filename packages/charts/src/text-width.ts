/**
 * Text widths in DejaVu Sans, the font the PNG renderer draws with: the helpers fit names and wrap
 * quotes with them, and the Node renderer gives them to vega, which has no canvas to measure with.
 */

/** Code points covered: printable ASCII, Latin-1, then a few typographic marks. */
const EXTRA = [8211, 8212, 8216, 8217, 8220, 8221, 8230, 8226, 8594, 183];
/** Advance widths in thousandths of an em, in the order `table()` lists the code points. */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
  748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635,
  615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636,
  337, 636, 838, 318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838, 401, 401,
  500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632,
  632, 295, 295, 295, 295, 775, 748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613,
  613, 613, 613, 613, 982, 550, 615, 615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612,
  634, 634, 634, 634, 592, 635, 592, 500, 1000, 318, 318, 518, 518, 1000, 590, 838, 318,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995,
  837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716,
  678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712,
  365, 712, 838, 348, 456, 696, 696, 636, 696, 365, 500, 500, 1000, 564, 646, 838, 415, 1000, 500, 500, 838, 438, 438,
  500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035, 580, 774, 774, 774, 774, 774, 774, 1085, 734, 683, 683, 683,
  683, 372, 372, 372, 372, 838, 837, 850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675,
  675, 675, 675, 675, 1048, 593, 678, 678, 678, 678, 343, 343, 343, 343, 687, 712, 687, 687, 687, 687, 687, 838, 687,
  712, 712, 712, 712, 652, 716, 652, 500, 1000, 380, 380, 657, 657, 1000, 639, 838, 380,
];
/** Anything else (CJK…) is taken as wide: better a label cut early than one that overlaps. */
const FALLBACK = 1000;
/**
 * Arabic script (Pashto, Dari, Arabic names): DejaVu Sans draws real names at 430–530 per character,
 * joined forms included; a little more, so that a label never overlaps. Marks and joiners take no room.
 */
const ARABIC = 560;

function otherWidth(c: number): number {
  if (
    (c >= 0x200b && c <= 0x200f) ||
    c === 0xfeff ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed)
  )
    return 0;
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  )
    return ARABIC;
  return FALLBACK;
}

function table(widths: number[]): Map<number, number> {
  const points: number[] = [];
  for (let c = 32; c < 127; c++) points.push(c);
  for (let c = 160; c < 256; c++) points.push(c);
  points.push(...EXTRA);
  return new Map(points.map((p, i) => [p, widths[i]!]));
}

const regular = table(REGULAR);
const bold = table(BOLD);

const isBold = (weight: unknown) =>
  weight === 'bold' ||
  weight === 'bolder' ||
  (typeof weight === 'number' && weight >= 600) ||
  (typeof weight === 'string' && Number(weight) >= 600);

/** Width in pixels of one line of text at a font size and weight, in DejaVu Sans. */
export function textWidth(text: string, fontSize: number, fontWeight?: unknown): number {
  const widths = isBold(fontWeight) ? bold : regular;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total += widths.get(c) ?? otherWidth(c);
  }
  return (total * fontSize) / 1000;
}

/**
 * Breaks text at spaces into at most `maxLines` lines no wider than `maxWidth`; the last line takes
 * the rest of the text and is cut with an ellipsis when it does not fit.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = 1,
  fontWeight?: unknown,
): string[] {
  const fits = (line: string) => textWidth(line, fontSize, fontWeight) <= maxWidth;
  const lines: string[] = [];
  let rest = text.trim().split(/\s+/).filter(Boolean);
  while (rest.length) {
    let n = 1;
    while (n < rest.length && fits(rest.slice(0, n + 1).join(' '))) n++;
    if (lines.length === maxLines - 1 || !fits(rest.slice(0, n).join(' '))) {
      lines.push(fitLine(rest.join(' '), maxWidth, fontSize, fontWeight));
      break;
    }
    lines.push(rest.slice(0, n).join(' '));
    rest = rest.slice(n);
  }
  return lines;
}

/** One line no wider than `maxWidth`, cut at a character and ended with an ellipsis if needed. */
export function fitLine(text: string, maxWidth: number, fontSize: number, fontWeight?: unknown): string {
  const line = text.trim();
  if (textWidth(line, fontSize, fontWeight) <= maxWidth) return line;
  const chars = Array.from(line); // whole code points, never half a surrogate pair
  const cut = (n: number) => `${chars.slice(0, n).join('').trimEnd()}…`;
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidth(cut(mid), fontSize, fontWeight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

export interface WrappedText {
  lines: string[];
  /** True when lines were dropped to keep within `maxLines` (the last line then ends in "…"). */
  shortened: boolean;
}

/**
 * Word wrap that never cuts a word: lines break at spaces; a single word wider than a line (a long
 * URL) continues on the next line rather than being hidden. Past `maxLines` the text is shortened
 * after a whole word, with an ellipsis.
 */
export function wrapWords(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = Infinity,
  fontWeight?: unknown,
  /** Break a word wider than a line between characters (quotes); labels keep it whole and wider. */
  splitLongWords = true,
): WrappedText {
  const width = (s: string) => textWidth(s, fontSize, fontWeight);
  const pieces: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (!splitLongWords || width(word) <= maxWidth) pieces.push(word);
    else pieces.push(...splitWord(word, maxWidth, width));
  }
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const next = line ? `${line} ${piece}` : piece;
    if (line && width(next) > maxWidth) {
      lines.push(line);
      line = piece;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, shortened: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const words = kept.pop()!.split(' ');
  while (words.length > 1 && width(`${words.join(' ')}…`) > maxWidth) words.pop();
  kept.push(`${words.join(' ').replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`);
  return { lines: kept, shortened: true };
}

/** A word too wide for a line, in pieces that each fit, split between whole code points. */
function splitWord(word: string, maxWidth: number, width: (s: string) => number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && width(piece + ch) > maxWidth) {
      out.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}
