/** The paginated lists: relations (contested first), entities (by type, then name) and the timeline. */
import { ENTITY_TYPES, type Entity, type Relation, type Statement } from '@claimgraph/schema';
import { byDate, listPagePath, paginate, type Site } from '../model.js';
import { timelineChart } from '../charts.js';
import { contestedByWeight } from './home.js';
import { Chart, Cite, Layout, Pager, RelationRow, RuleNote, StatementLine } from './parts.js';

const STATUS_ORDER = { contested: 0, supported: 1, disputed: 2 } as const;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Relations, contested first, then supported, then disputed; by proposition within each. */
export function relationOrder(site: Site): Relation[] {
  return site.data.relations
    .map((relation) => ({ relation, status: site.counts(relation.id).status, text: site.phraseText(relation) }))
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        compareText(a.text, b.text) ||
        compareText(a.relation.id, b.relation.id),
    )
    .map((x) => x.relation);
}

export function entityOrder(site: Site): Entity[] {
  const rank = (e: Entity) => (ENTITY_TYPES as readonly string[]).indexOf(e.type);
  return [...site.data.entities].sort(
    (a, b) => rank(a) - rank(b) || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id),
  );
}

export function timelineOrder(site: Site): Statement[] {
  return [...site.data.statements].sort(byDate);
}

const heading = (what: string, page: number, pages: number) => (pages > 1 ? `${what}, page ${page} of ${pages}` : what);

export function RelationsPage({ site, all, page }: { site: Site; all: Relation[]; page: number }) {
  const path = listPagePath('relations', page);
  const { items, pages } = paginate(all, page, site.options.pageSize);
  return (
    <Layout site={site} kind="relations" path={path} title={heading('Relations', page, pages)}>
      <h1>{heading('Relations', page, pages)}</h1>
      <p class="standfirst">
        {all.length} relations, contested first: each is a proposition about two entities, with the statements for and
        against it.
      </p>
      <RuleNote path={path} />
      <ul class="relation-list">
        {items.map((relation) => (
          <RelationRow site={site} path={path} relation={relation} />
        ))}
      </ul>
      <Pager path={path} list="relations" page={page} pages={pages} />
      <Cite site={site} path={path} what={`Relations in ${site.title}`} />
    </Layout>
  );
}

export function EntitiesPage({ site, all, page }: { site: Site; all: Entity[]; page: number }) {
  const path = listPagePath('entities', page);
  const { items, pages } = paginate(all, page, site.options.pageSize);
  const groups: { type: string; label: string; entities: Entity[] }[] = [];
  for (const entity of items) {
    const last = groups[groups.length - 1];
    if (last && last.type === entity.type) last.entities.push(entity);
    else groups.push({ type: entity.type, label: site.typeLabel(entity), entities: [entity] });
  }
  return (
    <Layout site={site} kind="entities" path={path} title={heading('Entities', page, pages)}>
      <h1>{heading('Entities', page, pages)}</h1>
      <p class="standfirst">{all.length} people, groups, bodies, places, events and documents, by type and name.</p>
      {groups.map((group) => (
        <section aria-label={group.label}>
          <h2>{group.label}</h2>
          <ul class="entity-list">
            {group.entities.map((entity) => (
              <li>
                <a href={site.recordHref(path, entity.id)}>{entity.name}</a>
                {entity.description ? <span class="muted"> — {entity.description}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <Pager path={path} list="entities" page={page} pages={pages} />
      <Cite site={site} path={path} what={`Entities in ${site.title}`} />
    </Layout>
  );
}

/** How many contested relations the timeline chart draws: it must stay readable. */
const TIMELINE_RELATIONS = 6;

/** The relations the timeline chart draws: the most discussed contested ones, by id. */
export function timelineRelations(site: Site): string[] {
  return contestedByWeight(site)
    .slice(0, TIMELINE_RELATIONS)
    .map((r) => r.id)
    .sort();
}

export function TimelinePage({ site, all, page }: { site: Site; all: Statement[]; page: number }) {
  const path = listPagePath('timeline', page);
  const { items, pages } = paginate(all, page, site.options.pageSize);
  // Only the first page draws the chart: its relations are not sorted out again for every page.
  const drawn = page === 1 ? timelineRelations(site) : [];
  return (
    <Layout
      site={site}
      kind="timeline"
      path={path}
      title={heading('Timeline', page, pages)}
      charts={page === 1 && drawn.length > 0}
    >
      <h1>{heading('Timeline', page, pages)}</h1>
      <p class="standfirst">
        Every statement by date, earliest first, each date linked to the statement’s words; a date known only to the
        month or year comes first in its month or year.
      </p>
      {page === 1 && drawn.length ? <Chart site={site} path={path} {...timelineChart(drawn)} /> : null}
      {/* One list, each line dated: a heading for each day cost more than the dates it saved. */}
      <ul class="said">
        {items.map((s) => (
          <StatementLine site={site} path={path} statement={s} />
        ))}
      </ul>
      <Pager path={path} list="timeline" page={page} pages={pages} />
      <Cite site={site} path={path} what={`Timeline of ${site.title}`} />
    </Layout>
  );
}
