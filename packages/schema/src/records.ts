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

/** A BCP 47 language tag, as far as datasets need: a language subtag and optional subtags. */
export const LANGUAGE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';

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

/** The longest `prefix` or `suffix` of a TextQuoteSelector: a few words either side, never a passage. */
export const SELECTOR_CONTEXT_MAX_LENGTH = 64;

export const TextPositionSelectorSchema = Type.Object(
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
    title: 'TextPositionSelector',
    description:
      'Where the words sit in a text snapshot of their source, written by `claimgraph quotes --anchor`; the snapshot itself stays outside the dataset.',
  },
);

const SelectorContext = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: SELECTOR_CONTEXT_MAX_LENGTH, description }));

export const TextQuoteSelectorSchema = Type.Object(
  {
    type: Type.Literal('TextQuoteSelector', { description: 'A W3C Web Annotation TextQuoteSelector.' }),
    exact: Text('The words exactly as the source prints them: the quote, or the source-worded paraphrase.'),
    prefix: SelectorContext('The few characters right before the words in the source, to tell repeats apart.'),
    suffix: SelectorContext('The few characters right after the words in the source.'),
  },
  {
    additionalProperties: false,
    title: 'TextQuoteSelector',
    description:
      'Finds the words again in the live source without a stored snapshot: for sources whose text the curators do not keep.',
  },
);

export const AnchorSchema = Type.Union([TextPositionSelectorSchema, TextQuoteSelectorSchema], {
  description:
    'Where the quote (or source-worded paraphrase) sits in its source: by position in a kept snapshot, or by the exact words and a few characters either side.',
});

export const AppearanceSchema = Type.Object(
  {
    source: Type.String({ pattern: ID_PATTERNS.source, description: 'Another source that reports the same words.' }),
    anchor: Type.Optional(AnchorSchema),
    note: Type.Optional(
      Text('How this source reports the words: a verbatim reprint, a shortened quote, another attribution.'),
    ),
  },
  {
    additionalProperties: false,
    title: 'Appearance',
    description: "One more source that reports a statement's words, with where they sit in it.",
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
        'For a statement without a direct quote: what was said, in the source\'s own words, verbatim (`the U.S. would continue to ask the Taliban to assist with security`), or in the curator\'s (`paraphraseBy: "curator"`). Not with `quote`.',
      ),
    ),
    paraphraseBy: Type.Optional(
      Type.Union([Type.Literal('source'), Type.Literal('curator')], {
        description:
          "Whose words the paraphrase is: the source's (the default; checked verbatim against the source) or the curator's own summary of what the source reports (checked for meaning by people, never verbatim). Needs `paraphrase`.",
      }),
    ),
    context: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: CONTEXT_MAX_LENGTH,
        description:
          'What the quote or paraphrase answers or refers to, shown under it (`denying reports of a rift between the Haqqanis and the Taliban`). Needs `quote` or `paraphrase`.',
      }),
    ),
    anchor: Type.Optional(AnchorSchema),
    source: Type.String({
      pattern: ID_PATTERNS.source,
      description: 'The source the statement was read from; `appearances` lists the others that report it.',
    }),
    appearances: Type.Optional(
      Type.Array(AppearanceSchema, {
        minItems: 1,
        description:
          'Every other source that reports the same words of the same speaker (a wire story carried by four outlets): one statement, several appearances, never several statements.',
      }),
    ),
    hedged: Type.Optional(
      Type.Boolean({ description: 'True when the speaker qualifies the claim ("may", "reportedly").' }),
    ),
    partial: Type.Optional(
      Type.Boolean({
        description:
          'True when the speaker grants the relation only in part or to a degree ("commingling", "integrated … to a considerable extent"): the words support some of it, not all of it.',
      }),
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
    accessed: Type.Optional(
      PartialDateSchema('When the curator read it: what the source said then is what was recorded.'),
    ),
    language: Type.Optional(
      Type.String({ pattern: LANGUAGE_PATTERN, description: 'Its language, as a BCP 47 tag (`en`, `ps`, `pt-BR`).' }),
    ),
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

export const CoverageSchema = Type.Object(
  {
    period: Type.Object(
      {
        from: PartialDateSchema('The earliest date the research looked at.'),
        to: PartialDateSchema('The latest date the research looked at.'),
      },
      { additionalProperties: false, description: 'The period researched: statements outside it were not looked for.' },
    ),
    languages: Type.Array(Type.String({ pattern: LANGUAGE_PATTERN }), {
      minItems: 1,
      uniqueItems: true,
      description: 'The languages of the sources searched and read, as BCP 47 tags.',
    }),
    method: Type.Optional(Text('How sources were found, chosen and read, in the curators’ words.')),
    searches: Type.Array(
      Type.Object(
        {
          where: Text('Where the search ran: an archive, a search engine, a publisher’s site, a reading list.'),
          query: Type.Optional(Text('What was searched for: the query as typed, or what was browsed.')),
          date: PartialDateSchema('When the search ran.'),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'Where and how sources were searched, with dates, so the search can be repeated.' },
    ),
    gaps: Type.Array(Text('Something the research did not look for or could not find.'), {
      description: 'Known gaps: what a reader must not conclude from absence in this dataset.',
    }),
  },
  {
    $id: `${SCHEMA_BASE_URL}/coverage.schema.json`,
    title: 'Coverage',
    description:
      'What a dataset covers: the period researched, where and how sources were searched, the languages, and the known gaps.',
    additionalProperties: false,
  },
);

export type Entity = Static<typeof EntitySchema>;
export type Relation = Static<typeof RelationSchema>;
export type Statement = Static<typeof StatementSchema>;
export type Source = Static<typeof SourceSchema>;
export type Redirect = Static<typeof RedirectSchema>;
export type Coverage = Static<typeof CoverageSchema>;
export type Appearance = Static<typeof AppearanceSchema>;
export type Anchor = Static<typeof AnchorSchema>;

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
  /** What the research covered (`data/coverage.json`); absent in datasets that do not declare it. */
  coverage?: Coverage;
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
    coverage: Type.Optional(Type.Ref(`${SCHEMA_BASE_URL}/coverage.schema.json`)),
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

/** The optional file in a dataset's `data/` folder that declares what the research covered. */
export const COVERAGE_FILE = 'coverage.json';
