/**
 * An entity's page: who or what it is, its relations grouped by type with stance counts, what it
 * said and what is said about it, and its neighbourhood chart.
 */
import { RELATION_TYPE_INFO, type Entity, type Relation } from '@claimgraph/schema';
import { entityChart } from '../charts.js';
import { perspectivePath, recordPath, relativeHref } from '../permalink.js';
import { byDate, type Site } from '../model.js';
import { Chart, Cite, DateText, Layout, More, RelationRow, RuleNote, StatementRows } from './parts.js';

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
  const limit = site.options.listLimit;
  const isSpeaker = said.length > 0;
  return (
    <Layout site={site} kind="entity" path={path} title={entity.name} description={entity.description} charts>
      <p class="kicker">{site.typeLabel(entity)}</p>
      <h1>{entity.name}</h1>
      {entity.description ? <p class="standfirst">{entity.description}</p> : null}
      <dl class="facts">
        {entity.aliases?.length ? (
          <div>
            <dt>Also known as</dt>
            <dd>{entity.aliases.join(' · ')}</dd>
          </div>
        ) : null}
        {FIELDS.filter(([key]) => record[key] !== undefined).map(([key, label, kind]) => (
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
        <div>
          <dt>Record</dt>
          <dd>
            <code>{entity.id}</code>
          </dd>
        </div>
      </dl>
      {isSpeaker ? (
        <p class="callout">
          {entity.name} made {said.length} {said.length === 1 ? 'statement' : 'statements'}.{' '}
          <a href={relativeHref(path, perspectivePath(entity.id))}>The relations as {entity.name} tells them →</a>
        </p>
      ) : null}
      {relations.length ? (
        <>
          <Chart site={site} path={path} {...entityChart(entity)} />
          <section aria-labelledby="relations-title">
            <h2 id="relations-title">Relations ({relations.length})</h2>
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
      {said.length ? (
        <section aria-labelledby="said-title">
          <h2 id="said-title">Statements by {entity.name}</h2>
          <StatementRows
            site={site}
            path={path}
            statements={said.slice(0, limit)}
            speaker={false}
            caption={`Statements by ${entity.name}`}
          />
          <More shown={Math.min(limit, said.length)} total={said.length} where="the perspective page lists them all" />
        </section>
      ) : null}
      {about.length ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">Statements about {entity.name}</h2>
          <StatementRows
            site={site}
            path={path}
            statements={about.slice(0, limit)}
            caption={`Statements about ${entity.name}`}
          />
          <More
            shown={Math.min(limit, about.length)}
            total={about.length}
            where="each relation's page lists all of its statements"
          />
        </section>
      ) : null}
      <Cite site={site} path={path} id={entity.id} what={entity.name} />
    </Layout>
  );
}
