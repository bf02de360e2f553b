/** What a relation's statements add up to: supported, disputed, or contested when both stances exist. */

export const STATUSES = ['supported', 'disputed', 'contested'] as const;

/** `supported`: only supporting statements; `disputed`: only disputing ones; `contested`: both. */
export type Status = (typeof STATUSES)[number];

/** The status from statement counts; a relation always has at least one statement. */
export function relationStatus(supports: number, disputes: number): Status {
  return supports > 0 ? (disputes > 0 ? 'contested' : 'supported') : 'disputed';
}
