/**
 * The judgements file: a curator's explicit, versioned decisions that two ids name one real thing
 * (`same`) or two (`different`). Merging joins ids only through it (and redirects), never by guessing.
 */
import { ID_PATTERNS, partialDateProblem, textProblem } from '@claimgraph/schema';
import { ClaimGraphLoadError } from '../errors.js';

/** The judgements file format this SDK reads. */
export const JUDGEMENTS_VERSION = 1;

/** One decision about two ids of the same kind (two entities, or two sources). */
export interface Judgement {
  /** An entity or source id. When judged `same`, the two become one record (see `ClaimGraph.merge`). */
  left: string;
  /** An id of the same kind as `left`. */
  right: string;
  judgement: 'same' | 'different';
  /** Who decided: a name or handle. */
  by: string;
  /** When, `YYYY-MM-DD`. */
  date: string;
  /** Why, in the curator's words. */
  reason: string;
}

/** `{ "version": 1, "judgements": [...] }`, as a file holds it. */
export interface JudgementsFile {
  version: typeof JUDGEMENTS_VERSION;
  judgements: Judgement[];
}

/** The judgements, checked, with the file they came from (for messages). */
export interface Judgements {
  file: string;
  judgements: readonly Judgement[];
}

const FIELDS = ['left', 'right', 'judgement', 'by', 'date', 'reason'] as const;
const JOINABLE = [
  { kind: 'entity', pattern: new RegExp(ID_PATTERNS.entity) },
  { kind: 'source', pattern: new RegExp(ID_PATTERNS.source) },
] as const;

/** The kind of record an id names, as judgements may join it: entity or source, else null. */
export function joinableKind(id: string): 'entity' | 'source' | null {
  return JOINABLE.find((k) => k.pattern.test(id))?.kind ?? null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a parsed judgements file: its shape, every field, and that it does not contradict itself
 * (a pair judged twice, or two ids judged `different` that a chain of `same` judgements joins).
 * Throws ClaimGraphLoadError naming the file, the judgement and the field.
 */
export function readJudgements(value: unknown, file: string): Judgements {
  const fail = (where: string, problem: string): never => {
    throw new ClaimGraphLoadError(file, `${where}${problem}`);
  };
  if (!isObject(value)) fail('', 'must hold an object { "version": 1, "judgements": [...] }');
  const top = value as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (key !== 'version' && key !== 'judgements') fail(`/${key}: `, 'unknown field; allowed are version, judgements');
  if (top.version !== JUDGEMENTS_VERSION)
    fail(
      '/version: ',
      typeof top.version === 'number' && top.version > JUDGEMENTS_VERSION
        ? `${top.version} is newer than this @claimgraph/sdk reads (${JUDGEMENTS_VERSION}); update @claimgraph/sdk`
        : `must be ${JUDGEMENTS_VERSION}, not ${JSON.stringify(top.version)}`,
    );
  if (!Array.isArray(top.judgements)) fail('/judgements: ', 'must be a list');
  const list = top.judgements as unknown[];
  const out: Judgement[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const where = (field: string) => `judgements[${i}]${field ? ` /${field}` : ''}: `;
    const entry = list[i];
    if (!isObject(entry)) fail(where(''), `must be an object with ${FIELDS.join(', ')}`);
    const j = entry as Record<string, unknown>;
    for (const key of Object.keys(j))
      if (!(FIELDS as readonly string[]).includes(key))
        fail(where(key), `unknown field; allowed are ${FIELDS.join(', ')}`);
    for (const field of FIELDS) {
      const v = j[field];
      if (typeof v !== 'string') fail(where(field), `is required, a string, not ${JSON.stringify(v)}`);
      const problem = textProblem(v as string);
      if (problem) fail(where(field), problem);
    }
    const { left, right, judgement, date } = j as unknown as Judgement;
    for (const field of ['left', 'right'] as const) {
      const id = j[field] as string;
      if (joinableKind(id) === null)
        fail(
          where(field),
          /^(rel|st):/.test(id)
            ? `${JSON.stringify(id)}: only entities and sources are judged; relations join when their type, ends and dates agree, statements when their ids do`
            : `${JSON.stringify(id)} is not an entity or source id`,
        );
    }
    if (left === right) fail(where('right'), `is the same id as left (${JSON.stringify(left)})`);
    if (joinableKind(left) !== joinableKind(right))
      fail(where('right'), `${JSON.stringify(right)} is not of the same kind as ${JSON.stringify(left)}`);
    if (judgement !== 'same' && judgement !== 'different')
      fail(where('judgement'), `must be "same" or "different", not ${JSON.stringify(judgement)}`);
    const dateProblem = date.length === 10 ? partialDateProblem(date) : 'must be a full date, YYYY-MM-DD';
    if (dateProblem) fail(where('date'), `${JSON.stringify(date)} ${dateProblem.replace(/^"[^"]*" /, '')}`);
    const pair = left < right ? `${left} ${right}` : `${right} ${left}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      const before = out[earlier]!.judgement;
      fail(
        where(''),
        before === judgement
          ? `${left} and ${right} are already judged ${judgement} in judgements[${earlier}]; keep one`
          : `${left} and ${right} are judged ${judgement} here and ${before} in judgements[${earlier}]; decide once`,
      );
    }
    seen.set(pair, i);
    out.push(j as unknown as Judgement);
  }
  checkConsistent(out, fail);
  return { file, judgements: out };
}

/** Two ids judged `different` must not be joined by a chain of `same` judgements. */
function checkConsistent(judgements: Judgement[], fail: (where: string, problem: string) => never): void {
  const groups = new SameGroups();
  judgements.forEach((j, i) => j.judgement === 'same' && groups.join(j.left, j.right, i));
  judgements.forEach((j, i) => {
    if (j.judgement !== 'different' || groups.find(j.left) !== groups.find(j.right)) return;
    const chain = groups.chain(j.left, j.right).map((k) => `judgements[${k}]`);
    fail(
      `judgements[${i}]: `,
      `${j.left} and ${j.right} are judged different, but ${chain.join(', ')} judge them the same; decide once`,
    );
  });
}

/** Union-find over ids, remembering which judgement joined which ids, to name a contradiction's chain. */
export class SameGroups {
  readonly #parent = new Map<string, string>();
  readonly #edges = new Map<string, { to: string; judgement: number }[]>();

  find(id: string): string {
    let root = id;
    while (this.#parent.has(root) && this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    // Path compression keeps long chains of judgements cheap.
    let node = id;
    while (node !== root) {
      const next = this.#parent.get(node)!;
      this.#parent.set(node, root);
      node = next;
    }
    return root;
  }

  join(a: string, b: string, judgement: number): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.#edges.get(x) ?? [];
      list.push({ to: y, judgement });
      this.#edges.set(x, list);
    }
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(rb, ra);
  }

  /** The judgements on a shortest chain from `a` to `b` (they are in one group). */
  chain(a: string, b: string): number[] {
    const via = new Map<string, { from: string; judgement: number }>([[a, { from: a, judgement: -1 }]]);
    const queue = [a];
    for (let k = 0; k < queue.length && !via.has(b); k++)
      for (const edge of this.#edges.get(queue[k]!) ?? [])
        if (!via.has(edge.to)) {
          via.set(edge.to, { from: queue[k]!, judgement: edge.judgement });
          queue.push(edge.to);
        }
    const out: number[] = [];
    for (let node = b; node !== a; node = via.get(node)!.from) out.push(via.get(node)!.judgement);
    return out.sort((x, y) => x - y);
  }

  /** Every id in a group of more than one, with its group's root. */
  members(): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of this.#edges.keys()) out.set(id, this.find(id));
    return out;
  }
}
