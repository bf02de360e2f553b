/**
 * The consensus rules page: how each status on this site is decided, each rule with its version,
 * what it counts and how it weighs hedged and partial words, and what it finds in this dataset.
 */
import { CONSENSUS_RULES, ruleName, STATUS_RULE, VERDICTS, type Verdict } from '@claimgraph/sdk';
import type { Site } from '../model.js';
import { ruleAnchor, RULES_PATH } from '../rule-links.js';
import { Cite, Layout } from './parts.js';

export function RulesPage({ site }: { site: Site }) {
  const path = RULES_PATH;
  const relations = site.data.relations;
  return (
    <Layout site={site} kind="rules" path={path} title="How a status is decided">
      <p class="kicker">Consensus rules</p>
      <h1>How a status is decided</h1>
      <p class="standfirst">
        Every status on this site (supported, disputed, contested) is the verdict of the rule{' '}
        <a href={`#${ruleAnchor(STATUS_RULE)}`}>{STATUS_RULE}</a>, named beside it: every statement counts once. Other
        rules count each speaker once, hear a spokesperson with their department, or weigh hedged and partial words
        less; each relation’s page gives its verdict under each. A rule never changes meaning under the same version.
      </p>
      {CONSENSUS_RULES.map((rule) => {
        const name = ruleName(rule);
        const tally = new Map<Verdict, number>();
        for (const r of relations) {
          const verdict = site.cg.consensus(r.id, { rule: name }).verdict;
          tally.set(verdict, (tally.get(verdict) ?? 0) + 1);
        }
        return (
          <section id={ruleAnchor(name)} aria-labelledby={`${ruleAnchor(name)}-title`}>
            <h2 id={`${ruleAnchor(name)}-title`}>
              <code>{name}</code>
            </h2>
            <p>{rule.description}</p>
            <p class="rule-tally">
              In this dataset:{' '}
              {VERDICTS.filter((v) => tally.has(v))
                .map((v) => `${tally.get(v)} ${v}`)
                .join(', ')}
              .
            </p>
          </section>
        );
      })}
      <Cite site={site} path={path} what="How a status is decided" />
    </Layout>
  );
}
