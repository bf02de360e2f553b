/** A speaker's perspective: the graph as one speaker tells it, relation by relation, in their words. */
import { RELATION_TYPE_INFO, type Entity, type Statement } from '@claimgraph/schema';
import type { Position, PositionChange } from '@claimgraph/sdk';
import { perspectiveChart } from '../charts.js';
import { perspectivePath, recordPath, relativeHref } from '../permalink.js';
import { byDate, dateText, type Site } from '../model.js';
import { Chart, Cite, DateText, Layout, StanceWord } from './parts.js';

/** How many entities a page names as chips: a prolific speaker speaks of thousands. */
const SUBJECTS_MAX = 12;

export function PerspectivePage({ site, speaker }: { site: Site; speaker: Entity }) {
  const path = perspectivePath(speaker.id);
  // The speaker's statements and their relations, read from the graph: a perspective view
  // (`cg.perspective`) is a whole sub-graph, indexes and all, made again for each speaker.
  const statements = site.cg.statements({ speaker: speaker.id }).sort(byDate);
  const relations = [...new Set(statements.map((s) => s.relation))].map((id) => site.cg.relation(id)!);
  // How often each entity is spoken of: a page names the most spoken of, not thousands.
  const mentions = new Map<string, number>();
  for (const s of statements) {
    const relation = site.cg.relation(s.relation)!;
    for (const id of [relation.source, relation.target]) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  }
  const byName = (a: Entity, b: Entity) =>
    a.name.toLowerCase() < b.name.toLowerCase()
      ? -1
      : a.name.toLowerCase() > b.name.toLowerCase()
        ? 1
        : a.id < b.id
          ? -1
          : 1;
  // From the speaker's own relations, not a pass over every entity of the dataset for each speaker.
  const subjects = [...mentions.keys()]
    .map((id) => site.cg.entity(id))
    .filter((e): e is Entity => e !== undefined)
    .sort((a, b) => mentions.get(b.id)! - mentions.get(a.id)! || byName(a, b));
  if (subjects.length > SUBJECTS_MAX) subjects.length = SUBJECTS_MAX;
  subjects.sort(byName);
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
      {/* The heading's next paragraph: the stylesheet styles it as the standfirst, no class. */}
      <p>
        {speaker.name} spoke about {relations.length} {relations.length === 1 ? 'relation' : 'relations'} in{' '}
        {statements.length} {statements.length === 1 ? 'statement' : 'statements'}: {supports} supporting,{' '}
        {statements.length - supports} disputing. Only {speaker.name}’s statements are counted here.{' '}
        <a href={relativeHref(path, recordPath(speaker.id))}>About {speaker.name} →</a>
      </p>
      <Chart site={site} path={path} {...perspectiveChart(speaker)} />
      <section>
        <h2>Who and what {speaker.name} talks about</h2>
        <ul class="chips">
          {subjects.map((entity) => (
            <li>
              <a href={site.recordHref(path, entity.id)}>{entity.name}</a>
            </li>
          ))}
        </ul>
        {mentions.size > SUBJECTS_MAX ? (
          <p>
            The {SUBJECTS_MAX} {speaker.name} speaks of most, and {mentions.size - SUBJECTS_MAX} more: each is named in
            a relation below, whose page links it.
          </p>
        ) : null}
      </section>
      <section>
        <h2>Positions over time</h2>
        <p>
          By pair of entities, in date order: each relation’s latest statement, its date linked to its words; the
          relation’s page has the earlier ones. A change of stance or relation type is marked.
          {body ? (
            <>
              {' '}
              {speaker.name} speaks for the <a href={site.recordHref(path, body)}>{site.nameOf(body)}</a>, whose
              positions include these words.
            </>
          ) : null}
        </p>
        <ol class="positions">
          {positions.map((position) => (
            <PositionItem site={site} path={path} speaker={speaker.id} position={position} />
          ))}
        </ol>
      </section>
      <Cite site={site} path={path} id={speaker.id} what={`The relations as ${speaker.name} tells them`} />
    </Layout>
  );
}

/** A position's statements by relation, in the order each relation was first spoken of. */
function byRelation(position: Position): Statement[][] {
  const groups = new Map<string, Statement[]>();
  for (const s of position.statements) {
    const group = groups.get(s.relation);
    if (group) group.push(s);
    else groups.set(s.relation, [s]);
  }
  return [...groups.values()];
}

/**
 * One position (a voice on a pair of entities): per relation, the stance now and the latest
 * statement's line, the earlier ones counted and one link away on the relation's page, where
 * every statement is quoted in full; then the changes. A pair spoken of once is a single line.
 */
function PositionItem({
  site,
  path,
  speaker,
  position,
}: {
  site: Site;
  path: string;
  speaker: string;
  position: Position;
}) {
  const typeLabel = (s: Statement) => RELATION_TYPE_INFO[site.cg.relation(s.relation)!.type].label;
  // Two statements of one day making the same change are one change to a reader.
  const changes = new Map<string, PositionChange>();
  for (const change of position.changes) {
    const from = change.from.map((f) => `${f.stance} ${typeLabel(f)}`).join(', ');
    const key = `${change.to.date} ${from} ${change.from[0]!.date} ${change.to.stance} ${typeLabel(change.to)}`;
    if (!changes.has(key)) changes.set(key, change);
  }
  const lines = [
    ...byRelation(position).map((said) => <LatestLine site={site} path={path} speaker={speaker} said={said} />),
    ...[...changes.values()].map((change) => (
      <li class="position-change">
        <DateText date={change.to.date} />: changed from{' '}
        {change.from.map((f) => `${f.stance} ${typeLabel(f)}`).join(', ')} (<DateText date={change.from[0]!.date} />) to{' '}
        {change.to.stance} {typeLabel(change.to)}
      </li>
    )),
  ];
  if (lines.length === 1) return lines[0]!;
  return (
    <li>
      <h3>
        <a href={site.recordHref(path, position.pair[0])}>{site.nameOf(position.pair[0])}</a> and{' '}
        <a href={site.recordHref(path, position.pair[1])}>{site.nameOf(position.pair[1])}</a>
      </h3>
      <ul>{lines}</ul>
    </li>
  );
}

/**
 * A relation's latest statement in a position as a line: its date linked to its permalink (where its
 * words are), the stance now and the relation, whose page quotes the earlier ones. A spokesperson's
 * line on their body's page names them and links their own perspective page.
 */
function LatestLine({ site, path, speaker, said }: { site: Site; path: string; speaker: string; said: Statement[] }) {
  const s = said[said.length - 1]!;
  const relation = site.cg.relation(s.relation)!;
  return (
    <li>
      <a href={site.recordHref(path, s.id)}>{dateText(s.date).label}</a>: <StanceWord statement={s} />{' '}
      <a href={site.recordHref(path, relation.id)}>{site.phraseText(relation)}</a>
      {s.speaker === speaker ? null : (
        <>
          {' '}
          (<a href={relativeHref(path, perspectivePath(s.speaker))}>{site.nameOf(s.speaker)}</a>)
        </>
      )}
      {said.length > 1 ? `, and ${said.length - 1} earlier` : null}
    </li>
  );
}
