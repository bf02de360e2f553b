/**
 * `claimgraph query consensus` and `query changes`: a relation's verdict under a named, versioned
 * rule, and where speakers changed position; the SDK decides, this module only prints.
 */
import type { Statement } from '@claimgraph/schema';
import type { ClaimGraph, Voices } from '@claimgraph/sdk';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { optionalEntityId, optionalRelationId, relationId } from '../names.js';
import { plural, printJson } from '../output.js';
import { outputFormat, renderTable } from '../table.js';
import { ask, CONTEXT_UNDER_QUOTE, empty, ID_COLUMNS, open, show, writer, type CommonFlags } from './query.js';

const nameOf = (cg: ClaimGraph, id: string) => cg.entity(id)?.name ?? id;

/** "supports part-of", with "(hedged, partial)" when the words are. */
function claim(cg: ClaimGraph, s: Statement): string {
  const qualifiers = [s.hedged ? 'hedged' : '', s.partial ? 'partial' : ''].filter(Boolean);
  return `${s.stance} ${cg.relation(s.relation)?.type ?? s.relation}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`;
}

const words = (s: Statement) => s.quote ?? (s.paraphrase ? `(paraphrase) ${s.paraphrase}` : '');

/** Weights are halves and quarters: 2.5, 0.25. */
const weight = (n: number) => String(n);

export const CONSENSUS_QUERIES = {
  async consensus(io: CliIO, given: string, flags: CommonFlags & { rule?: string }): Promise<number> {
    const write = writer(io);
    const cg = await open(io, flags);
    const id = relationId(cg, given, '<relation>');
    const result = await ask(() => cg.consensus(id, { rule: flags.rule }));
    const format = outputFormat(flags);
    if (format === 'json') {
      printJson(io, result);
      return EXIT.ok;
    }
    const table = {
      headers: ['voice', 'heard from', 'stance', 'weight', 'date', 'quote', 'context', 'voice id', 'statements'],
      rows: result.votes.map((v) => [
        // Under every-statement@1 each statement is its own voice: name its speaker.
        cg.entity(v.voice) ? nameOf(cg, v.voice) : v.speakers.map((s) => nameOf(cg, s)).join(', '),
        v.speakers.map((s) => nameOf(cg, s)).join(', '),
        v.stance,
        weight(v.weight),
        v.statements[0]!.date,
        v.statements.map(words).join(' / '),
        v.statements
          .map((st) => st.context ?? '')
          .filter(Boolean)
          .join(' / '),
        v.voice,
        v.statements.map((s) => s.id).join(' '),
      ]),
      ids: [...ID_COLUMNS, 'voice id', 'statements'],
      attached: CONTEXT_UNDER_QUOTE,
    };
    if (format !== 'table') {
      write(renderTable(table, format, io.stdout.columns));
      return EXIT.ok;
    }
    const { relation, tally } = result;
    write(
      `${nameOf(cg, relation.source)} ${relation.type} ${nameOf(cg, relation.target)} (${relation.id}): ${result.verdict} under ${result.rule}`,
    );
    write(
      `${weight(tally.supports)} for (${plural(tally.supportingVoices, 'voice')}), ${weight(tally.disputes)} against (${plural(tally.disputingVoices, 'voice')})` +
        `${tally.splitVoices ? `, ${plural(tally.splitVoices, 'voice')} split` : ''}; ${tally.counted} of ${plural(tally.statements, 'statement')} decided it`,
    );
    write(renderTable(table, 'table', io.stdout.columns));
    return EXIT.ok;
  },

  async changes(
    io: CliIO,
    flags: CommonFlags & { speaker?: string; relation?: string; entity?: string; voices?: string },
  ): Promise<number> {
    const cg = await open(io, flags);
    const speaker = optionalEntityId(cg, flags.speaker, '--speaker');
    const relation = optionalRelationId(cg, flags.relation, '--relation');
    const entity = optionalEntityId(cg, flags.entity, '--entity');
    const changes = await ask(() => cg.changes({ speaker, relation, entity, voices: flags.voices as Voices }));
    const table = {
      headers: ['date', 'speaker', 'about', 'before', 'after', 'quote', 'context', 'id', 'speaker id', 'before ids'],
      rows: changes.map((c) => [
        c.to.date,
        nameOf(cg, c.voice),
        `${nameOf(cg, c.pair[0])} – ${nameOf(cg, c.pair[1])}`,
        `${c.from[0]!.date}: ${c.from.map((s) => claim(cg, s)).join('; ')}`,
        claim(cg, c.to),
        words(c.to),
        c.to.context ?? '',
        c.to.id,
        c.voice,
        c.from.map((s) => s.id).join(' '),
      ]),
      ids: [...ID_COLUMNS, 'before ids'],
      attached: CONTEXT_UNDER_QUOTE,
    };
    show(io, flags, changes, table, empty('changes of position'));
    return EXIT.ok;
  },
};
