/**
 * The record model, written once as TypeBox schemas: the TypeScript types (`Static`) and the
 * published JSON Schemas are both derived from these objects, never written twice.
 */
import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { PARTIAL_DATE_PATTERN } from './dates.js';
import { ENTITY_TYPES, RELATION_TYPES, STANCES, type EntityType } from './vocabulary.js';

export const SCHEMA_BASE_URL = 'https://claimgraph.dev/schema/v1';

/** A lower-case slug: letters, digits and single hyphens (`sirajuddin-haqqani`). */
const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';

export const ID_PATTERNS = {
  entity: `^(${ENTITY_TYPES.join('|')}):${SLUG}$`,
  relation: `^rel:${SLUG}$`,
  statement: `^st:${SLUG}$`,
  source: `^src:${SLUG}$`,
} as const;

/** The longest `context` a statement may carry: one line under a quote in a chart. */
export const CONTEXT_MAX_LENGTH = 160;

const Text = (description: string) => Type.String({ minLength: 1, description });
const PartialDateSchema = (description: string) =>
  Type.String({
    pattern: PARTIAL_DATE_PATTERN,
    description: `${description} ISO 8601 with its precision kept: YYYY, YYYY-MM or YYYY-MM-DD.`,
  });
const EntityRef = (description: string) => Type.String({ pattern: ID_PATTERNS.entity, description });

const entityBase = {
  id: Type.String({
    pattern: ID_PATTERNS.entity,
    description: 'Stable id: the entity type, a colon and a slug (`person:sirajuddin-haqqani`).',
  }),
  name: Text('The name the source uses.'),
  aliases: Type.Optional(
    Type.Array(Text('An alternative name or spelling.'), {
      uniqueItems: true,
      description: 'Other names and spellings, for search.',
    }),
  ),
  description: Type.Optional(Text('One or two sentences on who or what this is, as the source describes it.')),
};

const organizationFields = {
  founded: Type.Optional(PartialDateSchema('When it was founded.')),
};

/** A closed schema for one entity type: the common fields, the type literal and its own fields. */
function entityOf<T extends EntityType, P extends TProperties>(type: T, fields: P) {
  return Type.Object(
    {
      id: entityBase.id,
      type: Type.Literal(type, { description: 'The entity type; also the prefix of the id.' }),
      name: entityBase.name,
      aliases: entityBase.aliases,
      description: entityBase.description,
      ...fields,
    },
    { additionalProperties: false, title: `Entity (${type})` },
  );
}

export const PersonSchema = entityOf('person', {
  role: Type.Optional(Text('The role or title the source gives (`Pentagon spokesman`).')),
  deceased: Type.Optional(Type.Boolean({ description: 'True when the source says the person has died.' })),
});
export const ArmedGroupSchema = entityOf('armed-group', organizationFields);
export const OrganizationSchema = entityOf('organization', organizationFields);
export const GovernmentBodySchema = entityOf('government-body', organizationFields);
export const InternationalBodySchema = entityOf('international-body', organizationFields);
export const ProgrammeSchema = entityOf('programme', organizationFields);
export const MediaOutletSchema = entityOf('media-outlet', {
  ...organizationFields,
  url: Type.Optional(Type.String({ format: 'uri', description: 'Home page.' })),
});
export const PlaceSchema = entityOf('place', {
  placeKind: Type.Optional(
    Type.Union(
      [
        Type.Literal('country'),
        Type.Literal('province'),
        Type.Literal('city'),
        Type.Literal('district'),
        Type.Literal('region'),
        Type.Literal('site'),
      ],
      {
        description: 'What kind of place.',
      },
    ),
  ),
});
export const EventSchema = entityOf('event', {
  date: Type.Optional(PartialDateSchema('When the event happened (or began).')),
  end: Type.Optional(PartialDateSchema('When the event ended, if it lasted.')),
});
export const DocumentSchema = entityOf('document', {
  documentKind: Type.Optional(
    Type.Union(
      [
        Type.Literal('report'),
        Type.Literal('op-ed'),
        Type.Literal('article'),
        Type.Literal('magazine'),
        Type.Literal('web-page'),
        Type.Literal('interview'),
        Type.Literal('briefing'),
        Type.Literal('statement'),
      ],
      { description: 'What kind of document.' },
    ),
  ),
  published: Type.Optional(PartialDateSchema('When it was published.')),
  url: Type.Optional(Type.String({ format: 'uri', description: 'Where it can be read.' })),
});

/** One closed schema per entity type: the validator picks the one named by `type`. */
export const EntitySchemas = {
  person: PersonSchema,
  'armed-group': ArmedGroupSchema,
  organization: OrganizationSchema,
  'government-body': GovernmentBodySchema,
  'international-body': InternationalBodySchema,
  programme: ProgrammeSchema,
  place: PlaceSchema,
  event: EventSchema,
  document: DocumentSchema,
  'media-outlet': MediaOutletSchema,
} satisfies Record<EntityType, TObject>;

export const EntitySchema = Type.Union(
  [
    PersonSchema,
    ArmedGroupSchema,
    OrganizationSchema,
    GovernmentBodySchema,
    InternationalBodySchema,
    ProgrammeSchema,
    PlaceSchema,
    EventSchema,
    DocumentSchema,
    MediaOutletSchema,
  ],
  {
    $id: `${SCHEMA_BASE_URL}/entity.schema.json`,
    title: 'Entity',
    description: 'A person, group, body, place, event or document.',
  },
);

export const RelationSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERNS.relation, description: 'Stable id (`rel:` and a slug).' }),
    type: Type.Union(
      RELATION_TYPES.map((t) => Type.Literal(t)),
      { description: 'A relation type from the vocabulary.' },
    ),
    source: EntityRef('Entity id the relation goes from.'),
    target: EntityRef('Entity id the relation goes to.'),
    start: Type.Optional(PartialDateSchema('When the relation began to hold.')),
    end: Type.Optional(PartialDateSchema('When the relation stopped holding.')),
    endedBy: Type.Optional(
      PartialDateSchema(
        'The relation is over, its end date unknown: it had stopped holding by this date ("former president", "previously", "now deceased" in a source of that date). asOf() leaves it out from this date on.',
      ),
    ),
    attributes: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z][a-zA-Z0-9]*$' }),
        Type.Union([Type.String({ minLength: 1 }), Type.Number(), Type.Boolean()]),
        {
          // Without this, patternProperties alone lets any other key through with any value.
          additionalProperties: false,
          description: 'Qualifiers such as `{ "role": "deputy leader" }` or `{ "kinship": "nephew" }`.',
        },
      ),
    ),
    note: Type.Optional(Text("A curator's note on how the relation was read from its sources.")),
  },
  {
    $id: `${SCHEMA_BASE_URL}/relation.schema.json`,
    title: 'Relation',
    description: 'A proposition about two entities; it is only as good as the statements behind it.',
    additionalProperties: false,
  },
);

export const StatementSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERNS.statement, description: 'Stable id (`st:` and a slug).' }),
    relation: Type.String({ pattern: ID_PATTERNS.relation, description: 'The relation the statement is about.' }),
    speaker: EntityRef('Who said it: an entity id.'),
    stance: Type.Union(
      STANCES.map((s) => Type.Literal(s)),
      { description: 'Whether the speaker supports or disputes the relation.' },
    ),
    date: PartialDateSchema('When it was said.'),
    quote: Type.Optional(Text("The speaker's words, verbatim as the source prints them.")),
    paraphrase: Type.Optional(
      Text(
        "For a statement without a direct quote: the source's own words reporting what was said, verbatim (`the U.S. would continue to ask the Taliban to assist with security`). Not with `quote`.",
      ),
    ),
    context: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: CONTEXT_MAX_LENGTH,
        description:
          'What the quote or paraphrase answers or refers to, shown under it (`denying reports of a rift between the Haqqanis and the Taliban`). Needs `quote` or `paraphrase`.',
      }),
    ),
    anchor: Type.Optional(
      Type.Object(
        {
          type: Type.Literal('TextPositionSelector', { description: 'A W3C Web Annotation TextPositionSelector.' }),
          start: Type.Integer({ minimum: 0, description: 'Offset of the first character, in Unicode code points.' }),
          end: Type.Integer({
            minimum: 1,
            description: 'Offset just past the last character, in Unicode code points.',
          }),
          snapshot: Type.String({
            pattern: '^[0-9a-f]{64}$',
            description: 'The sha256 of the source text snapshot the offsets were measured on.',
          }),
        },
        {
          additionalProperties: false,
          description:
            'Where the quote (or paraphrase) sits in a text snapshot of its source, written by `claimgraph quotes --anchor`; the snapshot itself stays outside the dataset.',
        },
      ),
    ),
    source: Type.String({ pattern: ID_PATTERNS.source, description: 'The source that reports the statement.' }),
    hedged: Type.Optional(
      Type.Boolean({ description: 'True when the speaker qualifies the claim ("may", "reportedly").' }),
    ),
    reportedBy: Type.Optional(
      EntityRef(
        'When the statement reaches us second-hand: the entity whose account carries it (a report quoting a member state).',
      ),
    ),
    note: Type.Optional(Text('How the date was resolved, or how the quote was read.')),
  },
  {
    $id: `${SCHEMA_BASE_URL}/statement.schema.json`,
    title: 'Statement',
    description: 'A speaker supports or disputes a relation, on a date, in a quote, from a cited source.',
    additionalProperties: false,
  },
);

export const SourceSchema = Type.Object(
  {
    id: Type.String({ pattern: ID_PATTERNS.source, description: 'Stable id (`src:` and a slug).' }),
    title: Text('Title as published.'),
    publisher: Text('Who published it.'),
    author: Type.Optional(Text('Who wrote it.')),
    url: Type.Optional(Type.String({ format: 'uri', description: 'Where it was published.' })),
    published: Type.Optional(PartialDateSchema('When it was published.')),
    note: Type.Optional(Text('How the publication date was established, or other provenance.')),
  },
  {
    $id: `${SCHEMA_BASE_URL}/source.schema.json`,
    title: 'Source',
    description: 'A cited source: an article, report or transcript.',
    additionalProperties: false,
  },
);

export const RedirectSchema = Type.Object(
  {
    from: Type.String({
      pattern: `(${ID_PATTERNS.entity})|(${ID_PATTERNS.relation})|(${ID_PATTERNS.statement})|(${ID_PATTERNS.source})`,
      description: 'The id that no longer exists.',
    }),
    to: Type.String({
      minLength: 1,
      description: 'The id that replaces it: a record of the same kind in this dataset.',
    }),
    reason: Text('Why the id changed: "merged with …", "renamed to the spelling the source uses".'),
    date: PartialDateSchema('When the id changed.'),
  },
  {
    $id: `${SCHEMA_BASE_URL}/redirect.schema.json`,
    title: 'Redirect',
    description: 'Keeps an old id working after a record was renamed or merged, so releases stay compatible.',
    additionalProperties: false,
  },
);

export type Entity = Static<typeof EntitySchema>;
export type Relation = Static<typeof RelationSchema>;
export type Statement = Static<typeof StatementSchema>;
export type Source = Static<typeof SourceSchema>;
export type Redirect = Static<typeof RedirectSchema>;

/** The four record kinds, in the order files and releases list them. */
export const RECORD_KINDS = ['entities', 'relations', 'statements', 'sources'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A whole dataset in memory: what `dataset.json` holds. */
export interface Dataset {
  entities: Entity[];
  relations: Relation[];
  statements: Statement[];
  sources: Source[];
  /** Old ids and the ids that replaced them (`data/redirects.json`); absent when there are none. */
  redirects?: Redirect[];
}

export const RECORD_SCHEMAS: Record<RecordKind, TSchema> = {
  entities: EntitySchema,
  relations: RelationSchema,
  statements: StatementSchema,
  sources: SourceSchema,
};

export const DatasetSchema = Type.Object(
  {
    entities: Type.Array(Type.Ref(`${SCHEMA_BASE_URL}/entity.schema.json`)),
    relations: Type.Array(Type.Ref(`${SCHEMA_BASE_URL}/relation.schema.json`)),
    statements: Type.Array(Type.Ref(`${SCHEMA_BASE_URL}/statement.schema.json`)),
    sources: Type.Array(Type.Ref(`${SCHEMA_BASE_URL}/source.schema.json`)),
    redirects: Type.Optional(Type.Array(Type.Ref(`${SCHEMA_BASE_URL}/redirect.schema.json`))),
  },
  { $id: `${SCHEMA_BASE_URL}/dataset.schema.json`, title: 'Dataset', additionalProperties: false },
);

/** The file in a dataset's `data/` folder that holds each record kind. */
export const RECORD_FILES: Record<RecordKind, string> = {
  entities: 'entities.json',
  relations: 'relations.json',
  statements: 'statements.json',
  sources: 'sources.json',
};

/** The optional file of redirects in a dataset's `data/` folder. */
export const REDIRECTS_FILE = 'redirects.json';
