/**
 * locateQuote() on a near miss (issue 25): one 300-character quote with one letter changed, in
 * snapshots of 257 KB and 1 MB, on varied text and on text of only 17 words (where every window
 * looks alike and the q-gram filter cannot skip anything). Prints each time beside a plain
 * indexOf over the same text, measured in the same run. Run: node bench/quotes-near-miss.mjs
 */
import { performance } from 'node:perf_hooks';
import { locateQuote } from '../dist/quotes/index.js';

let seed = 7;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = (list) => list[Math.floor(random() * list.length)];
const syllables = 'ka bul ta li ban do ha ne go ti ate with for ces and the gov ern ment said'.split(' ');
const varied = Array.from({ length: 3000 }, () =>
  Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
);
const few =
  'the taliban said that forces would withdraw from kabul after talks in doha with officials and envoys'.split(' ');

function text(words, size) {
  const out = [];
  let length = 0;
  while (length < size) {
    const word = `${pick(words)}${random() < 0.1 ? '. ' : ' '}`;
    out.push(word);
    length += word.length;
  }
  return out.join('');
}

const time = (f) => {
  const start = performance.now();
  const result = f();
  return { ms: performance.now() - start, result };
};

console.log('text      size      near miss   indexOf   ratio');
for (const [name, words] of [
  ['varied', varied],
  ['17 words', few],
]) {
  for (const size of [257_000, 1_000_000]) {
    const snapshot = text(words, size);
    const at = Math.floor(snapshot.length / 2);
    const quote = snapshot
      .slice(at, at + 300)
      .trim()
      .replace(/a/, 'e');
    const near = time(() => locateQuote(snapshot, quote));
    if (near.result.status !== 'near-miss') throw new Error(`expected a near miss, got ${near.result.status}`);
    const plain = time(() => snapshot.indexOf(quote));
    console.log(
      `${name.padEnd(9)} ${`${size / 1000} KB`.padEnd(9)} ${`${near.ms.toFixed(0)} ms`.padStart(9)} ${`${plain.ms.toFixed(1)} ms`.padStart(9)} ${(near.ms / Math.max(plain.ms, 0.01)).toFixed(0).padStart(7)}×`,
    );
  }
}
