/**
 * The rules across records on the cases their indexes must not lose: repeated ids, references to
 * nothing, lists out of order. Each problem is reported as it is when nothing else is wrong.
 */
import { describe, expect, it } from 'vitest';
import { problemsAfter, statementFor } from './fixture.js';

const RELATIONS = 'data/relations.json';
const STATEMENTS = 'data/statements.json';

const SAME_AS = (first: string) =>
  `states the same relation as "${first}"; point its statements at "${first}" instead, so that agreeing and disputing statements meet`;

describe('validateDataset() cross-record rules', () => {
  it('finds the same words twice on a relation that does not exist', () => {
    const problems = problemsAfter((d) => {
      d.statements.push(
        { ...statementFor('rel:zz-missing', 'st:zz-1'), quote: 'We are here' },
        { ...statementFor('rel:zz-missing', 'st:zz-2'), quote: 'We are here', source: 'src:article' },
      );
    });
    expect(problems.filter((p) => p.path === '')).toEqual([
      {
        file: STATEMENTS,
        id: 'st:zz-2',
        path: '',
        message:
          'one statement, two appearances: "st:zz-2" and "st:zz-1" give the same words of "person:ned-price", supporting "rel:zz-missing"; keep "st:zz-1" and list "src:article" in its appearances (redirect "st:zz-2" to it)',
      },
    ]);
    expect(problems.filter((p) => p.path === '/relation').map((p) => p.id)).toEqual(['st:zz-1', 'st:zz-2']);
  });

  it('finds the same words twice among many statements of one relation, by speaker', () => {
    const problems = problemsAfter((d) => {
      for (let i = 0; i < 6; i++)
        d.statements.push({
          ...statementFor('rel:haqqani-part-of-taliban', `st:zz-${i}`),
          speaker: i % 2 === 0 ? 'person:ned-price' : 'person:john-kirby',
          quote: i < 4 ? `Words ${i}` : 'Words 0',
        });
    });
    expect(problems.map((p) => [p.id, p.message.slice(0, 60)])).toEqual([
      ['st:zz-4', 'one statement, two appearances: "st:zz-4" and "st:zz-0" give'],
    ]);
  });

  it('finds the same relation twice when one of its entities does not exist', () => {
    const problems = problemsAfter((d) => {
      for (const id of ['rel:zz-1', 'rel:zz-2']) {
        d.relations.push({ id, type: 'part-of', source: 'armed-group:zz-missing', target: 'armed-group:taliban' });
        d.statements.push(statementFor(id, `st:${id.slice(4)}`));
      }
    });
    expect(problems.filter((p) => p.path === '')).toEqual([
      { file: RELATIONS, id: 'rel:zz-2', path: '', message: SAME_AS('rel:zz-1') },
    ]);
  });

  it('finds the same symmetric relation twice either way round, among relations of other types', () => {
    const problems = problemsAfter((d) => {
      d.relations.push({
        id: 'rel:zz-1',
        type: 'cooperates-with',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      });
      d.statements.push(statementFor('rel:zz-1'));
    });
    expect(problems).toEqual([
      { file: RELATIONS, id: 'rel:zz-1', path: '', message: SAME_AS('rel:taliban-cooperates-with-haqqani') },
    ]);
  });

  it('reports a repeated relation id once, not as a relation without statements', () => {
    const problems = problemsAfter((d) => {
      d.relations.push({
        id: 'rel:zz-1',
        type: 'located-in',
        source: 'event:kabul-airport-attack',
        target: 'place:kabul',
        start: '2021',
      });
      d.relations.push({ ...d.relations.at(-1)!, start: '2020' });
      d.statements.push(statementFor('rel:zz-1'));
    });
    expect(problems).toEqual([
      {
        file: RELATIONS,
        id: 'rel:zz-1',
        path: '/id',
        message: 'duplicate id: "rel:zz-1" is already used earlier in data/relations.json',
      },
    ]);
  });

  it('reports a repeated statement id in a list out of order, as a release may be', () => {
    const problems = problemsAfter(
      (d) => {
        d.statements.reverse();
        d.statements.push({ ...d.statements[0]!, date: '2021-08-27' });
      },
      { requireSorted: false },
    );
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:state-1',
        path: '/id',
        message: 'duplicate id: "st:state-1" is already used earlier in data/statements.json',
      },
    ]);
  });
});
