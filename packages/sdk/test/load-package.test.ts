// ClaimGraph.load by installed package name, as `import` would find it: from the current folder,
// a subfolder of a project, or a module's own URL; and cg.name from the release or the option.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { awkwardDataset } from './export-helpers.js';

const NAME = '@claimgraph/dataset-afghanistan-2021';
const DATASET = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021');
// These tests are about finding the dataset; its validity is the dataset package's own test.
const LENIENT = { validate: false } as const;

// A project of its own, outside the monorepo, with the dataset installed and a script two folders down.
const project = mkdtempSync(join(tmpdir(), 'claimgraph-project-'));
mkdirSync(join(project, 'node_modules', '@claimgraph'), { recursive: true });
symlinkSync(DATASET, join(project, 'node_modules', '@claimgraph', 'dataset-afghanistan-2021'), 'dir');
mkdirSync(join(project, 'scripts', 'charts'), { recursive: true });
writeFileSync(join(project, 'scripts', 'charts', 'make.mjs'), '');
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('ClaimGraph.load(packageName)', () => {
  it('loads an installed dataset package from the current folder, with its name and version', async () => {
    const cg = await ClaimGraph.load(NAME, LENIENT);
    expect(cg.name).toBe('afghanistan-2021');
    expect(cg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cg.entities().length).toBeGreaterThan(0);
  });

  it('finds the package from a subfolder of a project, given as a folder, a file or a file: URL', async () => {
    const expected = (await ClaimGraph.load(join(DATASET, 'dist'), LENIENT)).toJSON();
    for (const from of [
      join(project, 'scripts', 'charts'),
      join(project, 'scripts', 'charts', 'make.mjs'),
      pathToFileURL(join(project, 'scripts', 'charts', 'make.mjs')),
      pathToFileURL(join(project, 'scripts', 'charts', 'make.mjs')).href,
    ]) {
      const cg = await ClaimGraph.load(NAME, { from, ...LENIENT });
      expect(cg.toJSON()).toEqual(expected);
      expect(cg.name).toBe('afghanistan-2021');
    }
  });

  it('says what to do when the package is not installed where it looked', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'claimgraph-empty-'));
    try {
      await expect(ClaimGraph.load(NAME, { from: elsewhere })).rejects.toThrow(
        `${NAME}: no such file or folder, and no installed package of that name from ${elsewhere} (npm install ${NAME}; in a subfolder or a library, pass { from: import.meta.url })`,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    await expect(ClaimGraph.load(NAME, { from: 42 as never })).rejects.toThrow(
      'ClaimGraph.load(): from must be a folder, a file or a file: URL, not 42',
    );
  });

  it('names a source folder after its package, as its release would be', async () => {
    expect((await ClaimGraph.load(DATASET, LENIENT)).name).toBe('afghanistan-2021');
  });
});

describe('ClaimGraph.fromData(data, { name })', () => {
  it('keeps the name given, through views, and checks it', () => {
    const cg = ClaimGraph.fromData(awkwardDataset(), { name: 'awkward', version: '2.0.0' });
    expect([cg.name, cg.version]).toEqual(['awkward', '2.0.0']);
    expect(cg.asOf('2021-12').name).toBe('awkward');
    expect(ClaimGraph.fromData(awkwardDataset()).name).toBeUndefined();
    expect(() => ClaimGraph.fromData(awkwardDataset(), { name: 7 as never })).toThrow(
      'ClaimGraph.fromData(): name must be a string, not 7',
    );
  });
});
