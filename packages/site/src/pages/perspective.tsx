/** A speaker's perspective: the graph as one speaker tells it, relation by relation, in their words. */
import { RELATION_TYPE_INFO, type Entity, type Statement } from '@claimgraph/schema';
import { perspectiveChart } from '../charts.js';
import { perspectivePath, recordPath, relativeHref } from '../permalink.js';
import { byDate, type Site } from '../model.js';
import { Chart, Cite, DateText, Layout, StanceWord, StatementExcerpt } from './parts.js';

export function PerspectivePage({ site, speaker }: { site: Site; speaker: Entity }) {
  const path = perspectivePath(speaker.id);
  // The speaker's statements and their relations, read from the graph: a perspective view
  // (`cg.perspective`) is a whole sub-graph, indexes and all, made again for each speaker.
  const statements = site.cg.statements({ speaker: speaker.id }).sort(byDate);
  const relations = [...new Set(statements.map((s) => s.relation))].map((id) => site.cg.relation(id)!);
  const subjectIds = new Set(relations.flatMap((r) => [r.source, r.target]));
  // From the speaker's own relations, not a pass over every entity of the dataset for each speaker.
  const subjects = [...subjectIds]
    .map((id) => site.cg.entity(id))
    .filter((e): e is Entity => e !== undefined)
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
  // A body is heard with its spokespeople; a spokesperson's own words are theirs, with a pointer to the body.
  const heard = site.cg.positions({ speaker: speaker.id, voices: 'body' });
  const asBody = heard.filter((p) => p.voice === speaker.id);
  const body = heard.find((p) => p.voice !== speaker.id)?.voice;
  const positions = (body ? site.cg.positions({ speaker: speaker.id }) : asBody).sort(
    (a, b) => byDate(a.statements[0]!, b.statements[0]!) || (a.pair.join() < b.pair.join() ? -1 : 1),
  );
  return (
    <Layout
      site={site}
      kind="perspective"
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
      <section aria-labelledby="positions-title">
        <h2 id="positions-title">Positions over time</h2>
        <p>
          {speaker.name}’s statements in date order, by the pair of entities they are about; a change of stance or
          relation type within a pair is marked. Each statement’s words link to its full quote.
          {body ? (
            <>
              {' '}
              {speaker.name} speaks for the <a href={site.recordHref(path, body)}>{site.nameOf(body)}</a>, whose
              positions include these words.
            </>
          ) : null}
        </p>
        <ol class="positions">
          {positions.map((position) => {
            const changed = new Map(position.changes.map((c) => [c.to.id, c]));
            const step = (s: Statement) => {
              const relation = site.cg.relation(s.relation)!;
              const change = changed.get(s.id);
              return (
                <li>
                  <DateText date={s.date} />
                  {s.speaker === speaker.id ? '' : ` (${site.nameOf(s.speaker)})`}: <StanceWord statement={s} />{' '}
                  <a href={site.recordHref(path, relation.id)}>{site.phraseText(relation)}</a>{' '}
                  <a href={site.recordHref(path, s.id)}>
                    <StatementExcerpt statement={s} />
                  </a>
                  {change ? (
                    <span class="position-change">
                      changed from{' '}
                      {change.from
                        .map((f) => `${f.stance} ${RELATION_TYPE_INFO[site.cg.relation(f.relation)!.type].label}`)
                        .join(', ')}{' '}
                      (<DateText date={change.from[0]!.date} />)
                    </span>
                  ) : null}
                </li>
              );
            };
            // One statement on a pair is a line: its relation names the pair. Several get the pair as a heading.
            if (position.statements.length === 1) return step(position.statements[0]!);
            return (
              <li>
                <h3>
                  <a href={site.recordHref(path, position.pair[0])}>{site.nameOf(position.pair[0])}</a> and{' '}
                  <a href={site.recordHref(path, position.pair[1])}>{site.nameOf(position.pair[1])}</a>
                </h3>
                <ol class="position-steps">{position.statements.map(step)}</ol>
              </li>
            );
          })}
        </ol>
      </section>
      <Cite site={site} path={path} id={speaker.id} what={`The relations as ${speaker.name} tells them`} />
    </Layout>
  );
}
