/**
 * The few things only a real `claimgraph` process shows: exit statuses as the shell sees them,
 * --version and --help from the built command, output piped into a reader that stops early (EPIPE),
 * a crash-free exit when killed by a signal. Every other test runs the CLI in-process (run-cli.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { BIN, claimgraphProcess, MALFORMED, VALID } from './run-cli.js';

describe('the claimgraph executable', () => {
  it('prints its version and exits 0', async () => {
    const run = await claimgraphProcess(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help listing every command and exits 0', async () => {
    const run = await claimgraphProcess(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['validate', 'build', 'info', 'query', 'chart', 'site', 'export', 'sql'])
      expect(run.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });

  it('exits 0 for valid data, 1 for invalid data, 2 for a usage error', async () => {
    expect((await claimgraphProcess(['validate', VALID])).code).toBe(0);
    const invalid = await claimgraphProcess(['validate', join(MALFORMED, 'self-loop')]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('self-loop');
    const usage = await claimgraphProcess(['valdate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'valdate'");
  });

  it('answers a query on the bundled dataset', async () => {
    const run = await claimgraphProcess(['query', 'contested', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('exits quietly when stdout closes (EPIPE), as `| head` does', () => {
    const script = `"${process.execPath}" "${BIN}" query statements --json | head -c 10`;
    const { status, stdout, stderr } = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(status).toBe(0);
    expect(stdout.startsWith('[')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('ends on SIGTERM like any Node process, without a stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', VALID], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    // Killed before it finished (signal), or it had already finished (0): never a crash.
    expect(signal === 'SIGTERM' || code === 0).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
