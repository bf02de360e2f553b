/**
 * An entity's page: who or what it is, its relations grouped by type with stance counts, how much it
 * said (its perspective page lists its positions), the latest said about it, and its chart.
 */
import { RELATION_TYPE_INFO, type Entity, type Relation } from '@claimgraph/schema';
import { entityChart } from '../charts.js';
import { perspectivePath, recordPath, relativeHref } from '../permalink.js';
import { byDate, type Site } from '../model.js';
import { Chart, Cite, DateText, Layout, More, RelationRow, RuleNote, StatementLine } from './parts.js';

/** The type-specific fields worth a line on the page, in a fixed order, with their labels. */
const FIELDS: [string, string, 'text' | 'date' | 'url' | 'bool'][] = [
  ['role', 'Role', 'text'],
  ['deceased', 'Deceased', 'bool'],
  ['placeKind', 'Kind of place', 'text'],
  ['documentKind', 'Kind of document', 'text'],
  ['founded', 'Founded', 'date'],
  ['date', 'Date', 'date'],
  ['end', 'Ended', 'date'],
  ['published', 'Published', 'date'],
  ['url', 'Web address', 'url'],
];

/**
 * Statements about an entity its page shows, the latest. Each is also on its relation's page (linked
 * from the relations list), its permalink and the timeline: at 100k statements 25 rows a page cost ~30 MB.
 */
const LATEST_ABOUT = 5;

export function EntityPage({ site, entity }: { site: Site; entity: Entity }) {
  const path = recordPath(entity.id);
  const record = entity as Entity & Record<string, unknown>;
  const relations = site.cg.relations({ entity: entity.id });
  const byType = new Map<string, Relation[]>();
  for (const relation of relations) {
    const list = byType.get(relation.type) ?? [];
    list.push(relation);
    byType.set(relation.type, list);
  }
  const types = [...byType.keys()].sort();
  const said = site.cg.statements({ speaker: entity.id }).sort(byDate);
  const about = site.cg.statements({ entity: entity.id }).sort(byDate);
  const isSpeaker = said.length > 0;
  const saidFor = said.filter((s) => s.stance === 'supports').length;
  // The latest statements about it, newest first: every one is on its relation's page, linked above.
  const latest = about.slice(-LATEST_ABOUT).reverse();
  const fields = FIELDS.filter(([key]) => record[key] !== undefined);
  return (
    <Layout site={site} kind="entity" path={path} title={entity.name} description={entity.description} charts>
      <p class="kicker">{site.typeLabel(entity)}</p>
      <h1>{entity.name}</h1>
      {entity.description ? <p class="standfirst">{entity.description}</p> : null}
      {/* The record's id is in the citation below: not said twice. */}
      {entity.aliases?.length || fields.length ? (
        <dl class="facts">
          {entity.aliases?.length ? (
            <div>
              <dt>Also known as</dt>
              <dd>{entity.aliases.join(' · ')}</dd>
            </div>
          ) : null}
          {fields.map(([key, label, kind]) => (
            <div>
              <dt>{label}</dt>
              <dd>
                {kind === 'date' ? (
                  <DateText date={String(record[key])} />
                ) : kind === 'url' ? (
                  <a href={String(record[key])} rel="noopener noreferrer">
                    {String(record[key])}
                  </a>
                ) : kind === 'bool' ? (
                  record[key] ? (
                    'yes'
                  ) : (
                    'no'
                  )
                ) : (
                  String(record[key])
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {isSpeaker ? (
        <p class="callout">
          {entity.name} made {said.length} {said.length === 1 ? 'statement' : 'statements'}
          {said.length > 1 ? (
            <>
              {' '}
              from <DateText date={said[0]!.date} /> to <DateText date={said[said.length - 1]!.date} />
            </>
          ) : null}
          : {saidFor} supporting, {said.length - saidFor} disputing.{' '}
          <a href={relativeHref(path, perspectivePath(entity.id))}>
            The relations as {entity.name} tells them, position by position →
          </a>
        </p>
      ) : null}
      {relations.length ? (
        <>
          <Chart site={site} path={path} {...entityChart(entity)} />
          <section>
            <h2>Relations ({relations.length})</h2>
            <RuleNote path={path} />
            {types.map((type) => (
              <>
                <h3>{RELATION_TYPE_INFO[type as Relation['type']].label}</h3>
                <ul class="relation-list">
                  {byType.get(type)!.map((relation) => (
                    <RelationRow site={site} path={path} relation={relation} />
                  ))}
                </ul>
              </>
            ))}
          </section>
        </>
      ) : null}
      {about.length ? (
        <section>
          <h2>Statements about {entity.name}, latest first</h2>
          <ul class="said">
            {latest.map((s) => (
              <StatementLine site={site} path={path} statement={s} />
            ))}
          </ul>
          <More shown={latest.length} total={about.length} where="each relation's page lists them all" />
        </section>
      ) : null}
      <Cite site={site} path={path} id={entity.id} what={entity.name} />
    </Layout>
  );
}
