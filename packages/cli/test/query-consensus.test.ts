/**
 * `claimgraph query consensus` and `query changes`: verdicts under named rules and changes of
 * position, on the bundled dataset and on a copy of the valid fixture where a speaker changes their mind.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '@claimgraph/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, lines, VALID } from './run-cli.js';

const PART_OF = 'rel:haqqani-network-part-of-taliban';
let changed: string;

beforeAll(() => {
  // The valid fixture, plus Sirajuddin Haqqani disputing in 2021 what he supported in 2020.
  changed = join(mkdtempSync(join(tmpdir(), 'claimgraph-changes-')), 'dataset');
  cpSync(VALID, changed, { recursive: true });
  const file = join(changed, 'data', 'statements.json');
  const statements = JSON.parse(readFileSync(file, 'utf8')) as Statement[];
  statements.push({
    id: 'st:sirajuddin-haqqani-2',
    relation: PART_OF,
    speaker: 'person:sirajuddin-haqqani',
    stance: 'disputes',
    date: '2021-08-29',
    quote: 'We are two movements',
    source: statements[0]!.source,
  });
  statements.sort((a, b) => (a.id < b.id ? -1 : 1));
  writeFileSync(file, JSON.stringify(statements, null, 2));
});

const query = (args: string[], dataset: string | null) =>
  claimgraph(['query', ...args, ...(dataset === null ? [] : ['--dataset', dataset])]);

describe('query changes', () => {
  it('lists each change with its date, the position before and after, and the quote', async () => {
    const run = await query(['changes', '--output-format', 'csv'], changed);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toEqual([
      'date,speaker,about,before,after,quote,context,id,speaker id,before ids',
      '2021-08-29,Sirajuddin Haqqani,Haqqani network – Taliban,2020: supports part-of,disputes part-of,We are two movements,,st:sirajuddin-haqqani-2,person:sirajuddin-haqqani,st:sirajuddin-haqqani-1',
    ]);
  });

  it('--json gives the change records; filters narrow them', async () => {
    const all = await query(['changes', '--json'], changed);
    const [change] = JSON.parse(all.stdout) as { voice: string; changed: string[]; to: { id: string } }[];
    expect(change).toMatchObject({ voice: 'person:sirajuddin-haqqani', changed: ['stance'] });
    expect((await query(['changes', '--speaker', 'person:ned-price'], changed)).stdout).toBe(
      'no changes of position\n',
    );
    expect((await query(['changes', '--entity', 'place:kabul', '--json'], changed)).stdout).toBe('[]\n');
    expect(JSON.parse((await query(['changes', '--relation', PART_OF, '--json'], changed)).stdout)).toHaveLength(1);
  });

  it('--voices body hears the State Department with its spokesman on the bundled dataset', async () => {
    const run = await query(['changes', '--voices', 'body', '--entity', 'armed-group:haqqani-network', '--json'], null);
    expect(run.code).toBe(0);
    const changes = JSON.parse(run.stdout) as { voice: string; from: { id: string }[] }[];
    expect(changes.map((c) => c.voice)).toContain('government-body:state-department');
    expect(changes.find((c) => c.voice === 'government-body:state-department')!.from[0]!.id).toBe(
      'st:ned-price-separate-entities',
    );
  });

  it('bad options are one-line usage errors', async () => {
    const run = await query(['changes', '--voices', 'everyone'], changed);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('claimgraph: positions(): voices must be one of speaker, body, not "everyone"\n');
  });
});

describe('query consensus', () => {
  it('prints the verdict under the rule, the tallies and each voice', async () => {
    const run = await query(['consensus', PART_OF], changed);
    expect(run.code).toBe(0);
    const [verdict, tally] = lines(run.stdout);
    expect(verdict).toBe(`Haqqani network part-of Taliban (${PART_OF}): disputed under each-speaker-latest@1`);
    expect(tally).toBe('0 for (0 voices), 2 against (2 voices); 2 of 3 statements decided it');
  });

  it('--rule picks another rule; --json gives the verdict, tallies, votes and deciding statements', async () => {
    const run = await query(['consensus', PART_OF, '--rule', 'every-statement', '--json'], changed);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ rule: 'every-statement@1', verdict: 'contested' });
    expect(Object.keys(result)).toEqual(['relation', 'rule', 'verdict', 'tally', 'votes', 'decidedBy']);
  });

  it('an unknown rule is a usage error listing the known ones', async () => {
    const run = await query(['consensus', PART_OF, '--rule', 'majority'], changed);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'claimgraph: consensus(): rule "majority" is not a known consensus rule; use one of every-statement@1, each-speaker-latest@1, one-voice-per-body@1, plain-words@1\n',
    );
  });

  it('query contested --rule lists what a rule finds contested', async () => {
    const contested = async (rule: string[]) =>
      (JSON.parse((await query(['contested', ...rule, '--json'], changed)).stdout) as { id: string }[]).map(
        (r) => r.id,
      );
    expect(await contested([])).toEqual([PART_OF]);
    expect(await contested(['--rule', 'each-speaker-latest@1'])).toEqual([]);
  });

  it('on the bundled dataset, one-voice-per-body@1 hears one State Department voice against', async () => {
    const run = await query(['consensus', PART_OF, '--rule', 'one-voice-per-body@1', '--json'], null);
    const result = JSON.parse(run.stdout) as { verdict: string; tally: { disputingVoices: number } };
    expect(result.verdict).toBe('contested');
    expect(result.tally.disputingVoices).toBe(1);
  });
});
