/**
 * Text hygiene for names, aliases and quotes: characters that are invisible or reorder text can
 * hide a different id or a forged quote, so they are rejected; every script (Pashto, Arabic…) is fine.
 */

// C0 and C1 controls, and the bidi embedding/override/isolate controls (the "Trojan Source" set).
// Right-to-left and left-to-right marks (U+200E, U+200F) stay allowed: real Arabic-script names use them.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Why a piece of display text is unacceptable, or `null` when it is fine. */
export function textProblem(value: string): string | null {
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `contains the invisible control character U+${code} at position ${bad.index}; remove it`;
  }
  if (value.trim() !== value) return 'has leading or trailing whitespace';
  if (value.trim() === '') return 'must not be empty';
  return null;
}
