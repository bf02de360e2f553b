/**
 * Text hygiene for names, aliases and quotes: characters that are invisible or reorder text can
 * hide a different id or a forged quote, so they are rejected; every script (Pashto, Arabic…) is fine.
 */

// C0 and C1 controls, and the bidi embedding/override/isolate controls (the "Trojan Source" set).
// Right-to-left and left-to-right marks (U+200E, U+200F) stay allowed: real Arabic-script names use them.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

// Noncharacters and unpaired surrogates: no XML document can hold them (GEXF and GraphML exports
// would be ill-formed), and no real text contains them.
const NOT_TEXT =
  /[\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Characters that render as nothing (or as blank space that is not a space) and so let two names
// that look the same differ. ZWNJ and ZWJ (U+200C, U+200D) stay allowed: Persian and Pashto
// spellings need them, as they need the direction marks.
const INVISIBLE = /[\u00ad\u115f\u1160\u200b\u2060\u3164\ufeff\uffa0]|\udb40[\udc00-\udc7f]/;

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x200b: 'ZERO WIDTH SPACE',
  0x2060: 'WORD JOINER',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

function codePoint(match: string): { hex: string; cp: number } {
  const cp = match.codePointAt(0)!;
  return { cp, hex: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` };
}

function describe(match: string): string {
  const { cp, hex } = codePoint(match);
  if (cp >= 0xd800 && cp <= 0xdfff) return `the unpaired surrogate ${hex}`;
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return `the noncharacter ${hex}`;
  if (cp >= 0xe0000 && cp <= 0xe007f) return `the invisible tag character ${hex}`;
  return `the invisible character ${hex} ${NAMES[cp] ?? ''}`.trimEnd();
}

/**
 * Whether a run of display texts, joined end to end, may hold a character `textProblem` refuses:
 * one scan of a whole column instead of one per value. (A columnar file's strings are UTF-8, which
 * cannot carry a lone surrogate, so joining cannot pair two halves that were apart.)
 */
export function mayHoldForbiddenText(joined: string): boolean {
  return FORBIDDEN.test(joined) || NOT_TEXT.test(joined);
}

/** Why a piece of display text is unacceptable, or `null` when it is fine. */
export function textProblem(value: string): string | null {
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    return `contains the invisible control character ${codePoint(bad[0]).hex} at position ${bad.index}; remove it`;
  }
  const notText = NOT_TEXT.exec(value);
  if (notText) return `contains ${describe(notText[0])} at position ${notText.index}; remove it`;
  if (value.trim() !== value) return 'has leading or trailing whitespace';
  if (value.trim() === '') return 'must not be empty';
  return null;
}

/**
 * Why a fragment of a source's text (a selector's prefix or suffix, which may begin or end with a
 * space) is unacceptable, or `null`: the display-text rules without the one on edge whitespace.
 */
export function fragmentProblem(value: string): string | null {
  // Line breaks and tabs are part of a page's text; the other controls are not.
  const problem = textProblem(`x${value.replace(/[\n\r\t]/g, ' ')}x`);
  // Positions are reported in the fragment, not in the padded copy.
  return problem?.replace(/at position (\d+)/, (_, at: string) => `at position ${Number(at) - 1}`) ?? null;
}

/**
 * Why a name or an alias is unacceptable, or `null`: the display-text rules, no invisible
 * characters, and Unicode NFC, so that two spellings that look the same are the same string.
 */
export function nameProblem(value: string): string | null {
  const problem = textProblem(value);
  if (problem) return problem;
  const invisible = INVISIBLE.exec(value);
  if (invisible) return `contains ${describe(invisible[0])} at position ${invisible.index}; remove it`;
  if (value.normalize('NFC') !== value) {
    let i = 0;
    const nfc = value.normalize('NFC');
    while (i < value.length && value[i] === nfc[i]) i++;
    return `is not in Unicode normalization form NFC (from position ${i}); save it composed (NFC), as most editors do`;
  }
  return null;
}
