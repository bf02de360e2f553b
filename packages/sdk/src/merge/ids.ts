/**
 * Which id each record of several datasets ends up under: every dataset's redirects applied to all
 * of them, then the judgements file's `same` groups; clashes between redirects are errors.
 */
import { compareIds, pushAll, type Redirect } from '@claimgraph/schema';
import { ClaimGraphLoadError, ClaimGraphMergeError } from '../errors.js';
import type { Store } from '../store.js';
import { SameGroups, type Judgements } from './judgements.js';

export interface Labelled {
  label: string;
  store: Store;
  redirects: readonly Redirect[];
}

/** Redirects of every dataset, as one map: old id → the id it now leads to, after any chain. */
export function unitedRedirects(inputs: readonly Labelled[]): Map<string, { to: string; datasets: number[] }> {
  const direct = new Map<string, { to: string; datasets: number[] }>();
  inputs.forEach((input, d) => {
    for (const r of input.redirects) {
      const known = direct.get(r.from);
      if (known === undefined) direct.set(r.from, { to: r.to, datasets: [d] });
      else if (known.to === r.to) known.datasets.push(d);
      else {
        const a = inputs[known.datasets[0]!]!.label;
        throw new ClaimGraphMergeError(
          r.from,
          '/to',
          [a, input.label],
          `${a} redirects it to ${JSON.stringify(known.to)}, ${input.label} to ${JSON.stringify(r.to)}; one old id can lead to one record only`,
        );
      }
    }
  });
  // A redirect of one dataset may lead to an id another dataset redirects on: follow the chain.
  const out = new Map<string, { to: string; datasets: number[] }>();
  for (const [from, first] of direct) {
    let to = first.to;
    const seen = new Set([from]);
    const datasets = [...first.datasets];
    for (let next = direct.get(to); next !== undefined; next = direct.get(to)) {
      if (seen.has(to)) {
        const names = [...new Set(datasets.map((d) => inputs[d]!.label))];
        throw new ClaimGraphMergeError(
          from,
          '/to',
          names,
          `the redirects of ${names.join(' and ')} lead in a circle (${[...seen, to].join(' → ')})`,
        );
      }
      seen.add(to);
      pushAll(datasets, next.datasets);
      to = next.to;
    }
    out.set(from, { to, datasets });
  }
  return out;
}

type Kind = 'entity' | 'source';

/**
 * The `same` groups of a judgements file over the datasets: id → the id its group keeps (the
 * record of the first dataset, in load order, that has one of the group's ids; then the lowest id).
 * Every judged id must name a record (directly or through a redirect) in some dataset.
 */
export function judgedGroups(
  inputs: readonly Labelled[],
  judgements: Judgements | undefined,
  redirected: (id: string) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!judgements) return out;
  const firstHolder = (kind: Kind, id: string): number => {
    for (let d = 0; d < inputs.length; d++) {
      const index = kind === 'entity' ? inputs[d]!.store.entityIndex : inputs[d]!.store.sourceIndex;
      if (index.get(id) !== undefined) return d;
    }
    return -1;
  };
  const groups = new SameGroups();
  const holder = new Map<string, number>();
  judgements.judgements.forEach((j, i) => {
    const kind: Kind = j.left.startsWith('src:') ? 'source' : 'entity';
    for (const field of ['left', 'right'] as const) {
      const id = redirected(j[field]);
      const d = firstHolder(kind, id);
      if (d < 0)
        throw new ClaimGraphLoadError(
          judgements.file,
          `judgements[${i}] /${field}: ${JSON.stringify(j[field])} is no ${kind} of ${inputs.map((x) => x.label).join(', ')}`,
        );
      holder.set(id, d);
    }
    if (j.judgement === 'same') groups.join(redirected(j.left), redirected(j.right), i);
  });
  judgements.judgements.forEach((j, i) => {
    if (j.judgement !== 'different') return;
    const [a, b] = [redirected(j.left), redirected(j.right)];
    if (groups.find(a) !== groups.find(b)) return;
    throw new ClaimGraphLoadError(
      judgements.file,
      `judgements[${i}]: ${j.left} and ${j.right} are judged different, but ${
        a === b ? `redirects lead both to ${a}` : 'redirects and same-judgements join them'
      }; decide once`,
    );
  });
  const members = groups.members();
  const kept = new Map<string, string>();
  for (const [id, root] of members) {
    const best = kept.get(root);
    if (
      best === undefined ||
      holder.get(id)! < holder.get(best)! ||
      (holder.get(id) === holder.get(best) && compareIds(id, best) < 0)
    )
      kept.set(root, id);
  }
  for (const [id, root] of members) if (kept.get(root) !== id) out.set(id, kept.get(root)!);
  return out;
}
