/**
 * `claimgraph suggest-same --dataset A --dataset B`: entities whose names fold to one key, for a
 * curator to judge `same` or `different` in a judgements file. It only suggests: nothing is joined
 * and no file is written; `--skeleton` prints a judgements file to fill in and save.
 */
import { readFile } from 'node:fs/promises';
import { openGraph, type DatasetFlags } from '../datasets.js';
import { CliError, EXIT } from '../errors.js';
import { fsPath, type CliIO } from '../io.js';
import { printJson } from '../output.js';
import { outputFormat, renderTable } from '../table.js';

export interface SuggestSameFlags extends DatasetFlags {
  all?: boolean;
  limit: string;
  skeleton?: boolean;
  json?: boolean;
  outputFormat?: string;
}

export async function suggestSameCommand(io: CliIO, flags: SuggestSameFlags): Promise<number> {
  if (!/^\d+$/.test(flags.limit) || Number(flags.limit) < 1)
    throw new CliError(`--limit ${flags.limit}: not a positive whole number`);
  const { cg } = await openGraph(io, flags);
  const pairs = cg.suggestSame({ limit: Number(flags.limit), acrossDatasets: !flags.all }).map((pair) => {
    const [left, right] = [cg.entity(pair.left)!, cg.entity(pair.right)!];
    return {
      left: pair.left,
      right: pair.right,
      type: left.type,
      names: [left.name, right.name] as [string, string],
      datasets: pair.datasets,
      why:
        pair.names[0] === pair.names[1]
          ? `both are called "${pair.names[0]}"`
          : `"${pair.names[0]}" and "${pair.names[1]}" fold to "${pair.key}"`,
    };
  });

  if (flags.skeleton) {
    // A whole file to save over the judgements file: its judgements, then one entry per pair, to be
    // decided by a person. The empty fields do not load until they are filled in.
    const earlier =
      flags.judgements === undefined
        ? []
        : ((JSON.parse(await readFile(fsPath(io, flags.judgements), 'utf8')) as { judgements: unknown[] }).judgements ??
          []);
    printJson(io, {
      version: 1,
      judgements: [
        ...earlier,
        ...pairs.map((p) => ({ left: p.left, right: p.right, judgement: '', by: '', date: '', reason: '' })),
      ],
    });
    return EXIT.ok;
  }
  const format = outputFormat(flags);
  if (format === 'json') {
    printJson(io, pairs);
    return EXIT.ok;
  }
  if (format === 'table' && pairs.length === 0) {
    io.stdout.write(
      `no candidate pairs${cg.datasets.length > 1 && !flags.all ? ' across datasets (--all lists pairs within one too)' : ''}\n`,
    );
    return EXIT.ok;
  }
  const table = {
    headers: ['type', 'left', 'left name', 'left datasets', 'right', 'right name', 'right datasets', 'why'],
    rows: pairs.map((p) => [
      p.type,
      p.left,
      p.names[0],
      p.datasets[0].join(', '),
      p.right,
      p.names[1],
      p.datasets[1].join(', '),
      p.why,
    ]),
    ids: ['left', 'right'],
  };
  io.stdout.write(`${renderTable(table, format, io.stdout.columns)}\n`);
  if (format === 'table')
    io.stdout.write(
      `(${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}; judge them in a judgements file: claimgraph suggest-same … --skeleton > judgements.json)\n`,
    );
  return EXIT.ok;
}
