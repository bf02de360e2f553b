/**
 * Name folding on its own, with no import: what a browser search box needs to match names as
 * search() does (`@claimgraph/sdk/fold`), without the rest of the SDK.
 */

/** Folds text for matching: `"Mazār-i-Sharīf"` → words `mazar i sharif`, key `mazarisharif`. */
export function foldWords(text: string): string {
  return fold(text, false);
}

/**
 * Folds many texts: the same result as foldWords on each, at a fraction of the cost for a hundred
 * thousand names. Plain ASCII texts and the rest are joined by newlines into two blocks, each folded
 * by a few regular expressions over the whole block, instead of a few per name.
 */
export function foldEach(texts: readonly string[]): string[] {
  const out = new Array<string>(texts.length);
  const plain: number[] = [];
  const other: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (text.includes('\n')) out[i] = foldWords(text);
    else (ASCII.test(text) ? plain : other).push(i);
  }
  for (const group of [plain, other]) {
    if (group.length === 0) continue;
    // Folding keeps newlines and never makes one, so the block splits back into its texts.
    const folded = fold(group.map((i) => texts[i]!).join('\n'), true).split('\n');
    for (let k = 0; k < group.length; k++) out[group[k]!] = folded[k]!;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The folding of foldWords; with `lines`, newlines are kept and each line is folded on its own. */
function fold(text: string, lines: boolean): string {
  // Plain ASCII (most names) needs only case, apostrophes and punctuation: the same result, far faster.
  if (ASCII.test(text))
    return trim(
      text
        .toLowerCase()
        .replace(/['`]/g, '')
        .replace(lines ? /[^a-z0-9\n]+/g : /[^a-z0-9]+/g, ' '),
      lines,
    );
  return trim(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[đĐ]/g, 'd')
      .replace(/[ıİ]/g, 'i')
      .replace(/['’`ʼ]/g, '')
      // Arabic-script letters that Arabic, Persian and Pashto keyboards type differently, and the
      // tatweel stretch, so a name typed on either keyboard finds the other.
      .replace(/[\u06CC\u0649\u06D2]/g, '\u064A')
      .replace(/\u06A9/g, '\u0643')
      .replace(/[\u06C1\u06D5\u0629]/g, '\u0647')
      .replace(/\u0640/g, '')
      .replace(lines ? /[^\p{L}\p{N}\n]+/gu : /[^\p{L}\p{N}]+/gu, ' '),
    lines,
  );
}

/** Drops the space a run of punctuation left at either end of the text, or of each line. */
function trim(text: string, lines: boolean): string {
  return lines ? text.replace(/^ | $/gm, '') : text.trim();
}

/** The folded text without spaces, so `al-Qaeda`, `al Qaeda` and `AlQaeda` all meet. */
export function foldKey(text: string): string {
  return foldWords(text).replace(/ /g, '');
}
