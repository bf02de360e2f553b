/**
 * What a dataset's coverage declaration promises a reader, beyond its schema: real calendar dates,
 * a period that runs forwards, and searches made within or after it.
 */
import { earliestDay, latestDay, partialDateProblem } from './dates.js';
import { show } from './issues.js';
import type { Coverage } from './records.js';
import type { FieldProblem } from './schema-check.js';

export function checkCoverageRules(coverage: Coverage): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const dated = (path: string, value: string) => {
    const problem = partialDateProblem(value);
    if (problem) problems.push({ path, message: problem });
    return problem === null;
  };
  const fromOk = dated('/period/from', coverage.period.from);
  const toOk = dated('/period/to', coverage.period.to);
  if (fromOk && toOk && earliestDay(coverage.period.from) > latestDay(coverage.period.to))
    problems.push({
      path: '/period/from',
      message: `${show(coverage.period.from)} is after the end of the period, ${show(coverage.period.to)}`,
    });
  coverage.searches.forEach((search, i) => dated(`/searches/${i}/date`, search.date));
  return problems;
}

/** Whether a day (a partial date) falls outside the period the research covered; false without a declaration. */
export function outsideCoverage(coverage: Coverage | undefined, date: string): boolean {
  if (!coverage) return false;
  return latestDay(date) < earliestDay(coverage.period.from) || earliestDay(date) > latestDay(coverage.period.to);
}
