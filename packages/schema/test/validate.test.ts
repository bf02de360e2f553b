import { describe, expect, it } from 'vitest';
import {
  compareIds,
  ENTITY_TYPES,
  exclusionsOf,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  validateDataset,
  type EntityType,
} from '../src/index.js';
import { checkCrossRecordRules } from '../src/rules.js';
import { baseDataset, problemsAfter, problemsOf, record, statementFor, type Loose } from './fixture.js';

const ENTITIES = 'data/entities.json';
const RELATIONS = 'data/relations.json';
const STATEMENTS = 'data/statements.json';
const SOURCES = 'data/sources.json';

const ENTITY_TYPE_LIST =
  'person, armed-group, organization, government-body, international-body, programme, place, event, document, media-outlet';
const RELATION_TYPE_LIST =
  'affiliated-with, allied-with, appointed-to, authored-by, clashes-with, cooperates-with, designated-by, detained-at, founded-by, leads, located-in, meets-with, member-of, mentor-of, part-of, participates-in, provides-support-to, published-by, recruits-from, relative-of, responsible-for, rival-of, targets, wanted-by';
const NO_STATEMENT = 'has no statement; every relation needs at least one statement that supports or disputes it';

const statement = (d: Loose, id: string) => record(d.statements, id);
const entity = (d: Loose, id: string) => record(d.entities, id);
const relation = (d: Loose, id: string) => record(d.relations, id);

describe('validateDataset() on a valid dataset', () => {
  it('accepts the base dataset with no issues', () => {
    expect(validateDataset(baseDataset())).toEqual({ valid: true, errors: [] });
  });

  it('accepts an empty dataset', () => {
    expect(validateDataset({ entities: [], relations: [], statements: [], sources: [] })).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('does not change its input', () => {
    const data = baseDataset();
    const before = JSON.stringify(data);
    validateDataset(data);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('names files as the options say, for datasets read from one release file', () => {
    const problems = problemsAfter((d) => delete statement(d, 'st:kirby-1').speaker, {
      files: {
        entities: 'dataset.json',
        relations: 'dataset.json',
        statements: 'dataset.json',
        sources: 'dataset.json',
      },
    });
    expect(problems).toEqual([{ file: 'dataset.json', id: 'st:kirby-1', path: '/speaker', message: 'is required' }]);
  });
});

describe('validateDataset() on the shape of the whole dataset', () => {
  it('rejects input that is not an object', () => {
    expect(problemsOf([])).toEqual([
      {
        file: ENTITIES,
        id: null,
        path: '',
        message: 'a dataset must be an object with entities, relations, statements, sources, not an array',
      },
    ]);
    expect(problemsOf(null)).toEqual([
      {
        file: ENTITIES,
        id: null,
        path: '',
        message: 'a dataset must be an object with entities, relations, statements, sources, not null',
      },
    ]);
  });

  it('reports a missing list and a list that is not an array', () => {
    const problems = problemsOf({ entities: [], relations: {}, statements: [] });
    expect(problems).toEqual([
      { file: RELATIONS, id: null, path: '', message: 'must be a JSON array of relations, not an object' },
      { file: SOURCES, id: null, path: '', message: 'the sources list is missing' },
    ]);
  });

  it('reports a record that is not an object by its position', () => {
    const result = validateDataset({ ...baseDataset(), sources: [...baseDataset().sources, 'src:other'] });
    expect(result.errors).toEqual([
      { file: SOURCES, id: null, path: '', index: 1, message: 'must be an object, not a string' },
    ]);
  });
});

describe('validateDataset() schema rule: required fields', () => {
  it('rejects a statement without a speaker', () => {
    expect(problemsAfter((d) => delete statement(d, 'st:kirby-1').speaker)).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/speaker', message: 'is required' },
    ]);
  });

  it('rejects an entity without a type, and checks nothing else about it', () => {
    expect(problemsAfter((d) => delete entity(d, 'person:john-kirby').type)).toEqual([
      { file: ENTITIES, id: 'person:john-kirby', path: '/type', message: 'is required' },
    ]);
  });

  it('rejects a source without a title or publisher, once per field', () => {
    const problems = problemsAfter((d) => {
      delete d.sources[0]!.title;
      delete d.sources[0]!.publisher;
    });
    expect(problems).toEqual([
      { file: SOURCES, id: 'src:article', path: '/publisher', message: 'is required' },
      { file: SOURCES, id: 'src:article', path: '/title', message: 'is required' },
    ]);
  });

  it('reports a record without an id by its position', () => {
    const result = validateDataset({
      ...baseDataset(),
      sources: [{ title: 'T', publisher: 'P' }, ...baseDataset().sources],
    });
    expect(result.errors).toContainEqual({ file: SOURCES, id: null, path: '/id', index: 0, message: 'is required' });
  });
});

describe('validateDataset() schema rule: field types', () => {
  it('rejects a string where a boolean belongs', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').hedged = 'yes'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/hedged',
        message: 'must be a boolean (true or false), not a string ("yes")',
      },
    ]);
  });

  it('rejects a number where a string belongs', () => {
    expect(problemsAfter((d) => (entity(d, 'place:kabul').name = 42))).toEqual([
      { file: ENTITIES, id: 'place:kabul', path: '/name', message: 'must be a string, not a number (42)' },
    ]);
  });

  it('rejects a date written as a number', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').date = 2021))).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: 'must be a string, not a number (2021)' },
    ]);
  });

  it('rejects aliases given as one string', () => {
    expect(problemsAfter((d) => (entity(d, 'armed-group:taliban').aliases = 'Islamic Emirate'))).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/aliases',
        message: 'must be an array, not a string ("Islamic Emirate")',
      },
    ]);
  });

  it('rejects attributes given as an array', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').attributes = ['faction']))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/attributes',
        message: 'must be an object, not an array',
      },
    ]);
  });

  it('rejects an attribute key that is not camelCase', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').attributes = { Role: 'faction' }))).toEqual(
      [
        {
          file: RELATIONS,
          id: 'rel:haqqani-part-of-taliban',
          path: '/attributes/Role',
          message:
            '"Role" is not an attribute key; write camelCase: a lower-case letter, then letters and digits (appointedBy)',
        },
      ],
    );
  });

  it('rejects an attribute value that is an object', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').attributes = { role: { a: 1 } }))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/attributes/role',
        message: '{"a":1} does not match any allowed form',
      },
    ]);
  });

  it('rejects a URL that is not absolute http(s)', () => {
    expect(problemsAfter((d) => (d.sources[0]!.url = 'washingtonexaminer.com/news'))).toEqual([
      {
        file: SOURCES,
        id: 'src:article',
        path: '/url',
        message: '"washingtonexaminer.com/news" is not an absolute http(s) URL',
      },
    ]);
    expect(problemsAfter((d) => (d.sources[0]!.url = 'ftp://example.com/a'))).toEqual([
      {
        file: SOURCES,
        id: 'src:article',
        path: '/url',
        message: '"ftp://example.com/a" is not an absolute http(s) URL',
      },
    ]);
  });

  it('rejects the same alias listed twice', () => {
    expect(problemsAfter((d) => (entity(d, 'armed-group:taliban').aliases = ['Taleban', 'Taleban']))).toEqual([
      { file: ENTITIES, id: 'armed-group:taliban', path: '/aliases', message: 'lists the same item twice' },
    ]);
  });

  it('reports a repeated alias beside the other problems of the record, as the full schema gives them', () => {
    const problems = problemsAfter((d) => {
      const taliban = entity(d, 'armed-group:taliban');
      taliban.aliases = ['Taleban', 7, 'Taleban'];
      taliban.description = '';
    });
    expect(problems).toEqual([
      { file: ENTITIES, id: 'armed-group:taliban', path: '/aliases', message: 'lists the same item twice' },
      { file: ENTITIES, id: 'armed-group:taliban', path: '/aliases/1', message: 'must be a string, not a number (7)' },
      { file: ENTITIES, id: 'armed-group:taliban', path: '/description', message: 'must not be empty' },
    ]);
  });
});

describe('validateDataset() schema rule: unknown fields', () => {
  it('rejects a misspelt field and suggests the right one', () => {
    const problems = problemsAfter((d) => {
      const s = statement(d, 'st:kirby-1');
      s.spekaer = s.speaker;
      delete s.speaker;
    });
    expect(problems).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/speaker', message: 'is required' },
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/spekaer',
        message: 'unknown field "spekaer" (did you mean "speaker"?); allowed fields are fixed by the schema',
      },
    ]);
  });

  it('suggests a field of the entity type at hand (role is a person field)', () => {
    expect(problemsAfter((d) => (entity(d, 'person:ned-price').rol = 'spokesman'))).toEqual([
      {
        file: ENTITIES,
        id: 'person:ned-price',
        path: '/rol',
        message: 'unknown field "rol" (did you mean "role"?); allowed fields are fixed by the schema',
      },
    ]);
  });

  it('gives no suggestion when no field is close', () => {
    expect(problemsAfter((d) => (entity(d, 'place:kabul').population = 4_000_000))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/population',
        message: 'unknown field "population"; allowed fields are fixed by the schema',
      },
    ]);
  });

  it('rejects a field that belongs to another entity type', () => {
    expect(problemsAfter((d) => (entity(d, 'armed-group:taliban').role = 'movement'))).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/role',
        message: 'unknown field "role"; allowed fields are fixed by the schema',
      },
    ]);
  });
});

describe('validateDataset() schema rule: vocabularies', () => {
  it('rejects a stance outside the vocabulary', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').stance = 'agrees'))).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/stance', message: '"agrees" is not one of: supports, disputes' },
    ]);
  });

  it('rejects a relation type outside the vocabulary and lists the allowed ones', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').type = 'faction-of'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/type',
        message: `"faction-of" is not one of: ${RELATION_TYPE_LIST}`,
      },
    ]);
  });

  it('rejects an entity type outside the vocabulary and lists the allowed ones', () => {
    expect(problemsAfter((d) => (entity(d, 'armed-group:taliban').type = 'militia'))).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/type',
        message: `"militia" is not an entity type; use one of: ${ENTITY_TYPE_LIST}`,
      },
    ]);
  });

  it('rejects a place kind outside its list', () => {
    expect(problemsAfter((d) => (entity(d, 'place:kabul').placeKind = 'village'))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/placeKind',
        message: '"village" is not one of: country, province, city, district, region, site',
      },
    ]);
  });
});

describe('validateDataset() schema rule: id patterns', () => {
  it('rejects an entity id that is not type:slug', () => {
    const problems = problemsAfter(
      (d) => d.entities.push({ id: 'person:John_Kirby', name: 'John Kirby', type: 'person' }),
      { requireSorted: false },
    );
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'person:John_Kirby',
        path: '/id',
        message:
          '"person:John_Kirby" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
      },
    ]);
  });

  it('rejects an entity id whose prefix is not an entity type, and says which prefix to use', () => {
    const problems = problemsAfter((d) => d.entities.push({ id: 'militia:x', name: 'X', type: 'armed-group' }), {
      requireSorted: false,
    });
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'militia:x',
        path: '/id',
        message:
          '"militia:x" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
      },
      {
        file: ENTITIES,
        id: 'militia:x',
        path: '/id',
        message: 'id prefix "militia" does not match the type "armed-group"; use "armed-group:x"',
      },
    ]);
  });

  it('rejects relation, statement and source ids without their prefix', () => {
    const problems = problemsAfter(
      (d) => {
        d.relations.push({ id: 'relation:x', type: 'part-of', source: 'place:kabul', target: 'armed-group:taliban' });
        d.statements.push({ ...statementFor('rel:haqqani-part-of-taliban'), id: 'statement:x' });
        d.sources.push({ id: 'source:x', title: 'T', publisher: 'P' });
      },
      { requireSorted: false },
    );
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'relation:x',
        path: '/id',
        message: '"relation:x" is not a relation id; write "rel:" and a lower-case slug (rel:example-id)',
      },
      {
        file: SOURCES,
        id: 'source:x',
        path: '/id',
        message: '"source:x" is not a source id; write "src:" and a lower-case slug (src:example-id)',
      },
      {
        file: STATEMENTS,
        id: 'statement:x',
        path: '/id',
        message: '"statement:x" is not a statement id; write "st:" and a lower-case slug (st:example-id)',
      },
    ]);
  });

  it('rejects a slug with a double hyphen or a trailing hyphen', () => {
    const problems = problemsAfter((d) => (d.sources[0]!.id = 'src:article-'), { requireSorted: false });
    expect(problems).toContainEqual({
      file: SOURCES,
      id: 'src:article-',
      path: '/id',
      message: '"src:article-" is not a source id; write "src:" and a lower-case slug (src:example-id)',
    });
    expect(
      problemsOf({
        entities: [{ id: 'person:a--b', name: 'A', type: 'person' }],
        relations: [],
        statements: [],
        sources: [],
      }),
    ).toEqual([
      {
        file: ENTITIES,
        id: 'person:a--b',
        path: '/id',
        message:
          '"person:a--b" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
      },
    ]);
  });

  it('rejects a reference that is not spelt as an id', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').speaker = 'John Kirby'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/speaker',
        message:
          '"John Kirby" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
      },
    ]);
  });
});

describe('validateDataset() schema rule: empty strings', () => {
  it('rejects an empty title', () => {
    expect(problemsAfter((d) => (d.sources[0]!.title = ''))).toEqual([
      { file: SOURCES, id: 'src:article', path: '/title', message: 'must not be empty' },
    ]);
  });

  it('rejects an empty quote, name and alias', () => {
    const problems = problemsAfter((d) => {
      statement(d, 'st:kirby-1').quote = '';
      entity(d, 'place:kabul').name = '';
      entity(d, 'armed-group:taliban').aliases = [''];
    });
    expect(problems).toEqual([
      { file: ENTITIES, id: 'armed-group:taliban', path: '/aliases/0', message: 'must not be empty' },
      { file: ENTITIES, id: 'place:kabul', path: '/name', message: 'must not be empty' },
      { file: STATEMENTS, id: 'st:kirby-1', path: '/quote', message: 'must not be empty' },
    ]);
  });

  it('treats an empty id as no id', () => {
    const result = validateDataset({ ...baseDataset(), sources: [{ ...baseDataset().sources[0], id: '' }] });
    expect(result.errors).toContainEqual({
      file: SOURCES,
      id: null,
      path: '/id',
      index: 0,
      message: '"" is not a source id; write "src:" and a lower-case slug (src:example-id)',
    });
  });
});

describe('validateDataset() rule: entity id prefix matches the type', () => {
  it('rejects an armed group whose id says place', () => {
    const problems = problemsAfter((d) =>
      d.entities.splice(6, 0, { id: 'place:islamic-state-khorasan', name: 'ISIS-K', type: 'armed-group' }),
    );
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'place:islamic-state-khorasan',
        path: '/id',
        message: 'id prefix "place" does not match the type "armed-group"; use "armed-group:islamic-state-khorasan"',
      },
    ]);
  });

  it('does not suggest an unknown type as the prefix', () => {
    expect(problemsAfter((d) => (entity(d, 'place:kabul').type = 'city'))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/type',
        message: `"city" is not an entity type; use one of: ${ENTITY_TYPE_LIST}`,
      },
    ]);
  });
});

describe('validateDataset() rule: ids are unique', () => {
  it('rejects two entities with the same id, naming the second', () => {
    const problems = problemsAfter((d) =>
      d.entities.splice(6, 0, { id: 'person:ned-price', name: 'Ned Price', type: 'person', role: 'spokesman' }),
    );
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'person:ned-price',
        path: '/id',
        message: 'duplicate id: "person:ned-price" is already used earlier in data/entities.json',
      },
    ]);
  });

  it('rejects two statements with the same id', () => {
    const problems = problemsAfter((d) =>
      d.statements.push({ ...statementFor('rel:haqqani-part-of-taliban'), id: 'st:state-1' }),
    );
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:state-1',
        path: '/id',
        message: 'duplicate id: "st:state-1" is already used earlier in data/statements.json',
      },
    ]);
  });

  it('rejects an id used in two files (ids are unique across the dataset)', () => {
    // Id prefixes keep kinds apart, so only a dataset built in code can repeat an id across lists.
    const data = baseDataset();
    const source = { id: 'person:ned-price', title: 'T', publisher: 'P' } as unknown as (typeof data.sources)[number];
    const issues = checkCrossRecordRules(
      { ...data, sources: [...data.sources, source] },
      {
        entities: ENTITIES,
        relations: RELATIONS,
        statements: STATEMENTS,
        sources: SOURCES,
      },
    );
    expect(issues).toEqual([
      {
        file: SOURCES,
        id: 'person:ned-price',
        path: '/id',
        message: 'duplicate id: "person:ned-price" is already used in data/entities.json',
      },
    ]);
  });
});

describe('validateDataset() rule: records are sorted by id', () => {
  it('rejects an unsorted file, naming the first record out of order', () => {
    const problems = problemsAfter((d) => d.statements.reverse());
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:price-1',
        path: '/id',
        message:
          'records are not sorted by id: "st:price-1" comes after "st:state-1"; run "claimgraph format" to sort the file',
      },
    ]);
  });

  it('reports each unsorted file once', () => {
    const problems = problemsAfter((d) => {
      d.entities.reverse();
      d.relations.reverse();
    });
    expect(problems.map((p) => `${p.file} ${p.id}`)).toEqual([
      `${ENTITIES} person:ned-price`,
      `${RELATIONS} rel:haqqani-part-of-taliban`,
    ]);
  });

  it('sorts by code point, not by locale (upper case before lower case, hyphen before digits)', () => {
    expect(compareIds('rel:a-b', 'rel:a1')).toBeLessThan(0);
    expect(compareIds('B', 'a')).toBeLessThan(0);
    expect(compareIds('st:x', 'st:x')).toBe(0);
    expect(['rel:b', 'rel:a-c', 'rel:a1', 'rel:a'].sort(compareIds)).toEqual(['rel:a', 'rel:a-c', 'rel:a1', 'rel:b']);
  });

  it('accepts unsorted records when sorting is not required (releases)', () => {
    expect(problemsAfter((d) => d.statements.reverse(), { requireSorted: false })).toEqual([]);
  });
});

describe('validateDataset() rule: every reference resolves', () => {
  it('rejects a relation whose source is not a known entity', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').source = 'armed-group:al-qaeda'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/source',
        message: '"armed-group:al-qaeda" is not a known entity',
      },
    ]);
  });

  it('rejects a relation whose target is not a known entity', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:attack-located-in-kabul').target = 'place:kandahar'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:attack-located-in-kabul',
        path: '/target',
        message: '"place:kandahar" is not a known entity',
      },
    ]);
  });

  it('rejects a statement about an unknown relation (and its old relation loses its only statement)', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').relation = 'rel:taliban-allied-with-haqqani'))).toEqual([
      { file: RELATIONS, id: 'rel:taliban-cooperates-with-haqqani', path: '', message: NO_STATEMENT },
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/relation',
        message: '"rel:taliban-allied-with-haqqani" is not a known relation',
      },
    ]);
  });

  it('rejects a statement whose speaker is not a known entity', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').speaker = 'person:lloyd-austin'))).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/speaker', message: '"person:lloyd-austin" is not a known entity' },
    ]);
  });

  it('rejects a statement whose source is not a known source', () => {
    expect(problemsAfter((d) => (statement(d, 'st:price-1').source = 'src:new-york-times'))).toEqual([
      { file: STATEMENTS, id: 'st:price-1', path: '/source', message: '"src:new-york-times" is not a known source' },
    ]);
  });

  it('rejects a statement reported by an unknown entity', () => {
    expect(problemsAfter((d) => (statement(d, 'st:state-1').reportedBy = 'person:antony-blinken'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:state-1',
        path: '/reportedBy',
        message: '"person:antony-blinken" is not a known entity',
      },
    ]);
  });

  it('rejects a statement whose relation is a statement ("a statement about a statement")', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').relation = 'st:price-1'))).toEqual([
      { file: RELATIONS, id: 'rel:taliban-cooperates-with-haqqani', path: '', message: NO_STATEMENT },
      { file: STATEMENTS, id: 'st:kirby-1', path: '/relation', message: '"st:price-1" is a statement, not a relation' },
    ]);
  });

  it('rejects a speaker that is a relation, and a source that is an entity', () => {
    const problems = problemsAfter((d) => {
      statement(d, 'st:price-1').speaker = 'rel:haqqani-part-of-taliban';
      statement(d, 'st:price-1').source = 'person:ned-price';
    });
    expect(problems).toEqual([
      { file: STATEMENTS, id: 'st:price-1', path: '/source', message: '"person:ned-price" is an entity, not a source' },
      {
        file: STATEMENTS,
        id: 'st:price-1',
        path: '/speaker',
        message: '"rel:haqqani-part-of-taliban" is a relation, not an entity',
      },
    ]);
  });

  it('rejects a relation whose target is a source', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').target = 'src:article'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/target',
        message: '"src:article" is a source, not an entity',
      },
    ]);
  });

  it('spells out the id rules when a wrongly prefixed reference names nothing at all', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').speaker = 'rel:nothing'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/speaker',
        message:
          '"rel:nothing" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
      },
    ]);
  });

  it('reports a malformed record once, not again at every reference to it', () => {
    expect(problemsAfter((d) => (d.sources[0]!.title = ' Separate entities?'))).toEqual([
      { file: SOURCES, id: 'src:article', path: '/title', message: 'has leading or trailing whitespace' },
    ]);
    expect(problemsAfter((d) => (entity(d, 'person:ned-price').name = ''))).toEqual([
      { file: ENTITIES, id: 'person:ned-price', path: '/name', message: 'must not be empty' },
    ]);
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').start = '2021-02-30'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-02-30" is not a calendar date',
      },
    ]);
  });
});

describe('validateDataset() rule: relation endpoints allowed by the vocabulary', () => {
  it('rejects a located-in relation whose target is not a place', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:attack-located-in-kabul').target = 'armed-group:taliban'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:attack-located-in-kabul',
        path: '/target',
        message:
          'a "located-in" relation cannot have "armed-group:taliban" (armed-group) as its target; allowed: place',
      },
    ]);
  });

  it('rejects a part-of relation whose source is a person', () => {
    expect(problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').source = 'person:ned-price'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/source',
        message:
          'a "part-of" relation cannot have "person:ned-price" (person) as its source; allowed: armed-group, organization, government-body, international-body, programme, media-outlet, place',
      },
    ]);
  });

  // Two entities of every type; each relation type is tried with every type at each end.
  const twoOfEach = ENTITY_TYPES.flatMap((t) => [
    { id: `${t}:a`, name: `${t} a`, type: t },
    { id: `${t}:b`, name: `${t} b`, type: t },
  ]);
  const cases = RELATION_TYPES.flatMap((type) =>
    ENTITY_TYPES.flatMap((sourceType) => ENTITY_TYPES.map((targetType) => ({ type, sourceType, targetType }))),
  );

  it.each(RELATION_TYPES)('enforces the allowed source and target types of "%s" for every entity type', (type) => {
    const info = RELATION_TYPE_INFO[type];
    for (const { sourceType, targetType } of cases.filter((c) => c.type === type)) {
      const data = {
        entities: twoOfEach,
        relations: [{ id: 'rel:r', type, source: `${sourceType}:a`, target: `${targetType}:b` }],
        statements: [
          { id: 'st:s', relation: 'rel:r', speaker: 'person:a', stance: 'supports', date: '2021', source: 'src:s' },
        ],
        sources: [{ id: 'src:s', title: 'T', publisher: 'P' }],
      };
      const paths = problemsOf(data, { requireSorted: false }).map((p) => p.path);
      const expected = [
        ...(info.source.includes(sourceType as EntityType) ? [] : ['/source']),
        ...(info.target.includes(targetType as EntityType) ? [] : ['/target']),
      ];
      expect(paths, `${type}: ${sourceType} → ${targetType}`).toEqual(expected);
    }
  });
});

describe('validateDataset() rule: no self-loops', () => {
  it('rejects a relation from an entity to itself', () => {
    expect(
      problemsAfter((d) => (relation(d, 'rel:taliban-cooperates-with-haqqani').target = 'armed-group:taliban')),
    ).toEqual([
      {
        file: RELATIONS,
        id: 'rel:taliban-cooperates-with-haqqani',
        path: '/target',
        message: 'is the same entity as the source ("armed-group:taliban"); a relation needs two different entities',
      },
    ]);
  });
});

describe('validateDataset() rule: no duplicate relations', () => {
  const SAME_AS = (first: string) =>
    `states the same relation as "${first}"; point its statements at "${first}" instead, so that agreeing and disputing statements meet`;

  it('rejects the same relation recorded twice', () => {
    const problems = problemsAfter((d) => {
      d.relations.push({
        id: 'rel:zz-haqqani-faction-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      });
      d.statements.push(statementFor('rel:zz-haqqani-faction-of-taliban'));
    });
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:zz-haqqani-faction-of-taliban',
        path: '',
        message: SAME_AS('rel:haqqani-part-of-taliban'),
      },
    ]);
  });

  it('rejects a symmetric relation recorded again in the reverse direction', () => {
    const problems = problemsAfter((d) => {
      d.relations.push({
        id: 'rel:zz-haqqani-cooperates-with-taliban',
        type: 'cooperates-with',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      });
      d.statements.push(statementFor('rel:zz-haqqani-cooperates-with-taliban'));
    });
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:zz-haqqani-cooperates-with-taliban',
        path: '',
        message: SAME_AS('rel:taliban-cooperates-with-haqqani'),
      },
    ]);
  });

  it('accepts an asymmetric relation in both directions', () => {
    const problems = problemsAfter((d) => {
      d.relations.push(
        {
          id: 'rel:zz-haqqani-leads-taliban',
          type: 'leads',
          source: 'armed-group:haqqani-network',
          target: 'armed-group:taliban',
        },
        {
          id: 'rel:zz-taliban-leads-haqqani',
          type: 'leads',
          source: 'armed-group:taliban',
          target: 'armed-group:haqqani-network',
        },
      );
      d.statements.push(
        statementFor('rel:zz-haqqani-leads-taliban', 'st:zz-1'),
        statementFor('rel:zz-taliban-leads-haqqani', 'st:zz-2'),
      );
    });
    expect(problems).toEqual([]);
  });

  it('accepts the same pair with different dates or attributes', () => {
    const problems = problemsAfter((d) => {
      d.relations.push(
        {
          id: 'rel:zz-1',
          type: 'part-of',
          source: 'armed-group:haqqani-network',
          target: 'armed-group:taliban',
          start: '2012',
        },
        {
          id: 'rel:zz-2',
          type: 'part-of',
          source: 'armed-group:haqqani-network',
          target: 'armed-group:taliban',
          attributes: { scope: 'military' },
        },
      );
      d.statements.push(statementFor('rel:zz-1', 'st:zz-1'), statementFor('rel:zz-2', 'st:zz-2'));
    });
    expect(problems).toEqual([]);
  });

  it('treats attributes in another key order as the same relation', () => {
    const problems = problemsAfter((d) => {
      d.relations.push(
        {
          id: 'rel:zz-1',
          type: 'leads',
          source: 'person:ned-price',
          target: 'government-body:state-department',
          attributes: { role: 'spokesman', rank: 2 },
        },
        {
          id: 'rel:zz-2',
          type: 'leads',
          source: 'person:ned-price',
          target: 'government-body:state-department',
          attributes: { rank: 2, role: 'spokesman' },
        },
      );
      d.statements.push(statementFor('rel:zz-1', 'st:zz-1'), statementFor('rel:zz-2', 'st:zz-2'));
    });
    expect(problems).toEqual([{ file: RELATIONS, id: 'rel:zz-2', path: '', message: SAME_AS('rel:zz-1') }]);
  });
});

describe('validateDataset() rule: no part-of cycles', () => {
  it('rejects A part of B part of A, on the relation that closes the cycle', () => {
    const problems = problemsAfter((d) => {
      d.relations.push({
        id: 'rel:zz-taliban-part-of-haqqani',
        type: 'part-of',
        source: 'armed-group:taliban',
        target: 'armed-group:haqqani-network',
      });
      d.statements.push(statementFor('rel:zz-taliban-part-of-haqqani'));
    });
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:zz-taliban-part-of-haqqani',
        path: '/target',
        message:
          'closes a part-of cycle: armed-group:haqqani-network → armed-group:taliban → armed-group:haqqani-network',
      },
    ]);
  });

  it('rejects a three-step cycle through a place', () => {
    const problems = problemsAfter((d) => {
      d.relations.push(
        { id: 'rel:zz-1', type: 'part-of', source: 'armed-group:taliban', target: 'place:kabul' },
        { id: 'rel:zz-2', type: 'part-of', source: 'place:kabul', target: 'armed-group:haqqani-network' },
      );
      d.statements.push(statementFor('rel:zz-1', 'st:zz-1'), statementFor('rel:zz-2', 'st:zz-2'));
    });
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:zz-2',
        path: '/target',
        message:
          'closes a part-of cycle: armed-group:haqqani-network → armed-group:taliban → place:kabul → armed-group:haqqani-network',
      },
    ]);
  });

  it('accepts a long part-of chain without a cycle and without overflowing the stack', () => {
    const n = 20_000;
    const name = (i: number) => `organization:o${String(i).padStart(6, '0')}`;
    const entities = Array.from({ length: n }, (_, i) => ({ id: name(i), name: `O ${i}`, type: 'organization' }));
    const relations = Array.from({ length: n - 1 }, (_, i) => ({
      id: `rel:r${String(i).padStart(6, '0')}`,
      type: 'part-of',
      source: name(i),
      target: name(i + 1),
    }));
    const statements = relations.map((r, i) => ({
      id: `st:s${String(i).padStart(6, '0')}`,
      relation: r.id,
      speaker: name(0),
      stance: 'supports',
      date: '2021',
      source: 'src:s',
    }));
    const data = { entities, relations, statements, sources: [{ id: 'src:s', title: 'T', publisher: 'P' }] };
    expect(problemsOf(data)).toEqual([]);
    // Closing the chain makes one cycle through every organisation.
    relations.push({ id: 'rel:z', type: 'part-of', source: name(n - 1), target: name(0) });
    statements.push({
      id: 'st:z',
      relation: 'rel:z',
      speaker: name(0),
      stance: 'supports',
      date: '2021',
      source: 'src:s',
    });
    const problems = problemsOf(data);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: RELATIONS, id: 'rel:z', path: '/target' });
    expect(problems[0]!.message.split(' → ')).toHaveLength(n + 1);
  });
});

describe('validateDataset() rule: every relation has a statement', () => {
  it('rejects a relation nobody states', () => {
    expect(problemsAfter((d) => d.statements.splice(0, 1))).toEqual([
      { file: RELATIONS, id: 'rel:taliban-cooperates-with-haqqani', path: '', message: NO_STATEMENT },
    ]);
  });

  it('does not also report a relation whose only statement is malformed', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').stance = 'maybe'))).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/stance', message: '"maybe" is not one of: supports, disputes' },
    ]);
  });
});

describe('validateDataset() rule: start is not after end', () => {
  it('rejects a relation that ends before it starts', () => {
    const problems = problemsAfter((d) =>
      Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-09', end: '2021-08' }),
    );
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-09" is after end "2021-08"',
      },
    ]);
  });

  it('accepts partial dates that can overlap: start 2021 and end 2021-06', () => {
    expect(
      problemsAfter((d) =>
        Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021', end: '2021-06' }),
      ),
    ).toEqual([]);
    expect(
      problemsAfter((d) =>
        Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-06-30', end: '2021-06' }),
      ),
    ).toEqual([]);
    expect(
      problemsAfter((d) =>
        Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-06', end: '2021-06-01' }),
      ),
    ).toEqual([]);
  });

  it('rejects a start the day after a month-precision end', () => {
    const problems = problemsAfter((d) =>
      Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-07-01', end: '2021-06' }),
    );
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-07-01" is after end "2021-06"',
      },
    ]);
  });

  it('rejects an event that ends before it happens', () => {
    const problems = problemsAfter((d) => (entity(d, 'event:kabul-airport-attack').end = '2021-08-25'));
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'event:kabul-airport-attack',
        path: '/date',
        message: '"2021-08-26" is after end "2021-08-25"',
      },
    ]);
  });
});

describe('validateDataset() rule: endedBy is for an unknown end, after the start', () => {
  it('accepts a relation that had ended by a date, without an end', () => {
    expect(
      problemsAfter((d) =>
        Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2012', endedBy: '2021-08-28' }),
      ),
    ).toEqual([]);
  });

  it('rejects endedBy beside a known end', () => {
    const problems = problemsAfter((d) =>
      Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { end: '2015', endedBy: '2021-08-28' }),
    );
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/endedBy',
        message:
          'the relation has an end ("2015"); endedBy is only for a relation whose end date is unknown, so remove one of them',
      },
    ]);
  });

  it('rejects a start after endedBy, as intervals', () => {
    const problems = problemsAfter((d) =>
      Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-09', endedBy: '2021-08' }),
    );
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-09" is after endedBy "2021-08"',
      },
    ]);
    expect(
      problemsAfter((d) =>
        Object.assign(relation(d, 'rel:haqqani-part-of-taliban'), { start: '2021-08-28', endedBy: '2021-08' }),
      ),
    ).toEqual([]);
  });

  it('checks endedBy against the calendar', () => {
    const problems = problemsAfter((d) => (relation(d, 'rel:haqqani-part-of-taliban').endedBy = '2021-02-30'));
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/endedBy',
        message: '"2021-02-30" is not a calendar date',
      },
    ]);
  });
});

describe('validateDataset() rule: one speaker does not support two relation types that exclude each other', () => {
  /** The base dataset plus an affiliated-with relation between the Taliban and the Haqqani network (reversed ends). */
  const withAffiliation = (d: Loose, speaker = 'person:john-kirby', date = '2021-08-27') => {
    d.relations.splice(1, 0, {
      id: 'rel:haqqani-affiliated-with-taliban',
      type: 'affiliated-with',
      source: 'armed-group:taliban',
      target: 'armed-group:haqqani-network',
    });
    d.statements.push(
      { ...statementFor('rel:haqqani-part-of-taliban', 'st:zz-1'), speaker, date },
      { ...statementFor('rel:haqqani-affiliated-with-taliban', 'st:zz-2'), speaker, date },
    );
  };

  it('rejects part-of and affiliated-with for the same pair, by one speaker on one date, either way round', () => {
    expect(problemsAfter((d) => withAffiliation(d))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:zz-2',
        path: '/relation',
        message:
          '"person:john-kirby" supports both "rel:haqqani-affiliated-with-taliban" (affiliated-with) and "rel:haqqani-part-of-taliban" (part-of, in "st:zz-1") on 2021-08-27; "affiliated-with" and "part-of" exclude each other for the same two entities, so point one statement at the other relation or dispute it',
      },
    ]);
  });

  it('accepts the same two supports on different dates or by different speakers', () => {
    expect(
      problemsAfter((d) => {
        withAffiliation(d);
        record(d.statements, 'st:zz-2').date = '2021-08-28';
      }),
    ).toEqual([]);
    expect(
      problemsAfter((d) => {
        withAffiliation(d);
        record(d.statements, 'st:zz-2').speaker = 'government-body:state-department';
      }),
    ).toEqual([]);
  });

  it('accepts a dispute of one beside a support of the other ("separate entities, but affiliated")', () => {
    expect(
      problemsAfter((d) => {
        withAffiliation(d);
        record(d.statements, 'st:zz-1').stance = 'disputes';
      }),
    ).toEqual([]);
  });

  it('holds a release to the exclusions it was built with: none by default, those given by options.exclusions', () => {
    const data = baseDataset() as unknown as Loose;
    withAffiliation(data);
    expect(problemsOf(data, { requireSorted: false })).toEqual([]);
    expect(problemsOf(data, { exclusions: {} })).toEqual([]);
    expect(
      problemsOf(data, {
        requireSorted: false,
        exclusions: exclusionsOf({ relationTypes: { 'part-of': { excludes: ['affiliated-with'] } } }),
      }).map((p) => p.id),
    ).toEqual(['st:zz-2']);
  });

  it('lists each exclusion on both types', () => {
    for (const type of RELATION_TYPES)
      for (const other of RELATION_TYPE_INFO[type].excludes ?? [])
        expect(RELATION_TYPE_INFO[other].excludes, `${other} excludes ${type}`).toContain(type);
  });
});

describe('validateDataset() rule: dates are calendar dates', () => {
  const dated = (date: unknown) => problemsAfter((d) => (statement(d, 'st:kirby-1').date = date));

  it('rejects 30 February', () => {
    expect(dated('2021-02-30')).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: '"2021-02-30" is not a calendar date' },
    ]);
  });

  it('rejects month 13', () => {
    expect(dated('2021-13-01')).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: '"2021-13-01" has month 13, which does not exist' },
    ]);
  });

  it('rejects year 0000', () => {
    expect(dated('0000')).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: '"0000" has year 0000, which is not a real year' },
    ]);
  });

  it('rejects 29 February in a common year and accepts it in a leap year', () => {
    expect(dated('2021-02-29')).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: '"2021-02-29" is not a calendar date' },
    ]);
    expect(dated('2020-02-29')).toEqual([]);
  });

  it('rejects a date that is not ISO 8601, once', () => {
    expect(dated('August 2021')).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/date',
        message: '"August 2021" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
      },
    ]);
    expect(dated('2021-8-27')).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/date',
        message: '"2021-8-27" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
      },
    ]);
  });

  it('checks every date field: relation start, source published, entity founded', () => {
    const problems = problemsAfter((d) => {
      relation(d, 'rel:haqqani-part-of-taliban').start = '2021-00';
      d.sources[0]!.published = '2021-04-31';
      entity(d, 'armed-group:taliban').founded = '0000-01';
    });
    expect(problems).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/founded',
        message: '"0000-01" has year 0000, which is not a real year',
      },
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-00" has month 00, which does not exist',
      },
      { file: SOURCES, id: 'src:article', path: '/published', message: '"2021-04-31" is not a calendar date' },
    ]);
  });
});

describe('validateDataset() rule: a statement is not dated after its source', () => {
  it('rejects a statement dated after its source was published', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').date = '2021-09-01'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/date',
        message: '"2021-09-01" is after its source "src:article" was published (2021-08-30)',
      },
    ]);
  });

  it('rejects a month that starts after the publication day', () => {
    expect(problemsAfter((d) => (statement(d, 'st:price-1').date = '2021-09'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:price-1',
        path: '/date',
        message: '"2021-09" is after its source "src:article" was published (2021-08-30)',
      },
    ]);
  });

  it('accepts partial dates that may fall on or before publication', () => {
    expect(problemsAfter((d) => (statement(d, 'st:price-1').date = '2021'))).toEqual([]);
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').date = '2021-08-30'))).toEqual([]);
    expect(
      problemsAfter((d) => {
        d.sources[0]!.published = '2021-08';
        statement(d, 'st:kirby-1').date = '2021-08-31';
      }),
    ).toEqual([]);
  });

  it('does not check statements whose source has no publication date', () => {
    expect(
      problemsAfter((d) => {
        delete d.sources[0]!.published;
        statement(d, 'st:kirby-1').date = '2030';
      }),
    ).toEqual([]);
  });
});

describe('validateDataset() rule: places and events cannot speak', () => {
  it('rejects a place as speaker', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').speaker = 'place:kabul'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/speaker',
        message: '"place:kabul" is a place and cannot speak; name the person, body or document that said it',
      },
    ]);
  });

  it('rejects an event as speaker', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').speaker = 'event:kabul-airport-attack'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/speaker',
        message:
          '"event:kabul-airport-attack" is an event and cannot speak; name the person, body or document that said it',
      },
    ]);
  });

  it('rejects a place as the entity a statement is reported by', () => {
    expect(problemsAfter((d) => (statement(d, 'st:state-1').reportedBy = 'place:kabul'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:state-1',
        path: '/reportedBy',
        message: '"place:kabul" is a place and cannot speak; name the person, body or document that said it',
      },
    ]);
  });

  it('accepts a document as speaker', () => {
    const problems = problemsAfter((d) => {
      d.entities.splice(2, 0, {
        id: 'document:un-report',
        name: 'UN report',
        type: 'document',
        documentKind: 'report',
      });
      statement(d, 'st:kirby-1').speaker = 'document:un-report';
    });
    expect(problems).toEqual([]);
  });
});

describe('validateDataset() rule: clean display text', () => {
  it('rejects a control character in a name', () => {
    expect(problemsAfter((d) => (entity(d, 'person:ned-price').name = 'Ned\u0007Price'))).toEqual([
      {
        file: ENTITIES,
        id: 'person:ned-price',
        path: '/name',
        message: 'contains the invisible control character U+0007 at position 3; remove it',
      },
    ]);
  });

  it('rejects a bidi override in a quote', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').quote = 'There is \u202Egnilgnimmoc'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/quote',
        message: 'contains the invisible control character U+202E at position 9; remove it',
      },
    ]);
  });

  it('rejects a bidi isolate in an alias, naming the alias', () => {
    expect(
      problemsAfter((d) => (entity(d, 'armed-group:taliban').aliases = ['Taleban', '\u2066Taliban\u2069'])),
    ).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/aliases/1',
        message: 'contains the invisible control character U+2066 at position 0; remove it',
      },
    ]);
  });

  it('rejects a tab in a source title and a C1 control in a publisher', () => {
    const problems = problemsAfter((d) => {
      d.sources[0]!.title = 'Separate\tentities';
      d.sources[0]!.publisher = 'Washington\u0085Examiner';
    });
    expect(problems).toEqual([
      {
        file: SOURCES,
        id: 'src:article',
        path: '/publisher',
        message: 'contains the invisible control character U+0085 at position 10; remove it',
      },
      {
        file: SOURCES,
        id: 'src:article',
        path: '/title',
        message: 'contains the invisible control character U+0009 at position 8; remove it',
      },
    ]);
  });

  it('rejects leading or trailing whitespace in a name and a description', () => {
    const problems = problemsAfter((d) => {
      entity(d, 'person:john-kirby').name = ' John Kirby';
      entity(d, 'place:kabul').description = 'The capital. ';
    });
    expect(problems).toEqual([
      { file: ENTITIES, id: 'person:john-kirby', path: '/name', message: 'has leading or trailing whitespace' },
      { file: ENTITIES, id: 'place:kabul', path: '/description', message: 'has leading or trailing whitespace' },
    ]);
  });

  it('accepts names in other scripts, with right-to-left marks', () => {
    const problems = problemsAfter((d) => {
      entity(d, 'armed-group:taliban').aliases = ['طالبان', 'د افغانستان اسلامي امارت\u200F'];
      entity(d, 'person:ned-price').name = 'Ned Price (نېډ پرائس)';
    });
    expect(problems).toEqual([]);
  });
});

describe('validateDataset() with ids and fields named like Object.prototype members', () => {
  it('treats __proto__, constructor and toString as ordinary (invalid) ids', () => {
    const data = JSON.parse(
      JSON.stringify({
        entities: [
          { id: '__proto__', name: 'P', type: 'person' },
          { id: 'constructor', name: 'C', type: 'toString' },
        ],
        relations: [{ id: 'rel:x', type: 'constructor', source: '__proto__', target: 'hasOwnProperty' }],
        statements: [
          {
            id: 'toString',
            relation: 'valueOf',
            speaker: '__proto__',
            stance: 'supports',
            date: '2021',
            source: 'src:__proto__',
          },
        ],
        sources: [],
      }),
    ) as unknown;
    const problems = problemsOf(data);
    expect(problems).toContainEqual({
      file: ENTITIES,
      id: '__proto__',
      path: '/id',
      message:
        '"__proto__" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
    });
    expect(problems).toContainEqual({
      file: ENTITIES,
      id: 'constructor',
      path: '/type',
      message: `"toString" is not an entity type; use one of: ${ENTITY_TYPE_LIST}`,
    });
    expect(problems).toContainEqual({
      file: RELATIONS,
      id: 'rel:x',
      path: '/type',
      message: `"constructor" is not one of: ${RELATION_TYPE_LIST}`,
    });
    expect(problems).toContainEqual({
      file: STATEMENTS,
      id: 'toString',
      path: '/relation',
      message: '"valueOf" is not a relation id; write "rel:" and a lower-case slug (rel:example-id)',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts valid ids whose slugs are prototype names, and resolves them', () => {
    const data = {
      entities: [
        { id: 'person:constructor', name: 'C', type: 'person' },
        { id: 'person:to-string', name: 'T', type: 'person' },
      ],
      relations: [
        {
          id: 'rel:constructor',
          type: 'relative-of',
          source: 'person:constructor',
          target: 'person:to-string',
          attributes: { constructor: 'x', toString: 1, valueOf: true },
        },
      ],
      statements: [
        {
          id: 'st:proto',
          relation: 'rel:constructor',
          speaker: 'person:to-string',
          stance: 'supports',
          date: '2021',
          source: 'src:constructor',
        },
      ],
      sources: [{ id: 'src:constructor', title: 'T', publisher: 'P' }],
    };
    expect(problemsOf(data)).toEqual([]);
  });

  it('reports a "__proto__" field from JSON as an unknown field, without touching the prototype', () => {
    const data = JSON.parse(
      JSON.stringify(baseDataset()).replace('"name":"Kabul"', '"name":"Kabul","__proto__":{"polluted":true}'),
    ) as unknown;
    expect(problemsOf(data)).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/__proto__',
        message: 'unknown field "__proto__"; allowed fields are fixed by the schema',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects "__proto__" as an attribute key', () => {
    const data = JSON.parse(
      JSON.stringify(baseDataset()).replace(
        '"target":"armed-group:taliban"',
        '"target":"armed-group:taliban","attributes":{"__proto__":"x"}',
      ),
    ) as unknown;
    expect(problemsOf(data)).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/attributes/__proto__',
        message:
          '"__proto__" is not an attribute key; write camelCase: a lower-case letter, then letters and digits (appointedBy)',
      },
    ]);
  });
});

describe('validateDataset() reports every problem at once, in file order', () => {
  it('collects problems from every file, sorted by file then position', () => {
    const result = validateDataset(
      (() => {
        const d = baseDataset() as unknown as Loose;
        d.sources[0]!.title = '';
        statement(d, 'st:state-1').stance = 'agrees';
        statement(d, 'st:kirby-1').date = '2021-02-30';
        entity(d, 'place:kabul').placeKind = 'town';
        return d;
      })(),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => [e.file, e.id, e.path])).toEqual([
      [ENTITIES, 'place:kabul', '/placeKind'],
      [SOURCES, 'src:article', '/title'],
      [STATEMENTS, 'st:kirby-1', '/date'],
      [STATEMENTS, 'st:state-1', '/stance'],
    ]);
  });
});

describe('validateDataset() rule: a statement has a quote or a paraphrase, and context for it', () => {
  const CONTEXT = 'denying reports of a rift between the Haqqanis and the Taliban';

  it('accepts a paraphrase with context, and a statement with neither quote nor paraphrase', () => {
    expect(
      problemsAfter((d) => {
        const s = statement(d, 'st:kirby-1');
        delete s.quote;
        s.paraphrase = 'the Haqqani network and the Taliban are separate entities';
        s.context = CONTEXT;
        delete statement(d, 'st:price-1').quote;
      }),
    ).toEqual([]);
  });

  it('accepts context with a quote', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').context = CONTEXT))).toEqual([]);
  });

  it('rejects a statement with both a quote and a paraphrase', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').paraphrase = 'he said they were linked'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/paraphrase',
        message:
          "a statement has either a quote (the speaker's own words) or a paraphrase (the source reporting them), not both; keep the one the source prints",
      },
    ]);
  });

  it('rejects context on a statement without words', () => {
    expect(
      problemsAfter((d) => {
        const s = statement(d, 'st:kirby-1');
        delete s.quote;
        s.context = CONTEXT;
      }),
    ).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/context',
        message:
          'says what the quote refers to, but the statement has no quote or paraphrase; add one, or remove context',
      },
    ]);
  });

  it('rejects context longer than 160 characters, and accepts 160', () => {
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').context = 'x'.repeat(160)))).toEqual([]);
    expect(problemsAfter((d) => (statement(d, 'st:kirby-1').context = 'x'.repeat(172)))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/context',
        message: 'is 172 characters long; at most 160 allowed, shorten it',
      },
    ]);
  });

  it('rejects an empty paraphrase, whitespace around context and a control character in a paraphrase', () => {
    const problems = problemsAfter((d) => {
      const s = statement(d, 'st:kirby-1');
      delete s.quote;
      s.paraphrase = '';
      const p = statement(d, 'st:price-1');
      delete p.quote;
      p.paraphrase = 'separate\u0007entities';
      p.context = ' asked about the Haqqanis';
    });
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/paraphrase',
        message: 'must not be empty',
      },
      {
        file: STATEMENTS,
        id: 'st:price-1',
        path: '/context',
        message: 'has leading or trailing whitespace',
      },
      {
        file: STATEMENTS,
        id: 'st:price-1',
        path: '/paraphrase',
        message: 'contains the invisible control character U+0007 at position 8; remove it',
      },
    ]);
  });
});
