/**
 * "Would validateDataset accept the dataset this columnar file holds?", answered on the columns:
 * each column is checked against the schema property it carries (read from the same TypeBox
 * schemas and rule lists as the validator), references and vocabularies as integers, and the rules
 * across records on the store's arrays. Any "no" hands over to the validator for the messages; a
 * differential property test keeps the two verdicts equal.
 */
import {
  fieldValueCheck,
  EntitySchemas,
  isAbsoluteUrl,
  nameProblem,
  RECORD_SCHEMAS,
  RedirectSchema,
  tablePlan,
  type Columns,
  type ColumnTable,
  type ColumnView,
  type FieldPlan,
  type TableView,
  wordsProblems,
} from '@claimgraph/schema';
import { mayHoldForbiddenText, TEXT_FIELDS } from '@claimgraph/schema/internal';
import { ALLOWED_SOURCE, ALLOWED_TARGET, CAN_SPEAK, datasetRulesHold } from './quick-check.js';
import type { Store } from './store.js';
import { lastDay } from './time.js';

type Property = { type?: string; pattern?: string; minLength?: number; format?: string };

/** The object schemas of a table: one per entity type, one otherwise. */
function schemasOf(table: ColumnTable): Map<string, { properties: Record<string, Property>; required?: string[] }> {
  const list =
    table === 'entities'
      ? Object.entries(EntitySchemas)
      : [[table, table === 'redirects' ? RedirectSchema : RECORD_SCHEMAS[table]] as const];
  return new Map(list as [string, never][]);
}

/** The characters String.prototype.trim removes. */
function isTrimmed(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function has(column: ColumnView, i: number): boolean {
  switch (column.kind) {
    case 'string':
    case 'strings':
    case 'json':
      return column.present === null || column.present[i] === 1;
    case 'ref':
      return column.values[i] !== -1;
    case 'enum':
      return column.values[i] !== 255;
    case 'date':
      return column.precision[i] !== 255;
    case 'bool':
      return column.values[i] !== 0;
  }
}

const STRING_KEYS = new Set(['type', 'pattern', 'minLength', 'format', 'description']);

/** Whether every value of a column passes, using the column's typed form where the kind allows. */
function columnValuesOk(
  table: ColumnTable,
  column: ColumnView,
  plan: FieldPlan,
  property: Property,
  count: number,
): boolean {
  const expected = plan.kind === 'id' ? 'string' : plan.kind;
  // References in valid data always resolve, so the encoder always writes them as positions.
  if (plan.kind === 'ref') return column.kind === 'ref';
  if (column.kind === expected) {
    switch (column.kind) {
      case 'enum': {
        const allowed = column.terms.map((t) => ((plan as { values: string[] }).values.includes(t) ? 1 : 0));
        for (let i = 0; i < count; i++) if (column.values[i] !== 255 && allowed[column.values[i]!] !== 1) return false;
        return true;
      }
      // readColumns refuses a day outside 0001–9999 or off its precision, and a boolean code other than 0, 1, 2.
      case 'date':
      case 'bool':
        return true;
      case 'string':
        if (Object.keys(property).every((k) => STRING_KEYS.has(k)) && property.type === 'string') {
          const clean = (TEXT_FIELDS[table] ?? []).includes(plan.name);
          const names = table === 'entities' && plan.name === 'name';
          return stringsOk(clean, column.strings.text, column.strings.offsets, column.present, property, names);
        }
        break;
      case 'strings': {
        const items = (property as { items?: Property }).items;
        const keys = Object.keys(property).filter((k) => !['type', 'items', 'uniqueItems', 'description'].includes(k));
        if (!items || keys.length > 0 || !Object.keys(items).every((k) => STRING_KEYS.has(k))) break;
        const { text, offsets } = column.strings;
        // The validator checks aliases as names, item by item.
        const aliases = table === 'entities' && plan.name === 'aliases';
        if (!stringsOk(aliases, text, offsets, null, items, aliases)) return false;
        if ((property as { uniqueItems?: boolean }).uniqueItems === true) {
          for (let i = 0; i < count; i++) {
            const from = column.items[i]!;
            const to = column.items[i + 1]!;
            if (to - from < 2 || !has(column, i)) continue;
            const seen = new Set<string>();
            for (let k = from; k < to; k++) seen.add(column.strings.value(k));
            if (seen.size !== to - from) return false;
          }
        }
        return true;
      }
    }
  }
  // Any other kind (JSON text, a vocabulary too large for codes): each value through the validator's own checks.
  const ok = fieldValueCheck(table, plan.name)!;
  for (let i = 0; i < count; i++) if (has(column, i) && !ok(column.get(i))) return false;
  return true;
}

/**
 * Strings of a column against a string property: length, pattern and format per value; clean text
 * (for the validator's text fields) as one scan of the whole column plus a look at each end; and
 * for names and aliases, the validator's name rules (no invisible characters, NFC) per value.
 */
function stringsOk(
  clean: boolean,
  text: string,
  offsets: Uint32Array,
  present: Uint8Array | null,
  property: Property,
  names = false,
): boolean {
  const count = offsets.length - 1;
  const minLength = property.minLength ?? 0;
  const pattern = property.pattern === undefined ? null : new RegExp(property.pattern);
  const uri = property.format === 'uri';
  if (property.format !== undefined && !uri) return false;
  if (clean && mayHoldForbiddenText(text)) return false;
  for (let i = 0; i < count; i++) {
    if (present !== null && present[i] !== 1) continue;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    // TypeBox counts UTF-16 code units, as the offsets do.
    if (to - from < minLength) return false;
    if (clean && to > from && (isTrimmed(text.charCodeAt(from)) || isTrimmed(text.charCodeAt(to - 1)))) return false;
    if (names && to > from && nameProblem(text.slice(from, to)) !== null) return false;
    if (pattern !== null || uri) {
      const value = text.slice(from, to);
      if (pattern !== null && !pattern.test(value)) return false;
      if (uri && !isAbsoluteUrl(value)) return false;
    }
  }
  return true;
}

/** Every column of a table fits its field: known, of the right kind, required ones complete, values valid. */
function tableOk(table: TableView): boolean {
  const schemas = schemasOf(table.name);
  const plans = new Map(tablePlan(table.name).map((p) => [p.name, p]));
  const count = table.count;
  const propertyOf = (name: string): Property | undefined => {
    for (const schema of schemas.values()) if (schema.properties[name]) return schema.properties[name];
    return undefined;
  };
  for (const column of table.columns) {
    const plan = plans.get(column.name);
    const property = propertyOf(column.name);
    if (!plan || !property) {
      // An unknown field is fine only when no row has it.
      for (let i = 0; i < count; i++) if (has(column, i)) return false;
      continue;
    }
    if (!columnValuesOk(table.name, column, plan, property, count)) return false;
  }
  if (count === 0) return true;
  // Required fields, and (entities) fields their type does not have.
  if (table.name === 'entities') {
    const type = table.column('type');
    if (type?.kind !== 'enum') return false;
    const byTerm = type.terms.map((t) =>
      Object.prototype.hasOwnProperty.call(EntitySchemas, t) ? schemas.get(t)! : null,
    );
    for (const column of table.columns) {
      const allowed = byTerm.map((schema) => (schema !== null && schema.properties[column.name] !== undefined ? 1 : 0));
      const required = byTerm.map((schema) =>
        schema !== null && (schema.required ?? []).includes(column.name) ? 1 : 0,
      );
      for (let i = 0; i < count; i++) {
        const code = type.values[i]!;
        if (code === 255) return false;
        const present = has(column, i);
        if (present ? allowed[code] !== 1 : required[code] === 1) return false;
      }
    }
    for (const schema of schemas.values())
      for (const name of schema.required ?? []) if (table.column(name) === undefined) return false;
  } else {
    const schema = [...schemas.values()][0]!;
    for (const name of schema.required ?? []) {
      const column = table.column(name);
      if (column === undefined) return false;
      for (let i = 0; i < count; i++) if (!has(column, i)) return false;
    }
  }
  return true;
}

/** A date column's first day and last day per row, or null where a row has none. */
function dateColumn(table: TableView, name: string): { days: Int32Array; precision: Uint8Array } | null {
  const column = table.column(name);
  return column?.kind === 'date' ? column : null;
}

/** Start no later than end, on two date columns of one table. */
function orderedDates(table: TableView, startName: string, endName: string): boolean {
  const start = dateColumn(table, startName);
  const end = dateColumn(table, endName);
  if (!start || !end) return true;
  for (let i = 0; i < table.count; i++) {
    if (start.precision[i] === 255 || end.precision[i] === 255) continue;
    if (start.days[i]! > lastDay(end.days[i]!, end.precision[i]!)) return false;
  }
  return true;
}

/**
 * The validator's words rule, on the quote, paraphrase and context columns; rows with an anchor,
 * appearances or `paraphraseBy` go through the validator's own rule, row by row.
 */
function wordsOk(table: TableView): boolean {
  const quote = table.column('quote');
  const paraphrase = table.column('paraphrase');
  const context = table.column('context');
  const extras = ['anchor', 'appearances', 'paraphraseBy'].flatMap((name) => table.column(name) ?? []);
  if (!paraphrase && !context && extras.length === 0) return true;
  const present = (column: ColumnView | undefined, i: number) => column !== undefined && has(column, i);
  for (let i = 0; i < table.count; i++) {
    const q = present(quote, i);
    const p = present(paraphrase, i);
    if (q && p) return false;
    if (present(context, i) && !q && !p) return false;
    if (extras.some((column) => has(column, i)) && wordsProblems(table.row(i) as Record<string, unknown>).length > 0)
      return false;
  }
  return true;
}

/** The redirects: each old id gone, each new id present and of the same kind, none chained or doubled. */
function redirectsOk(table: TableView, store: Store, statementIds: { get(id: string): number | undefined }): boolean {
  const kindOf = (id: string) => (id.startsWith('rel:') ? 1 : id.startsWith('st:') ? 2 : id.startsWith('src:') ? 3 : 0);
  const exists = (id: string) =>
    store.entityIndex.get(id) !== undefined ||
    store.relationIndex.get(id) !== undefined ||
    statementIds.get(id) !== undefined ||
    store.sourceIndex.get(id) !== undefined;
  const seen = new Set<string>();
  for (let i = 0; i < table.count; i++) {
    const row = table.row(i) as { from: string; to: string };
    if (seen.has(row.from)) return false;
    seen.add(row.from);
    if (exists(row.from) || row.from === row.to || !exists(row.to) || kindOf(row.from) !== kindOf(row.to)) return false;
  }
  return true;
}

/**
 * Whether validateDataset (requireSorted: false, as for every release) would accept the dataset in
 * these columns. `store` is the store built from them, without problems.
 */
export function columnsLookValid(
  columns: Columns,
  store: Store,
  statementIds: { get(id: string): number | undefined },
): boolean {
  const tables = columns.tables as Required<Columns['tables']>;
  for (const table of Object.values(columns.tables)) if (!tableOk(table!)) return false;

  // Record rules: id prefix is the type, no self-loop, start before end.
  const entities = tables.entities;
  const ids = entities.column('id');
  const type = entities.column('type');
  if (ids?.kind !== 'string' || type?.kind !== 'enum') return false;
  const prefixes = type.terms.map((t) => `${t}:`);
  const { text, offsets } = ids.strings;
  for (let i = 0; i < entities.count; i++) if (!text.startsWith(prefixes[type.values[i]!]!, offsets[i])) return false;
  if (!orderedDates(entities, 'date', 'end') || !orderedDates(tables.relations, 'start', 'end')) return false;
  // endedBy (over, end unknown) never comes with an end, and not before the start.
  if (!orderedDates(tables.relations, 'start', 'endedBy')) return false;
  const end = tables.relations.column('end');
  const endedBy = tables.relations.column('endedBy');
  if (end && endedBy) for (let r = 0; r < tables.relations.count; r++) if (has(end, r) && has(endedBy, r)) return false;

  // A statement's words: a quote or a paraphrase, not both; context and anchor only with one of them.
  if (!wordsOk(tables.statements)) return false;

  // Rules through references, on positions: endpoint types, who can speak, dates after sources' publication.
  const entityType = store.extras.entityType();
  for (let r = 0; r < store.relations.length; r++) {
    const s = store.relSource[r]!;
    const t = store.relTarget[r]!;
    if (s === t) return false;
    const type = store.relType[r]!;
    if (ALLOWED_SOURCE[type]![entityType[s]!] !== 1 || ALLOWED_TARGET[type]![entityType[t]!] !== 1) return false;
  }
  const statements = tables.statements;
  for (let i = 0; i < statements.count; i++) if (CAN_SPEAK[entityType[store.stSpeaker[i]!]!] !== 1) return false;
  const reportedBy = statements.column('reportedBy');
  if (reportedBy?.kind === 'ref')
    for (let i = 0; i < statements.count; i++) {
      const e = reportedBy.values[i]!;
      if (e !== -1 && CAN_SPEAK[entityType[e]!] !== 1) return false;
    }
  const published = dateColumn(tables.sources, 'published');
  const last = new Int32Array(tables.sources.count).fill(2 ** 31 - 1);
  if (published) {
    const days = store.extras.statementDays().earliest;
    const source = store.extras.statementSource();
    for (let k = 0; k < last.length; k++)
      if (published.precision[k] !== 255) last[k] = lastDay(published.days[k]!, published.precision[k]!);
    for (let i = 0; i < statements.count; i++) if (days[i]! > last[source[i]!]!) return false;
  }
  // Appearances: each names a known source, published on or after the statement's date.
  const appearances = statements.column('appearances');
  if (appearances) {
    const days = store.extras.statementDays().earliest;
    for (let i = 0; i < statements.count; i++) {
      if (!has(appearances, i)) continue;
      const list = appearances.get(i);
      if (!Array.isArray(list)) return false;
      for (const appearance of list as { source?: unknown }[]) {
        const k = typeof appearance?.source === 'string' ? store.sourceIndex.get(appearance.source) : undefined;
        if (k === undefined || days[i]! > last[k]!) return false;
      }
    }
  }
  if (tables.redirects && !redirectsOk(tables.redirects, store, statementIds)) return false;
  // Rules over the whole dataset: a statement for every relation, no relation twice, no part-of cycle.
  return datasetRulesHold(store, false);
}
