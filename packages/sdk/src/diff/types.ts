/** The shape of a dataset diff: what changed between two versions, and the bump it requires. */
import type { Entity, Redirect, Relation, Source, Statement } from '@claimgraph/schema';

export type Bump = 'major' | 'minor' | 'patch' | 'none';
export type RelationStatus = 'supported' | 'disputed' | 'contested';

export interface FieldChange {
  /** JSON pointer to the field inside the record (`/name`, `/attributes/role`). */
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface RecordChange<T> {
  id: string;
  before: T;
  after: T;
  /** The fields that differ; a statement's `appearances` are compared by source instead, in `appearances`. */
  fields: FieldChange[];
  /** Statements only: what changed among the sources that report it (own source and appearances), when anything did. */
  appearances?: AppearanceChange[];
}

/**
 * One change among the sources of a statement. `added` and `removed`: a source now or no longer
 * reports it; `corrected`: its own source replaced by another (`was`); `now-own` and
 * `now-appearance`: a source swapped role; `anchor` and `note`: a citation's anchor or note
 * given, corrected or taken away (`field`).
 */
export interface AppearanceChange {
  /** The source, by its id in the newer version (the older id when it was removed). */
  source: string;
  /** Whether the source is the statement's own (in the newer version; in the older when removed). */
  own: boolean;
  change: 'added' | 'removed' | 'corrected' | 'now-own' | 'now-appearance' | 'anchor' | 'note';
  /** `corrected`: the own source it replaced. */
  was?: string;
  /** `anchor`, `note`: how the value changed, with path `/anchor` or `/note`. */
  field?: FieldChange;
  /** The bump this change needs (see "Versioning appearances" in the schema README). */
  bump: Exclude<Bump, 'none'>;
}

export interface RecordsDiff<T> {
  added: T[];
  removed: T[];
  changed: RecordChange<T>[];
  /** Removed ids that the new version redirects to a replacement. */
  redirected: { from: string; to: string; reason: string }[];
}

export interface StatusChange {
  relation: string;
  /** `absent` when the relation did not exist on that side. */
  before: RelationStatus | 'absent';
  after: RelationStatus | 'absent';
  /** True when the relation had supporting statements before and has none now. */
  lostSupport: boolean;
}

export interface VocabularyDiff {
  added: string[];
  removed: string[];
  /** Terms whose meaning changed: description, symmetry, fewer allowed endpoints, a new exclusion. */
  changed: string[];
  /** Terms that accept more than before: more allowed endpoints, an exclusion dropped, attributes documented. */
  extended: string[];
  /** Terms whose label alone changed. */
  relabelled: string[];
}

/** Why the diff needs the bump it suggests: one line per record or term. */
export interface BumpReason {
  bump: Exclude<Bump, 'none'>;
  message: string;
  /** The record or vocabulary term the reason is about. */
  id?: string;
}

export interface DatasetDiff {
  entities: RecordsDiff<Entity>;
  relations: RecordsDiff<Relation>;
  statements: RecordsDiff<Statement>;
  sources: RecordsDiff<Source>;
  redirects: { added: Redirect[]; removed: Redirect[] };
  vocabulary: VocabularyDiff | null;
  statusChanges: StatusChange[];
  suggestedBump: Bump;
  reasons: BumpReason[];
}
