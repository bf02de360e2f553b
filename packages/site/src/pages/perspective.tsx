/** A speaker's perspective: the graph as one speaker tells it, relation by relation, in their words. */
import type { Entity } from '@claimgraph/schema';
import { perspectiveChart } from '../charts.js';
import { perspectivePath, recordPath, relativeHref } from '../permalink.js';
import { byDate, type Site } from '../model.js';
import { Chart, Cite, Layout, StatementItem } from './parts.js';

export function PerspectivePage({ site, speaker }: { site: Site; speaker: Entity }) {
  const path = perspectivePath(speaker.id);
  const view = site.cg.perspective(speaker.id);
  const statements = view.statements().sort(byDate);
  const relations = view.relations();
  const subjectIds = new Set(relations.flatMap((r) => [r.source, r.target]));
  const subjects = site.data.entities
    .filter((e) => subjectIds.has(e.id))
    .sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase()
        ? -1
        : a.name.toLowerCase() > b.name.toLowerCase()
          ? 1
          : a.id < b.id
            ? -1
            : 1,
    );
  const supports = statements.filter((s) => s.stance === 'supports').length;
  return (
    <Layout
      site={site}
      path={path}
      title={`The relations as ${speaker.name} tells them`}
      description={`${statements.length} statements by ${speaker.name}`}
      charts
    >
      <p class="kicker">Perspective · {site.typeLabel(speaker)}</p>
      <h1>The relations as {speaker.name} tells them</h1>
      <p class="standfirst">
        {speaker.name} spoke about {relations.length} {relations.length === 1 ? 'relation' : 'relations'} in{' '}
        {statements.length} {statements.length === 1 ? 'statement' : 'statements'}: {supports} supporting,{' '}
        {statements.length - supports} disputing. Only {speaker.name}’s statements are counted here.{' '}
        <a href={relativeHref(path, recordPath(speaker.id))}>About {speaker.name} →</a>
      </p>
      <Chart site={site} path={path} {...perspectiveChart(speaker)} />
      <section aria-labelledby="who-title">
        <h2 id="who-title">Who and what {speaker.name} talks about</h2>
        <ul class="chips">
          {subjects.map((entity) => (
            <li>
              <a href={site.recordHref(path, entity.id)}>{entity.name}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statements-title">
        <h2 id="statements-title">In {speaker.name}’s words</h2>
        <ol class="statements">
          {statements.map((statement) => (
            <StatementItem site={site} path={path} statement={statement} show="relation" />
          ))}
        </ol>
      </section>
      <Cite site={site} path={path} id={speaker.id} what={`The relations as ${speaker.name} tells them`} />
    </Layout>
  );
}
