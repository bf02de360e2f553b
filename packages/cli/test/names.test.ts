/**
 * Names where ids are expected: every query option and argument that takes an entity or relation id
 * takes its name too, and a name several records share is refused with the candidates listed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimgraph, crashIn, VALID } from './run-cli.js';

const query = (args: string[], dataset: string | null = VALID) =>
  claimgraph(['query', ...args, ...(dataset === null ? [] : ['--dataset', dataset]), '--json']);

/** The `--json` answer of a query that succeeds. */
async function answer(args: string[], dataset: string | null = VALID): Promise<unknown> {
  const run = await query(args, dataset);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe('names where ids are expected', () => {
  it('--entity, --source, --target and --speaker take a name, ignoring case and accents, or an alias', async () => {
    expect(await answer(['relations', '--entity', 'haqqani NETWORK'])).toEqual(
      await answer(['relations', '--entity', 'armed-group:haqqani-network']),
    );
    expect(await answer(['relations', '--source', 'Haqqanis', '--target', 'Taliban'])).toEqual(
      await answer(['relations', '--source', 'armed-group:haqqani-network', '--target', 'armed-group:taliban']),
    );
    expect(await answer(['statements', '--speaker', 'John Kirby'])).toEqual(
      await answer(['statements', '--speaker', 'person:john-kirby']),
    );
  });

  it('entity, neighbors and path take names as their arguments', async () => {
    expect(await answer(['entity', 'Sirajuddin Haqqani'])).toEqual(
      await answer(['entity', 'person:sirajuddin-haqqani']),
    );
    expect(await answer(['neighbors', 'Taliban'])).toEqual(await answer(['neighbors', 'armed-group:taliban']));
    expect(await answer(['path', 'Haqqani network', 'Taliban'])).toEqual(
      await answer(['path', 'armed-group:haqqani-network', 'armed-group:taliban']),
    );
  });

  it('a relation is named "SOURCE TYPE TARGET", with names or ids at either end', async () => {
    const byId = await answer(['stances', 'rel:haqqani-network-part-of-taliban']);
    expect(await answer(['stances', 'Haqqani network part-of Taliban'])).toEqual(byId);
    expect(await answer(['stances', 'armed-group:haqqani-network part-of Taliban'])).toEqual(byId);
    expect(await answer(['statements', '--relation', 'Haqqani network part-of Taliban'])).toEqual(
      await answer(['statements', '--relation', 'rel:haqqani-network-part-of-taliban']),
    );
    expect(await answer(['consensus', 'Haqqani network part-of Taliban'])).toEqual(
      await answer(['consensus', 'rel:haqqani-network-part-of-taliban']),
    );
  });

  it('a relation type that does not join the two entities lists the relations between them', async () => {
    const run = await query(['stances', 'Haqqani network leads Taliban']);
    expect(crashIn(run.stderr)).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^claimgraph: <relation> "Haqqani network leads Taliban": no leads relation from armed-group:haqqani-network to armed-group:taliban; relations between them:\n/,
    );
    expect(run.stderr).toContain('  rel:haqqani-network-part-of-taliban  (part-of)  Haqqani network part-of Taliban\n');
  });

  it('a name several entities share is refused, listing each with its id and type (exit 2)', async () => {
    const run = await query(['statements', '--speaker', 'One member state'], null);
    expect(crashIn(run.stderr)).toBeNull();
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        'claimgraph: --speaker "One member state" names 2 entities; give one by id:',
        '  international-body:un-member-state-on-deniable-attacks  (international-body)  one member state',
        '  international-body:un-member-state-on-shahab-muhajir  (international-body)  one member state',
        '',
      ].join('\n'),
    );
  });

  it('a name nothing has points at claimgraph query search, not at the library', async () => {
    const run = await query(['relations', '--entity', 'Haqqani'], VALID);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('claimgraph: unknown entity "Haqqani"; find ids with: claimgraph query search "Haqqani"\n');
  });

  it('chart --entity and --relation take names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-names-'));
    const spec = async (...args: string[]) => {
      const out = join(dir, `${args.join('-').replace(/[^a-z]+/gi, '-')}.json`);
      const run = await claimgraph(['chart', 'stance', ...args, '--dataset', VALID, '-o', out]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(await spec('--entity', 'Haqqani network')).toBe(await spec('--entity', 'armed-group:haqqani-network'));
    expect(await spec('--relation', 'Haqqani network part-of Taliban')).toBe(
      await spec('--relation', 'rel:haqqani-network-part-of-taliban'),
    );
    rmSync(dir, { recursive: true });
  });
});
