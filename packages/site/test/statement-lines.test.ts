import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, recordPath, statementFragment, statementPath, type SiteFiles } from '../src/index.js';
import { byDate, dateText } from '../src/model.js';
import { bundledInput } from './fixtures.js';
import type { Dataset } from '@claimgraph/schema';

const text = (files: SiteFiles, path: string) => {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no ${path} in the site`);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
};

describe('statement lines', () => {
  describe('on the bundled site', () => {
    let files: SiteFiles;
    let dataset: Dataset;
    beforeAll(async () => {
      const input = await bundledInput();
      dataset = input.dataset;
      files = buildSite(input);
    });

    it('quotes a statement in full on its own page and its relation’s only; elsewhere a row links it', () => {
      const counts = new Map<string, number>();
      for (const s of dataset.statements) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
      const speaker = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      const said = dataset.statements.filter((s) => s.speaker === speaker && s.quote);
      // The speaker's entity page sums their statements up and links the perspective page listing them.
      const entity = text(files, recordPath(speaker));
      expect(entity).toContain(`href="../perspective/${recordPath(speaker)}"`);
      expect(entity).not.toContain('<blockquote');
      // The latest said about an entity are lines linking their permalinks.
      const about = dataset.statements.filter(
        (s) =>
          s.relation &&
          dataset.relations.some((r) => r.id === s.relation && (r.source === speaker || r.target === speaker)),
      );
      expect(about.length).toBeGreaterThan(0);
      expect(entity).toContain('<ul class="said">');
      const lines = entity.slice(entity.indexOf('<ul class="said">'));
      const linked = [...lines.matchAll(/#(st-[\w-]+)"/g)].map((m) => m[1]);
      expect(linked.length).toBe(Math.min(5, about.length));
      const fragments = new Set(about.map((s) => statementFragment(s.id)));
      for (const fragment of linked) expect(fragments.has(fragment!), fragment).toBe(true);
      for (const s of said.slice(0, 5)) {
        expect(text(files, statementPath(s.id))).toContain('<blockquote>“');
        expect(text(files, recordPath(s.relation))).toContain(`#${statementFragment(s.id)}"`);
      }
      // A timeline line is the statement's date linked to its permalink, then who and what: no words,
      // neither a quote nor a paraphrase (the permalink has them).
      const paraphrased = dataset.statements.find((s) => !s.quote && s.paraphrase);
      expect(paraphrased).toBeDefined();
      const row = text(files, 'timeline.html')
        .split('<li>')
        .find((r) => r.includes(`#${statementFragment(paraphrased!.id)}"`));
      expect(row).toMatch(
        new RegExp(`^<a href="[^"]*#${statementFragment(paraphrased!.id)}">${dateText(paraphrased!.date).label}</a>: `),
      );
      expect(row).toContain(`>${dataset.entities.find((e) => e.id === paraphrased!.speaker)!.name}</a>`);
      expect(row).not.toContain('Paraphrase');
      expect(row).not.toContain('“');
      // A speaker's perspective links each relation's latest statement by its date; the earlier
      // ones are counted and one link away, on the relation's page, which the line links.
      const perspective = text(files, `perspective/${recordPath(speaker)}`);
      const spoken = dataset.statements.filter((s) => s.speaker === speaker);
      for (const s of spoken) {
        const latest = spoken
          .filter((t) => t.relation === s.relation)
          .sort(byDate)
          .at(-1)!;
        if (latest === s)
          expect(perspective, s.id).toContain(`#${statementFragment(s.id)}">${dateText(s.date).label}</a>: <b`);
        else expect(perspective, s.id).toMatch(new RegExp(`href="../../${recordPath(s.relation)}">[^<]*</a>, and `));
        expect(text(files, recordPath(s.relation)), s.id).toContain(`#${statementFragment(s.id)}"`);
      }
      expect(perspective).not.toContain('<table');
      // A source's page lists what it reports as the same dated lines, each linking its permalink, no words.
      const source = said[0]!.source;
      const page = text(files, recordPath(source));
      const read = dataset.statements.filter((s) => s.source === source).sort(byDate);
      const listed = page.slice(page.indexOf('<ul class="said">'));
      for (const s of read.slice(0, 5))
        expect(listed, s.id).toMatch(
          new RegExp(`<li><a href="[^"]*#${statementFragment(s.id)}">${dateText(s.date).label}</a>: <a `),
        );
      expect(page).not.toContain('<table');
      expect(listed).not.toContain('<time');
      expect(page).not.toContain('“');
      for (const path of ['timeline.html', `perspective/${recordPath(speaker)}`, recordPath(source)])
        expect(text(files, path)).not.toContain('<blockquote');
    });
  });
});
