import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimgraph, MALFORMED } from './run-cli.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Command names from `claimgraph --help`. */
async function commands(): Promise<string[]> {
  const { stdout } = await claimgraph(['--help']);
  const section = stdout.slice(stdout.indexOf('Commands:'));
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

/** Long option names from `claimgraph <command> --help`. */
async function options(command: string): Promise<string[]> {
  const { stdout } = await claimgraph([command, '--help']);
  return [...stdout.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((o) => o !== '--help');
}

describe('README.md', () => {
  it('documents every command the CLI has', async () => {
    const names = await commands();
    expect(names).toEqual(expect.arrayContaining(['validate', 'build', 'info', 'format', 'verify']));
    for (const name of names)
      expect(README, name).toMatch(new RegExp(`(### \`claimgraph ${name}\\b|\\| \`${name}\\b)`));
  });

  it('documents every flag of validate, build, info, format, verify and chart', async () => {
    for (const command of ['validate', 'build', 'info', 'format', 'verify', 'chart']) {
      const section = README.slice(
        README.indexOf(`### \`claimgraph ${command}`),
        README.indexOf('\n### ', README.indexOf(`### \`claimgraph ${command}`) + 1),
      );
      for (const option of await options(command)) expect(section, `${command} ${option}`).toContain(option);
    }
  });

  it('shows the validate output the CLI really prints', async () => {
    const run = await claimgraph(['validate', 'unknown-statement-relation'], MALFORMED);
    for (const line of run.stderr.trim().split('\n'))
      expect(README).toContain(line.replace(/^unknown-statement-relation/, 'broken'));
    const typo = await claimgraph(['validate', 'json-syntax-error'], MALFORMED);
    for (const line of typo.stderr.trim().split('\n'))
      expect(README).toContain(line.replace(/^json-syntax-error/, 'typo'));
  });
});
