/**
 * What an export reads: the records of a ClaimGraph or of a plain Dataset, each list in id order
 * and each record in canonical key order, plus the statement counts per relation.
 */
import {
  canonicalRecord,
  compareIds,
  isCanonicalRecord,
  RECORD_KINDS,
  type Dataset,
  type Entity,
  type Redirect,
  type Relation,
  type Source,
  type Statement,
} from '@claimgraph/schema';
import type { ClaimGraph } from '../claim-graph.js';
import { ClaimGraphError } from '../errors.js';
import { relationStatus, type Status } from '../status.js';
import type { ExportKind } from './fields.js';

/** A ClaimGraph, or a dataset as `dataset.json` holds it (already validated: exports check references only). */
export type ExportInput = ClaimGraph | Dataset;

export interface ExportRecords {
  entities: readonly Entity[];
  relations: readonly Relation[];
  statements: readonly Statement[];
  sources: readonly Source[];
  redirects: readonly Redirect[];
  /** True when the records are already canonical copies (from `cg.toJSON()`). */
  canonical: boolean;
  /** True when the input was a plain dataset, whose references have not been checked yet. */
  unchecked: boolean;
}

export type ExportRecord = Entity | Relation | Statement | Source | Redirect;

function isClaimGraph(input: unknown): input is ClaimGraph {
  const candidate = input as { toJSON?: unknown; contested?: unknown; stances?: unknown } | null;
  // Checked by shape, not instanceof: the CommonJS build gives each entry point its own class.
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.toJSON === 'function' &&
    typeof candidate.contested === 'function'
  );
}

function keyOf(kind: ExportKind, record: unknown): string {
  const key = (record as Record<string, unknown> | null)?.[kind === 'redirects' ? 'from' : 'id'];
  return typeof key === 'string' ? key : '';
}

/** The list itself when sorted by id (releases are), else a sorted copy of the references. */
function inIdOrder<T>(kind: ExportKind, records: readonly T[]): readonly T[] {
  for (let i = 1; i < records.length; i++) {
    if (compareIds(keyOf(kind, records[i - 1]), keyOf(kind, records[i])) > 0) {
      return [...records].sort((a, b) => compareIds(keyOf(kind, a), keyOf(kind, b)));
    }
  }
  return records;
}

/**
 * The records to export. A ClaimGraph is read through `cg.toJSON()` (one shallow copy of each
 * record); a Dataset is read as given, with no copy, which is what keeps NDJSON streaming flat.
 */
export function exportRecords(input: ExportInput, method: string): ExportRecords {
  if (isClaimGraph(input)) {
    const data = input.toJSON();
    return { ...data, redirects: data.redirects ?? [], canonical: true, unchecked: false };
  }
  const data = input as Partial<Dataset> | null;
  if (typeof data !== 'object' || data === null || !RECORD_KINDS.every((kind) => Array.isArray(data[kind]))) {
    throw new ClaimGraphError(
      `${method}(): expected a ClaimGraph or a dataset { ${RECORD_KINDS.join(', ')} }, each a list of records`,
    );
  }
  const dataset = data as Dataset;
  for (const kind of [...RECORD_KINDS, 'redirects'] as const) {
    const list = (dataset[kind] ?? []) as unknown[];
    for (let i = 0; i < list.length; i++) {
      const record = list[i];
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new ClaimGraphError(
          `${method}(): ${kind} #${i} is not an object; validate the dataset (claimgraph validate) to see every problem`,
        );
      }
    }
  }
  return {
    entities: inIdOrder('entities', dataset.entities),
    relations: inIdOrder('relations', dataset.relations),
    statements: inIdOrder('statements', dataset.statements),
    sources: inIdOrder('sources', dataset.sources),
    redirects: inIdOrder('redirects', dataset.redirects ?? []),
    canonical: false,
    unchecked: true,
  };
}

/** The records of one kind, each in canonical key order (copied only when it is not already, as release records are). */
export function* canonicalRecords<T extends ExportRecord>(records: ExportRecords, kind: ExportKind): Generator<T> {
  const list = records[kind] as readonly T[];
  for (let i = 0; i < list.length; i++) {
    const record = list[i]!;
    yield records.canonical || isCanonicalRecord(kind, record) ? record : canonicalRecord(kind, record);
  }
}

/** Per relation (in id order): its statement counts and status. */
export interface RelationStats {
  supports: Int32Array;
  disputes: Int32Array;
  status(position: number): Status;
}

/** Each relation's position by its id. */
function indexById(relations: readonly Relation[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let r = 0; r < relations.length; r++) index.set(relations[r]!.id, r);
  return index;
}

/**
 * Counts the statements on each side of each relation. For a plain dataset it also checks every
 * reference an export follows, so a broken one is an error naming the record and field, not a
 * crash deep in a writer.
 */
export function relationStats(records: ExportRecords, method: string): RelationStats {
  const { relations, statements } = records;
  const relationIndex = indexById(relations);
  const fail = (kind: string, id: string, field: string, problem: string): never => {
    throw new ClaimGraphError(
      `${method}(): ${kind}: ${id} /${field}: ${problem}; validate the dataset (claimgraph validate) to see every problem`,
    );
  };
  if (records.unchecked) {
    const entities = new Set(records.entities.map((e) => e.id));
    const sources = new Set(records.sources.map((s) => s.id));
    for (const relation of relations) {
      for (const field of ['source', 'target'] as const) {
        if (!entities.has(relation[field]))
          fail('relations', relation.id, field, `unknown entity ${JSON.stringify(relation[field])}`);
      }
    }
    for (const statement of statements) {
      if (!relationIndex.has(statement.relation))
        fail('statements', statement.id, 'relation', `unknown relation ${JSON.stringify(statement.relation)}`);
      if (!entities.has(statement.speaker))
        fail('statements', statement.id, 'speaker', `unknown entity ${JSON.stringify(statement.speaker)}`);
      if (!sources.has(statement.source))
        fail('statements', statement.id, 'source', `unknown source ${JSON.stringify(statement.source)}`);
      if (statement.reportedBy !== undefined && !entities.has(statement.reportedBy)) {
        fail('statements', statement.id, 'reportedBy', `unknown entity ${JSON.stringify(statement.reportedBy)}`);
      }
    }
  }
  const supports = new Int32Array(relations.length);
  const disputes = new Int32Array(relations.length);
  countStances(statements, relationIndex, supports, disputes);
  return { supports, disputes, status: (r) => relationStatus(supports[r]!, disputes[r]!) };
}

/**
 * Adds each statement to its relation's supports or disputes. A function of its own: this loop
 * runs once per build, so it is optimised while it runs (on-stack), and in relationStats the
 * reference checks it skips would leave the optimised code without feedback, and bail out.
 */
function countStances(
  statements: readonly Statement[],
  relationIndex: ReadonlyMap<string, number>,
  supports: Int32Array,
  disputes: Int32Array,
): void {
  // Indexed, not for…of: the JIT would not remove the iterator's objects in time.
  for (let s = 0; s < statements.length; s++) {
    const statement = statements[s]!;
    const r = relationIndex.get(statement.relation)!;
    if (statement.stance === 'disputes') disputes[r]!++;
    else supports[r]!++;
  }
}
