// 04 — A Markdown report of every contested relation: who supports it, who disputes it, when, in
// which words and from which source. Paste it into a story draft or a fact-check file.
// Run: node examples/04-contested-report.mjs
import { RELATION_TYPE_INFO } from '@claimgraph/schema';
import { formatPartialDate } from '@claimgraph/charts';
import { loadDataset, saveText } from './lib/io.mjs';

// ── Knobs ───────────────────────────────────────────────────────────────────
const FILE = 'contested-report.md';
const TITLE = 'Contested relations';
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
const name = (/** @type {string} */ id) => cg.entity(id)?.name ?? id;
// Table cells: one line each, pipes escaped, so a quote cannot break the table.
const cell = (/** @type {string | undefined} */ text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim() || '—';

const lines = [`# ${TITLE}`, ''];
lines.push(
  `${cg.contested().length} relations in the dataset (version ${cg.version ?? 'unknown'}) have statements on both sides.`,
  '',
);
for (const relation of cg.contested()) {
  const { supports, disputes } = cg.stances(relation.id);
  const phrase = `${name(relation.source)} ${RELATION_TYPE_INFO[relation.type].label} ${name(relation.target)}`;
  lines.push(
    `## ${phrase}`,
    '',
    `\`${relation.id}\` — ${supports.length} supporting, ${disputes.length} disputing.`,
    '',
  );
  for (const [side, statements] of /** @type {const} */ ([
    ['Supports', supports],
    ['Disputes', disputes],
  ])) {
    lines.push(`### ${side}`, '', '| date | speaker | quote | source |', '| --- | --- | --- | --- |');
    for (const s of statements) {
      const source = cg.source(s.source);
      const speaker = `${name(s.speaker)}${s.hedged ? ' (hedged)' : ''}${s.reportedBy ? `, as reported by ${name(s.reportedBy)}` : ''}`;
      const quote = s.quote ? `“${s.quote}”` : '';
      lines.push(
        `| ${cell(formatPartialDate(s.date))} | ${cell(speaker)} | ${cell(quote)} | ${cell(source ? `${source.publisher}, ${source.title}` : s.source)} |`,
      );
    }
    lines.push('');
  }
}
await saveText(`${lines.join('\n').trimEnd()}\n`, FILE);
