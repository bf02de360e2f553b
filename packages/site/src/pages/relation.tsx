/** A relation's page: the proposition in words, its status, the stance chart and every statement. */
import { RELATION_TYPE_INFO, type Relation } from '@claimgraph/schema';
import { relationChart } from '../charts.js';
import { recordPath } from '../permalink.js';
import type { Site } from '../model.js';
import { Chart, Cite, DateText, Layout, StanceBar, StatementItem, StatusBadge, TextWithIds } from './parts.js';

export function RelationPage({ site, relation }: { site: Site; relation: Relation }) {
  const path = recordPath(relation.id);
  const { supports, disputes, status } = site.cg.stances(relation.id);
  const p = site.phrase(relation);
  const info = RELATION_TYPE_INFO[relation.type];
  const link = (id: string) => site.recordHref(path, id);
  const attributes = Object.entries(relation.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <Layout site={site} path={path} title={site.phraseText(relation)} charts>
      <p class="kicker">
        Relation · {info.label} · <StatusBadge status={status} />
      </p>
      <h1 class="proposition-title">
        <a href={link(relation.source)}>{p.source}</a> <span class="rel-label">— {p.label} —</span>{' '}
        <a href={link(relation.target)}>{p.target}</a>
      </h1>
      <p class="standfirst">
        {status === 'contested'
          ? 'Contested: some speakers support this, others dispute it.'
          : status === 'supported'
            ? 'Supported: every statement on record supports this.'
            : 'Disputed: every statement on record disputes this.'}{' '}
        <StanceBar supports={supports.length} disputes={disputes.length} />
      </p>
      <dl class="facts">
        {relation.start ? (
          <div>
            <dt>Since</dt>
            <dd>
              <DateText date={relation.start} />
            </dd>
          </div>
        ) : null}
        {relation.end ? (
          <div>
            <dt>Until</dt>
            <dd>
              <DateText date={relation.end} />
            </dd>
          </div>
        ) : null}
        {attributes.map(([key, value]) => (
          <div>
            <dt>{key}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
        {relation.note ? (
          <div>
            <dt>Curator’s note</dt>
            <dd>
              <TextWithIds site={site} path={path} text={relation.note} />
            </dd>
          </div>
        ) : null}
      </dl>
      <Chart site={site} path={path} {...relationChart(site, relation)} />
      {[
        { key: 'supports', heading: 'Supporting', list: supports },
        { key: 'disputes', heading: 'Disputing', list: disputes },
      ].map(({ key, heading, list }) =>
        list.length ? (
          <section aria-labelledby={`${key}-title`}>
            <h2 id={`${key}-title`}>
              {heading} ({list.length})
            </h2>
            <ol class="statements">
              {list.map((statement) => (
                <StatementItem site={site} path={path} statement={statement} show="speaker" />
              ))}
            </ol>
          </section>
        ) : null,
      )}
      <Cite site={site} path={path} id={relation.id} what={site.phraseText(relation)} />
    </Layout>
  );
}
