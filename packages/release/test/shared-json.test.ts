import { describe, expect, it } from 'vitest';
import { SharedJson } from '../src/shared-json.js';

const records = Array.from({ length: 2000 }, (_, i) => ({ id: `e:${i}`, n: i }));

/** One chunk per record: the record's text, as a file of one record per line would take it. */
function* lines(json: (record: object) => string): Generator<string> {
  for (const record of records) yield `${json(record)}\n`;
}

const expected = records.map((r) => `${JSON.stringify(r)}\n`).join('');

async function read(chunks: AsyncIterable<string>, trace?: string[], name?: string): Promise<string> {
  let text = '';
  for await (const chunk of chunks) {
    text += chunk;
    trace?.push(name!);
  }
  return text;
}

describe('SharedJson', () => {
  it('gives both sides every text, each made once, and keeps the side ahead close to the other', async () => {
    const shared = new SharedJson();
    let made = 0;
    const stringify = JSON.stringify;
    JSON.stringify = ((value: unknown) => {
      made++;
      return stringify(value);
    }) as typeof JSON.stringify;
    const trace: string[] = [];
    try {
      const [a, b] = await Promise.all([
        read(shared.first.paced(lines(shared.first.json)), trace, 'a').finally(() => shared.first.close()),
        // The second side starts late: the first must wait for it rather than run through every record.
        new Promise((resolve) => setTimeout(resolve, 20)).then(() =>
          read(shared.second.paced(lines(shared.second.json)), trace, 'b').finally(() => shared.second.close()),
        ),
      ]);
      expect(a).toBe(expected);
      expect(b).toBe(expected);
    } finally {
      JSON.stringify = stringify;
    }
    expect(made).toBe(records.length);
    // The first side stopped well before its last record to let the second one catch up.
    expect(trace.indexOf('b')).toBeLessThan(trace.lastIndexOf('a'));
    expect(trace.slice(0, trace.indexOf('b')).length).toBeLessThan(records.length / 2);
  });

  it('lets a side go on alone once the other has failed', async () => {
    const shared = new SharedJson();
    const failing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('disk full');
    })().finally(() => shared.second.close());
    const [a, b] = await Promise.allSettled([
      read(shared.first.paced(lines(shared.first.json))).finally(() => shared.first.close()),
      failing,
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: expected });
    expect(b.status).toBe('rejected');
  });
});
