/**
 * A diff as text a journalist can follow: a changelog of added, removed and corrected records, the
 * claims that changed status, and why the version must move as it does.
 */
import { pushAll } from '@claimgraph/schema';
import type { Entity, Relation, Source, Statement } from '@claimgraph/schema';
import { appearanceText, CITATION_PATH } from './appearances.js';
import type { AppearanceChange, DatasetDiff, FieldChange, RecordChange, RecordsDiff } from './types.js';

export interface FormatDiffOptions {
  /** How to name the two sides (`1.0.0`, a path). */
  from?: string;
  to?: string;
  /** How many records to list per group before summarising the rest. */
  limit?: number;
}

const DEFAULTS = { from: 'before', to: 'after', limit: 50 };

const value = (v: unknown) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

function describe(kind: string, record: Entity | Relation | Statement | Source): string {
  switch (kind) {
    case 'entities': {
      const e = record as Entity;
      return `${e.name} (${e.type})`;
    }
    case 'relations': {
      const r = record as Relation;
      return `${r.source} ${r.type} ${r.target}`;
    }
    case 'statements': {
      const s = record as Statement;
      const words = s.quote ?? s.paraphrase;
      const short = words && words.length > 70 ? `${words.slice(0, 69)}…` : words;
      const shown = short === undefined ? '' : s.quote !== undefined ? `: “${short}”` : `: ${short}`;
      return `${s.speaker} ${s.stance} ${s.relation} on ${s.date}${shown}`;
    }
    default:
      return (record as Source).title;
  }
}

/**
 * Two long strings that differ late (a note gaining a sentence) would look identical when both are
 * cut at 80 characters: show each from a little before the first difference instead.
 */
function changedStrings(before: string, after: string): [string, string] {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  const start = Math.max(0, i - 20);
  const window = (s: string) => (start > 0 ? `…${value(s.slice(start))}` : value(s));
  return [window(before), window(after)];
}

function fieldLine(field: FieldChange): string {
  if (field.change === 'added') return `${field.path} added: ${value(field.after)}`;
  if (field.change === 'removed') return `${field.path} removed (was ${value(field.before)})`;
  return `${field.path}: ${changedValues(field)}`;
}

function changedValues(field: FieldChange): string {
  const [before, after] =
    typeof field.before === 'string' && typeof field.after === 'string'
      ? changedStrings(field.before, field.after)
      : [value(field.before), value(field.after)];
  return `${before} → ${after}`;
}

/** A change among a statement's sources, in words, with the old and new anchor or note. */
function appearanceLine(a: AppearanceChange): string {
  const text = appearanceText(a);
  if (!a.field) return text;
  if (a.field.change === 'added') return `${text}: ${value(a.field.after)}`;
  if (a.field.change === 'removed') return `${text} (was ${value(a.field.before)})`;
  return `${text}: ${changedValues(a.field)}`;
}

/** The lines under a changed record: its fields, and for a statement what changed among its sources. */
function changeLines(c: RecordChange<unknown>): string[] {
  const cited = c.appearances ?? [];
  // The sources' lines say in words what the /source and /anchor field changes would show as values.
  const fields = cited.length > 0 ? c.fields.filter((f) => !CITATION_PATH.test(f.path)) : c.fields;
  return [...fields.map((f) => `      ${fieldLine(f)}`), ...cited.map((a) => `      ${appearanceLine(a)}`)];
}

export function formatDiff(d: DatasetDiff, options: FormatDiffOptions = {}): string {
  const { from, to, limit } = { ...DEFAULTS, ...options };
  const lines: string[] = [`Changes from ${from} to ${to} — suggested version bump: ${d.suggestedBump}`];
  const groups = [
    ['entities', 'Entities'],
    ['relations', 'Relations'],
    ['statements', 'Statements'],
    ['sources', 'Sources'],
  ] as const;
  for (const [kind, title] of groups) {
    const g = d[kind] as RecordsDiff<Entity | Relation | Statement | Source>;
    const total = g.added.length + g.removed.length + g.changed.length + g.redirected.length;
    if (total === 0) continue;
    lines.push(
      '',
      `${title}: ${g.added.length} added, ${g.removed.length} removed, ${g.changed.length} changed${g.redirected.length ? `, ${g.redirected.length} renamed` : ''}`,
    );
    const items: string[] = [
      ...g.added.map((r) => `  + ${r.id}  ${describe(kind, r)}`),
      ...g.removed.map((r) => `  - ${r.id}  ${describe(kind, r)}`),
      ...g.redirected.map((r) => `  → ${r.from} is now ${r.to} (${r.reason})`),
      ...g.changed.flatMap((c) => [`  ~ ${c.id}`, ...changeLines(c)]),
    ];
    pushAll(lines, items.slice(0, limit * 3));
    if (items.length > limit * 3)
      lines.push(`  … and ${items.length - limit * 3} more lines (use --json for everything)`);
  }
  if (d.vocabulary && (Object.values(d.vocabulary) as string[][]).some((t) => t.length > 0)) {
    lines.push('', 'Vocabulary:');
    for (const [label, terms] of Object.entries(d.vocabulary) as [string, string[]][])
      if (terms.length) lines.push(`  ${label}: ${terms.join(', ')}`);
  }
  if (d.statusChanges.length) {
    lines.push('', 'Claims that changed status:');
    for (const s of d.statusChanges)
      lines.push(
        `  ${s.relation}: ${s.before} → ${s.after}${s.lostSupport ? ' (lost its last supporting statement)' : ''}`,
      );
  }
  if (d.reasons.length === 0) lines.push('', 'No changes.');
  else {
    const required = d.reasons.filter((r) => r.bump === d.suggestedBump);
    lines.push('', `Why ${d.suggestedBump}:`);
    for (const r of required.slice(0, 10)) lines.push(`  ${r.message}`);
    if (required.length > 10) lines.push(`  … and ${required.length - 10} more`);
  }
  return lines.join('\n');
}
