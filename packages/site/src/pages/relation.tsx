/** A relation's page: the proposition in words, its status, the stance chart and every statement. */
import type { Relation } from '@claimgraph/schema';
import { relationChart } from '../charts.js';
import { CONSENSUS_RULES, ruleName } from '@claimgraph/sdk';
import { recordPath, relativeHref } from '../permalink.js';
import { ruleAnchor, RULES_PATH } from '../rule-links.js';
import type { Site } from '../model.js';
import {
  Chart,
  Cite,
  DateText,
  Layout,
  StanceBar,
  StatementItem,
  StatusBadge,
  StatusWord,
  TextWithIds,
} from './parts.js';

/** A rule's count and its voices, "6.5 (7)"; none at all is "0". */
const tally = (count: number, voices: number) => (count || voices ? `${count} (${voices})` : '0');

export function RelationPage({ site, relation }: { site: Site; relation: Relation }) {
  const path = recordPath(relation.id);
  const { supports, disputes, status } = site.cg.stances(relation.id);
  const p = site.phrase(relation);
  const link = (id: string) => site.recordHref(path, id);
  const verdicts = CONSENSUS_RULES.map((rule) => site.cg.consensus(relation.id, { rule: ruleName(rule) }));
  const same = (c: (typeof verdicts)[number]) =>
    `${c.verdict} ${c.tally.supports} ${c.tally.supportingVoices} ${c.tally.disputes} ${c.tally.disputingVoices}`;
  const agreed = verdicts.every((c) => same(c) === same(verdicts[0]!));
  const attributes = Object.entries(relation.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <Layout site={site} kind="relation" path={path} title={site.phraseText(relation)} charts>
      {/* When every rule finds this status the standfirst says so and links the rules: no need to name one. */}
      {/* The relation's type is the heading's middle: the kicker need not say it again. */}
      <p class="kicker">
        Relation ·{' '}
        {agreed && verdicts[0]!.verdict === status ? (
          <StatusWord status={status} />
        ) : (
          <StatusBadge status={status} path={path} />
        )}
      </p>
      {/* The page's one h1 and span: the stylesheet finds them by the page's kind, no classes. */}
      <h1>
        <a href={link(relation.source)}>{p.source}</a> <span>— {p.label} —</span>{' '}
        <a href={link(relation.target)}>{p.target}</a>
      </h1>
      {/* The heading's next paragraph: the stylesheet styles it as the standfirst, no class. */}
      <p>
        {status === 'contested'
          ? 'Some speakers support this, others dispute it.'
          : status === 'supported'
            ? 'Every statement supports this.'
            : 'Every statement disputes this.'}{' '}
        {/* Every rule counting the same and finding the same is said here; a table of identical rows would
            say nothing more. */}
        {agreed ? (
          <>
            All {verdicts.length} <a href={relativeHref(path, RULES_PATH)}>rules</a> agree
            {verdicts[0]!.verdict === status ? '' : `: ${verdicts[0]!.verdict}`}, on the same count.{' '}
          </>
        ) : null}
        <StanceBar supports={supports.length} disputes={disputes.length} />
      </p>
      {relation.start || relation.end || attributes.length || relation.note ? (
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
      ) : null}
      <Chart site={site} path={path} {...relationChart(site, relation)} />
      {agreed ? null : (
        <>
          <h2>Under each rule</h2>
          <div class="table-wrap">
            <table class="verdicts">
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">Verdict</th>
                  {/* "(voices)" once in the heading, not in each of 65,000 cells of a large site. */}
                  <th scope="col">For (voices)</th>
                  <th scope="col">Against (voices)</th>
                </tr>
              </thead>
              <tbody>
                {verdicts.map((c) => (
                  <tr>
                    <td>
                      <a href={relativeHref(path, `${RULES_PATH}#${ruleAnchor(c.rule)}`)}>{c.rule}</a>
                    </td>
                    {/* The verdict's colour from its cell's class: supported, most rows, is the default. */}
                    <td class={c.verdict === 'supported' ? undefined : c.verdict}>{c.verdict}</td>
                    <td>{tally(c.tally.supports, c.tally.supportingVoices)}</td>
                    <td>{tally(c.tally.disputes, c.tally.disputingVoices)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {[
        { stance: 'supports', heading: 'Supporting', list: supports },
        { stance: 'disputes', heading: 'Disputing', list: disputes },
      ].map(({ stance, heading, list }) =>
        list.length ? (
          <>
            <h2>
              {heading} ({list.length})
            </h2>
            {/* The page's lists, found by the stylesheet by their place: one supports unless marked "disputes". */}
            <ol class={stance === 'disputes' ? 'disputes' : undefined}>
              {list.map((statement) => (
                <StatementItem site={site} path={path} statement={statement} />
              ))}
            </ol>
          </>
        ) : null,
      )}
      <Cite site={site} path={path} id={relation.id} what={site.phraseText(relation)} />
    </Layout>
  );
}
