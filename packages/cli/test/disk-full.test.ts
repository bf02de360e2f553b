/**
 * Issue 25: every command that writes, on a nearly full disk. Each run's output does not fit in the
 * space left, so it must fail (exit non-zero, one line naming the file and ENOSPC) and leave every
 * file it would have replaced with its old bytes, hashed before and after (for sql, which writes
 * only to a temporary folder: nothing left behind in TMPDIR).
 */
import {
  closeSync,
  cpSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountTmpfs, unmountTmpfs } from '../../../test-support/tmpfs.mjs';
import { claimgraph, crashIn, FIXTURES, VALID } from './run-cli.js';
import { hashes } from '../../schema/test/source-folder.js';

const root = mkdtempSync(join(tmpdir(), 'claimgraph-disk-full-'));
const mnt = join(root, 'small');
let mounted = false;

/** A valid source folder of a synthetic dataset; `reversed`: records out of order, for `format` to rewrite. */
function writeSynthetic(dir: string, reversed = false, entities = 60): void {
  const data = syntheticDataset({ entities, seed: 25 });
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: '@claimgraph/dataset-synthetic', version: '1.0.0', description: 'Synthetic.', license: 'CC0-1.0' }, null, 2)}\n`,
  );
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    writeFileSync(
      join(dir, 'data', `${kind}.json`),
      `${JSON.stringify(reversed ? [...data[kind]].reverse() : data[kind], null, 2)}\n`,
    );
}

const SYNTHETIC = join(root, 'synthetic');

beforeAll(() => {
  writeSynthetic(SYNTHETIC);
  mounted = mountTmpfs(mnt, 'size=8m', 'each disk-full case');
});
afterAll(() => {
  if (mounted) unmountTmpfs(mnt);
  rmSync(root, { recursive: true, force: true });
});

/** Fills the small disk, then frees `free` bytes: a write of more than that is cut short by the kernel. */
function fillDisk(free: number): void {
  const fd = openSync(join(mnt, 'filler'), 'w');
  let size = 0;
  try {
    const block = Buffer.alloc(4096, 120);
    for (;;) size += writeSync(fd, block);
  } catch {
    /* ENOSPC */
  }
  ftruncateSync(fd, Math.max(0, size - free));
  closeSync(fd);
}

interface WriterCase {
  /** Puts the old files on the small disk (while it has room); returns the args of the run that must fail. */
  prepare(dir: string): Promise<string[]>;
  /** The environment of that run [none added]. */
  env?: (dir: string) => Record<string, string>;
  /** The bytes left free [8192]. */
  free?: () => Promise<number>;
  /** The file its message must name [any file under the case's folder]. */
  names?: RegExp;
}

const ok = async (args: string[], cwd?: string) => {
  const run = await claimgraph(args, cwd);
  expect(run.stderr + run.stdout, args.join(' ')).not.toMatch(/^\s+at /m);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
};

const chart = (ext: string): WriterCase => ({
  async prepare(dir) {
    await ok(['chart', 'stance', '--out', join(dir, `c.${ext}`), '--dataset', VALID]);
    return ['chart', 'stance', '--out', join(dir, `c.${ext}`), '--dataset', VALID, '--title', 'Drawn again'];
  },
});

const exported = (format: string, single: boolean): WriterCase => ({
  async prepare(dir) {
    const out = join(dir, single ? `x.${format}` : 'x');
    await ok(['export', '--format', format, '--out', out, '--dataset', VALID]);
    return ['export', '--format', format, '--out', out, '--dataset', SYNTHETIC];
  },
});

/** The synthetic dataset copied onto the small disk: the commands that write into a dataset. */
const inDataset = (args: (ds: string) => Promise<string[]>): WriterCase => ({
  async prepare(dir) {
    const ds = join(dir, 'ds');
    cpSync(SYNTHETIC, ds, { recursive: true });
    return args(ds);
  },
});

const SEVERAL = join(FIXTURES, 'several');
const PAGE = 4096;

/** The disk pages the Parquet files of the two `several` datasets as one take: room for them and no more. */
async function mergedParquetPages(): Promise<number> {
  const out = join(root, 'several-parquet');
  await ok(['export', '--format', 'parquet', '--out', out, '--dataset', 'first', '--dataset', 'second'], SEVERAL);
  // One folder per table, partitioned: every file at any depth, in whole pages.
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .map((f) => lstatSync(join(out, f)))
    .filter((stat) => stat.isFile())
    .reduce((sum, stat) => sum + Math.ceil(stat.size / PAGE) * PAGE, 0);
}

const CASES: Record<string, WriterCase> = {
  'chart --out c.svg': chart('svg'),
  'chart --out c.png': chart('png'),
  'chart --out c.json': chart('json'),
  'chart --out c.html': chart('html'),
  'export gexf': exported('gexf', true),
  'export graphml': exported('graphml', true),
  'export ndjson': exported('ndjson', false),
  'export csv': exported('csv', false),
  'export parquet': exported('parquet', false),
  'export neo4j': exported('neo4j', false),
  'sheet export .xlsx': {
    async prepare(dir) {
      await ok(['sheet', 'export', VALID, '--out', join(dir, 'c.xlsx')]);
      return ['sheet', 'export', SYNTHETIC, '--out', join(dir, 'c.xlsx')];
    },
  },
  'sheet export CSV folder': {
    async prepare(dir) {
      await ok(['sheet', 'export', VALID, '--out', `${join(dir, 'sheets')}/`]);
      return ['sheet', 'export', SYNTHETIC, '--out', `${join(dir, 'sheets')}/`];
    },
  },
  site: {
    async prepare(dir) {
      await ok(['site', '--out', join(dir, 'site'), '--dataset', VALID]);
      return ['site', '--out', join(dir, 'site'), '--dataset', SYNTHETIC];
    },
  },
  // Staged beside the folder it will become: nothing of it may be left, not even the staging folder.
  'site into a new folder': {
    async prepare(dir) {
      return ['site', '--out', join(dir, 'site'), '--dataset', SYNTHETIC];
    },
  },
  build: {
    async prepare(dir) {
      await ok(['build', VALID, '--out', join(dir, 'release')]);
      return ['build', SYNTHETIC, '--out', join(dir, 'release')];
    },
  },
  // Room for every file of the release but the last, datapackage.json (written when the rest is on disk).
  'build, at datapackage.json': {
    async prepare(dir) {
      await ok(['build', VALID, '--out', join(dir, 'release')]);
      return ['build', SYNTHETIC, '--out', join(dir, 'release')];
    },
    free: async () => {
      const release = join(root, 'release-sizes');
      rmSync(release, { recursive: true, force: true });
      await ok(['build', SYNTHETIC, '--out', release]);
      const pages = (path: string) => Math.ceil(statSync(path).size / 4096);
      const files = readdirSync(release, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
      const others = files.filter((entry) => entry.name !== 'datapackage.json');
      const used = others.reduce((sum, entry) => sum + pages(join(entry.parentPath, entry.name)), 0);
      // The lock file takes a page too; datapackage.json, of several pages, does not fit in the one left.
      expect(pages(join(release, 'datapackage.json'))).toBeGreaterThan(1);
      return (used + 2) * 4096;
    },
    names: /cannot write \S+\/release\/datapackage\.json: no space left on the disk \(ENOSPC\)/,
  },
  format: inDataset(async (ds) => {
    writeSynthetic(ds, true);
    return ['format', ds];
  }),
  'quotes --anchor': inDataset(async (ds) => {
    const data = JSON.parse(readFileSync(join(ds, 'data', 'statements.json'), 'utf8')) as {
      source: string;
      quote?: string;
    }[];
    const sources = join(root, 'snapshots');
    mkdirSync(sources, { recursive: true });
    const bySource = new Map<string, string[]>();
    for (const s of data) if (s.quote) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.quote]);
    for (const [source, quotes] of bySource)
      writeFileSync(join(sources, `${source.replace(/^src:/, '')}.txt`), quotes.join('\n\n'));
    return ['quotes', ds, '--sources', sources, '--anchor'];
  }),
  // The provenance file of a query over several datasets, written after their tables, in TMPDIR.
  'sql over several datasets': {
    async prepare() {
      return [
        'sql',
        'SELECT count(*) FROM statements',
        '--dataset',
        join(SEVERAL, 'first'),
        '--dataset',
        join(SEVERAL, 'second'),
      ];
    },
    env: (dir) => ({ TMPDIR: dir }),
    free: mergedParquetPages,
    names: /cannot write \S+\/claimgraph-sql-\w+\/provenance\.ndjson: no space left on the disk \(ENOSPC\)/,
  },
  'sheet import': inDataset(async (ds) => {
    // The sheets of the same dataset with every note changed: the import rewrites statements.json.
    const edited = join(root, 'edited');
    rmSync(edited, { recursive: true, force: true });
    cpSync(SYNTHETIC, edited, { recursive: true });
    const file = join(edited, 'data', 'statements.json');
    const statements = JSON.parse(readFileSync(file, 'utf8')) as { note?: string }[];
    for (const s of statements) s.note = 'Checked again.';
    writeFileSync(file, `${JSON.stringify(statements, null, 2)}\n`);
    const sheets = join(root, 'import-sheets');
    rmSync(sheets, { recursive: true, force: true });
    await ok(['sheet', 'export', edited, '--out', `${sheets}/`]);
    return ['sheet', 'import', `${sheets}/`, ds];
  }),
};

describe('every writer on a nearly full disk fails and changes nothing', () => {
  for (const [name, writer] of Object.entries(CASES)) {
    it(`${name}: exits non-zero naming ENOSPC, and every old file keeps its bytes`, async (context) => {
      if (!mounted) return context.skip();
      const dir = join(mnt, 'case');
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(mnt, 'filler'), { force: true });
      mkdirSync(dir);
      const args = await writer.prepare(dir);
      const before = hashes(dir);
      const free = (await writer.free?.()) ?? 8192;
      try {
        fillDisk(free);
        const run = await claimgraph(args, undefined, { env: writer.env?.(dir) });
        expect(crashIn(run.stderr)).toBeNull();
        expect(run.code, `${run.stdout}\n${run.stderr}`).not.toBe(0);
        expect(run.stderr).toMatch(/no space left on the disk/);
        expect(run.stderr).toContain('ENOSPC');
        // The file is named as the user knows it (under the case's folder), never as a temporary copy.
        expect(run.stderr).toMatch(writer.names ?? new RegExp(`cannot write ${dir}/`));
        expect(run.stderr).not.toMatch(/\.(building|staging|old|tmp)-\d+-[0-9a-f]{8}/);
        expect(run.stdout).not.toMatch(/^wrote /m);
        expect(hashes(dir)).toEqual(before);
      } finally {
        rmSync(join(mnt, 'filler'), { force: true });
      }
    });
  }
});
