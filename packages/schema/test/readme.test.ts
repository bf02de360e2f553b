import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  entityExtraFieldsTable,
  entityFieldTable,
  entityTypeTable,
  recordTables,
  relationTypeTable,
} from './readme-tables.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('lists the entity and relation types exactly as ENTITY_TYPE_INFO and RELATION_TYPE_INFO define them', () => {
    expect(README).toContain(entityTypeTable());
    expect(README).toContain(relationTypeTable());
  });

  it('lists the fields of every record exactly as the schemas define them', () => {
    expect(README).toContain(entityFieldTable());
    expect(README).toContain(entityExtraFieldsTable());
    for (const [name, table] of Object.entries(recordTables())) expect(README, name).toContain(table);
  });

  // Runs against the built package, as a user would import it (`npm test` builds it first).
  it('has an example that runs and prints what the README says', () => {
    expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'build the package first: npx tsup').toBe(true);
    const match = /## Example\n\n```js\n([\s\S]*?)```\n\nprints\n\n```\n([\s\S]*?)```/.exec(README);
    expect(match).not.toBeNull();
    const [, code, printed] = match!;
    expect(code!.trim().split('\n').length).toBeLessThanOrEqual(13);
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', code!], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
    });
    expect(output).toBe(printed);
  });
});
