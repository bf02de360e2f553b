import { describe, expect, it } from 'vitest';
import {
  ENTITY_TYPE_INFO,
  ENTITY_TYPES,
  EntitySchemas,
  ID_PATTERNS,
  isEntityType,
  isRelationType,
  jsonSchemas,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  STANCES,
} from '../src/index.js';

describe('the vocabularies', () => {
  it('describe every entity type and every relation type, and nothing else', () => {
    expect(Object.keys(ENTITY_TYPE_INFO).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(Object.keys(RELATION_TYPE_INFO).sort()).toEqual([...RELATION_TYPES].sort());
    expect(Object.keys(EntitySchemas).sort()).toEqual([...ENTITY_TYPES].sort());
  });

  it('list relation types alphabetically, so releases and docs keep a stable order', () => {
    expect([...RELATION_TYPES].sort()).toEqual([...RELATION_TYPES]);
  });

  it('read the same both ways for symmetric types, and both ends accept the same types', () => {
    for (const type of RELATION_TYPES) {
      const info = RELATION_TYPE_INFO[type];
      if (info.symmetric) {
        expect(info.inverseLabel, type).toBe(info.label);
        expect([...info.source].sort(), type).toEqual([...info.target].sort());
      }
    }
  });

  it('allow only known entity types at either end, without repeats', () => {
    for (const type of RELATION_TYPES) {
      for (const end of [RELATION_TYPE_INFO[type].source, RELATION_TYPE_INFO[type].target]) {
        expect(end.length).toBeGreaterThan(0);
        expect(new Set(end).size).toBe(end.length);
        for (const entityType of end) expect(isEntityType(entityType), `${type}: ${entityType}`).toBe(true);
      }
    }
  });

  it('document only camelCase attribute keys, which the schema accepts', () => {
    const keyPattern = /^[a-z][a-zA-Z0-9]*$/;
    for (const type of RELATION_TYPES)
      for (const key of Object.keys(RELATION_TYPE_INFO[type].attributes ?? {})) expect(key).toMatch(keyPattern);
  });

  it('have two stances', () => {
    expect(STANCES).toEqual(['supports', 'disputes']);
  });
});

describe('isEntityType() and isRelationType()', () => {
  it('accept vocabulary terms only, not prototype names', () => {
    expect(isEntityType('person')).toBe(true);
    expect(isEntityType('constructor')).toBe(false);
    expect(isEntityType('__proto__')).toBe(false);
    expect(isEntityType(1)).toBe(false);
    expect(isRelationType('part-of')).toBe(true);
    expect(isRelationType('toString')).toBe(false);
    expect(isRelationType(undefined)).toBe(false);
  });
});

describe('ID_PATTERNS', () => {
  it('accept lower-case slugs with single hyphens after the right prefix', () => {
    expect(new RegExp(ID_PATTERNS.entity).test('person:sirajuddin-haqqani')).toBe(true);
    expect(new RegExp(ID_PATTERNS.entity).test('media-outlet:bbc-2')).toBe(true);
    expect(new RegExp(ID_PATTERNS.entity).test('person:Sirajuddin')).toBe(false);
    expect(new RegExp(ID_PATTERNS.entity).test('rel:x')).toBe(false);
    expect(new RegExp(ID_PATTERNS.relation).test('rel:a-b')).toBe(true);
    expect(new RegExp(ID_PATTERNS.relation).test('rel:-a')).toBe(false);
    expect(new RegExp(ID_PATTERNS.statement).test('st:kirby-1')).toBe(true);
    expect(new RegExp(ID_PATTERNS.source).test('src:a b')).toBe(false);
  });

  it('cannot confuse the kinds: no id matches two patterns', () => {
    const ids = ['person:a', 'rel:a', 'st:a', 'src:a', 'document:a'];
    for (const id of ids) {
      const matches = Object.values(ID_PATTERNS).filter((p) => new RegExp(p).test(id));
      expect(matches, id).toHaveLength(1);
    }
  });
});

describe('jsonSchemas()', () => {
  it('gives plain JSON documents with a draft 2020-12 $schema', () => {
    const schemas = jsonSchemas();
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'entity.schema.json',
        'relation.schema.json',
        'statement.schema.json',
        'source.schema.json',
        'dataset.schema.json',
      ]),
    );
    for (const [name, schema] of Object.entries(schemas)) {
      expect(JSON.parse(JSON.stringify(schema)), name).toEqual(schema);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
    expect(schemas['statement.schema.json']!.$id).toBe('https://claimgraph.dev/schema/v1/statement.schema.json');
  });

  it('closes every record schema and the attributes object to unknown keys', () => {
    const relation = jsonSchemas()['relation.schema.json'] as {
      additionalProperties: boolean;
      properties: { attributes: { additionalProperties: boolean } };
    };
    expect(relation.additionalProperties).toBe(false);
    expect(relation.properties.attributes.additionalProperties).toBe(false);
    const entity = jsonSchemas()['entity.schema.json'] as { anyOf: { additionalProperties: boolean }[] };
    expect(entity.anyOf).toHaveLength(ENTITY_TYPES.length);
    for (const variant of entity.anyOf) expect(variant.additionalProperties).toBe(false);
  });
});
