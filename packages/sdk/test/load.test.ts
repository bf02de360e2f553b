import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimGraph, ClaimGraphIntegrityError, ClaimGraphLoadError, ClaimGraphValidationError } from '../src/index.js';
import { fixture, writeRelease, writeSourceFolder } from './fixture.js';

let source: string;
let release: string;
let expected: ReturnType<ClaimGraph['toJSON']>;

beforeAll(async () => {
  ({ source, release } = await writeRelease(fixture(), '1.2.3'));
  expected = ClaimGraph.fromData(fixture()).toJSON();
});

/** A copy of the release in a fresh folder, to tamper with. */
async function copyRelease(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimgraph-release-'));
  for (const file of ['dataset.json', 'datapackage.json'])
    await writeFile(join(dir, file), await readFile(join(release, file)));
  return dir;
}

describe('ClaimGraph.load() from disk', () => {
  it('loads a release folder, with its version', async () => {
    const cg = await ClaimGraph.load(release);
    expect(cg.toJSON()).toEqual(expected);
    expect(cg.version).toBe('1.2.3');
  });

  it('loads a release’s dataset.json', async () => {
    const cg = await ClaimGraph.load(join(release, 'dataset.json'));
    expect(cg.toJSON()).toEqual(expected);
    expect(cg.version).toBe('1.2.3');
  });

  it('loads a dataset source folder, with the version in its package.json', async () => {
    const cg = await ClaimGraph.load(source);
    expect(cg.toJSON()).toEqual(expected);
    expect(cg.version).toBe('1.2.3');
  });

  it('loads file: URLs, as strings and as URL objects', async () => {
    const url = pathToFileURL(release);
    expect((await ClaimGraph.load(url)).toJSON()).toEqual(expected);
    expect((await ClaimGraph.load(url.href)).toJSON()).toEqual(expected);
  });

  it('loads a bare dataset.json with no datapackage.json next to it', async () => {
    const dir = await copyRelease();
    await rm(join(dir, 'datapackage.json'));
    const cg = await ClaimGraph.load(join(dir, 'dataset.json'));
    expect(cg.toJSON()).toEqual(expected);
    expect(cg.version).toBeUndefined();
  });

  it('refuses a release whose datapackage.json lists no hash for its dataset.json', async () => {
    const dir = await copyRelease();
    const descriptor = JSON.parse(await readFile(join(dir, 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    descriptor.resources = descriptor.resources.filter((r) => r.path !== 'dataset.json');
    await writeFile(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    await expect(ClaimGraph.load(dir)).rejects.toThrow(ClaimGraphLoadError);
    await expect(ClaimGraph.load(dir)).rejects.toThrow('datapackage.json lists no sha256 for dataset.json');
    expect((await ClaimGraph.load(dir, { integrity: false })).toJSON()).toEqual(expected);
  });

  it('refuses a release whose dataset.json was changed after it was built, naming the file', async () => {
    const dir = await copyRelease();
    const file = join(dir, 'dataset.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"John Kirby"', '"Jon Kirby"'));
    const loading = ClaimGraph.load(dir);
    await expect(loading).rejects.toThrow(ClaimGraphIntegrityError);
    await expect(ClaimGraph.load(dir)).rejects.toThrow(
      `@claimgraph/sdk: ${file}: sha256 mismatch: datapackage.json says`,
    );
    await expect(ClaimGraph.load(dir)).rejects.toMatchObject({ file, name: 'ClaimGraphIntegrityError' });
    // The check can be skipped on purpose.
    expect((await ClaimGraph.load(dir, { integrity: false })).entity('person:john-kirby')?.name).toBe('Jon Kirby');
  });

  it('names a path that does not exist or is not a dataset', async () => {
    const missing = join(tmpdir(), 'claimgraph-no-such-folder');
    await expect(ClaimGraph.load(missing)).rejects.toThrow(ClaimGraphLoadError);
    await expect(ClaimGraph.load(missing)).rejects.toThrow(`@claimgraph/sdk: ${missing}: no such file or folder`);
    const empty = await mkdtemp(join(tmpdir(), 'claimgraph-empty-'));
    await expect(ClaimGraph.load(empty)).rejects.toThrow(`@claimgraph/sdk: ${empty}: not a claimgraph dataset`);
  });

  it('reads a row file longer than its size on disk said, from a pipe', async () => {
    // A FIFO reports size 0: the buffer grows as the bytes come.
    const dir = await mkdtemp(join(tmpdir(), 'claimgraph-fifo-'));
    const fifo = join(dir, 'dataset.json');
    execFileSync('mkfifo', [fifo]);
    const bytes = await readFile(join(release, 'dataset.json'));
    const writing = writeFile(fifo, bytes).catch(() => {});
    const loading = ClaimGraph.load(fifo, { integrity: false });
    // Should the load fail before it opens the pipe, a reader that opens and goes lets the writer finish.
    await loading.catch(async () => (await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK)).close());
    await writing;
    expect((await loading).toJSON()).toEqual(expected);
  });

  it('names the file and the line of invalid JSON', async () => {
    const dir = await copyRelease();
    await writeFile(join(dir, 'dataset.json'), '{\n"entities": [,]\n}');
    await expect(ClaimGraph.load(dir, { integrity: false })).rejects.toThrow(
      `@claimgraph/sdk: ${join(dir, 'dataset.json')}: invalid JSON at line 2, column 14: Unexpected token ','`,
    );
    // Escaped in place for the first parse, then put back: the place is counted in the file's own characters.
    await writeFile(join(dir, 'dataset.json'), '{\n"names": ["Åberg", "ږ😀"],\n"entities": [,]\n}');
    await expect(ClaimGraph.load(dir, { integrity: false })).rejects.toThrow(
      `@claimgraph/sdk: ${join(dir, 'dataset.json')}: invalid JSON at line 3, column 14: Unexpected token ','`,
    );
    const folder = await writeSourceFolder(fixture());
    await writeFile(join(folder, 'data', 'sources.json'), '[{"id": }]');
    await expect(ClaimGraph.load(folder)).rejects.toThrow(
      `@claimgraph/sdk: ${join(folder, 'data/sources.json')}: invalid JSON at line 1, column 9`,
    );
  });

  it('validates what it loads, with file names in the messages', async () => {
    const dir = await copyRelease();
    const file = join(dir, 'dataset.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"date":"2021-08-27"', '"date":"2021-08-32"'));
    await expect(ClaimGraph.load(dir, { integrity: false })).rejects.toThrow(ClaimGraphValidationError);
    await expect(ClaimGraph.load(dir, { integrity: false })).rejects.toThrow(
      'dataset.json: st:kirby-2 /date: "2021-08-32" is not a calendar date',
    );
  });

  it('requires a source folder’s files to be sorted by id, as the validator does', async () => {
    const data = fixture();
    data.entities.reverse();
    const folder = await writeSourceFolder(data);
    await expect(ClaimGraph.load(folder)).rejects.toThrow(
      'data/entities.json: place:kabul /id: records are not sorted by id',
    );
  });

  it('rejects a location that is neither a path nor a URL', async () => {
    await expect(ClaimGraph.load(42 as never)).rejects.toThrow(
      '@claimgraph/sdk: ClaimGraph.load(): location must be a path or a URL, not 42',
    );
    await expect(ClaimGraph.load('ftp://example.org/x')).rejects.toThrow(
      '@claimgraph/sdk: ftp://example.org/x: cannot load ftp: URLs',
    );
  });
});

describe('ClaimGraph.load() over http', () => {
  let server: Server;
  let base: string;
  /** Files the server serves, by URL path; everything else is a 404. */
  const files = new Map<string, Buffer>();
  const requests: string[] = [];

  beforeAll(async () => {
    const dataset = await readFile(join(release, 'dataset.json'));
    const datapackage = await readFile(join(release, 'datapackage.json'));
    files.set('/release/dataset.json', dataset);
    files.set('/release/datapackage.json', datapackage);
    const columns = await readFile(join(release, 'dataset.columns.bin'));
    files.set('/release/dataset.columns.bin', columns);
    const flipped = Buffer.from(columns);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 1;
    files.set('/tampered/dataset.columns.bin', flipped);
    files.set('/bare/dataset.json', dataset);
    files.set('/tampered/dataset.json', Buffer.from(dataset.toString('utf8').replace('"Ned Price"', '"Ed Price"')));
    files.set('/tampered/datapackage.json', datapackage);
    files.set('/broken/dataset.json', Buffer.from('{"entities": [}'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const body = files.get(request.url ?? '');
      if (!body) {
        response.writeHead(404, 'Not Found').end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('loads a release folder URL, with or without the trailing slash, from its columnar file', async () => {
    for (const url of [`${base}/release/`, `${base}/release`]) {
      requests.length = 0;
      const cg = await ClaimGraph.load(url);
      expect(cg.toJSON()).toEqual(expected);
      expect(cg.version).toBe('1.2.3');
      expect(requests).toEqual(['/release/datapackage.json', '/release/dataset.columns.bin']);
    }
    requests.length = 0;
    expect((await ClaimGraph.load(`${base}/release/`, { columns: false })).toJSON()).toEqual(expected);
    expect(requests).toContain('/release/dataset.json');
  });

  it('reads dataset.json when the server has no columnar file', async () => {
    files.delete('/release/dataset.columns.bin');
    try {
      requests.length = 0;
      expect((await ClaimGraph.load(`${base}/release/`)).toJSON()).toEqual(expected);
      expect(requests).toEqual(['/release/datapackage.json', '/release/dataset.columns.bin', '/release/dataset.json']);
    } finally {
      files.set('/release/dataset.columns.bin', await readFile(join(release, 'dataset.columns.bin')));
    }
  });

  it('refuses a columnar file that does not match its datapackage.json', async () => {
    await expect(ClaimGraph.load(`${base}/tampered/dataset.columns.bin`)).rejects.toThrow(
      `@claimgraph/sdk: ${base}/tampered/dataset.columns.bin: sha256 mismatch`,
    );
  });

  it('loads a dataset.json URL and a datapackage.json URL', async () => {
    expect((await ClaimGraph.load(`${base}/release/dataset.json`)).toJSON()).toEqual(expected);
    expect((await ClaimGraph.load(new URL(`${base}/release/datapackage.json`))).version).toBe('1.2.3');
  });

  it('loads a dataset.json served without a datapackage.json', async () => {
    const cg = await ClaimGraph.load(`${base}/bare/dataset.json`);
    expect(cg.toJSON()).toEqual(expected);
    expect(cg.version).toBeUndefined();
  });

  it('refuses a dataset.json that does not match its datapackage.json, naming the URL', async () => {
    const url = `${base}/tampered/dataset.json`;
    const rows = { columns: false };
    await expect(ClaimGraph.load(`${base}/tampered/`, rows)).rejects.toThrow(ClaimGraphIntegrityError);
    await expect(ClaimGraph.load(`${base}/tampered/`, rows)).rejects.toThrow(
      `@claimgraph/sdk: ${url}: sha256 mismatch`,
    );
    expect(
      (await ClaimGraph.load(`${base}/tampered/`, { ...rows, integrity: false })).entity('person:ned-price')?.name,
    ).toBe('Ed Price');
  });

  it('names the URL of a missing file, of invalid JSON and of an unreachable server', async () => {
    await expect(ClaimGraph.load(`${base}/nothing/`)).rejects.toThrow(
      `@claimgraph/sdk: ${base}/nothing/dataset.json: HTTP 404 Not Found`,
    );
    await expect(ClaimGraph.load(`${base}/broken/dataset.json`)).rejects.toThrow(
      `@claimgraph/sdk: ${base}/broken/dataset.json: invalid JSON`,
    );
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    // The descriptor is fetched first: without it nothing can be checked.
    await expect(ClaimGraph.load(`http://127.0.0.1:${port}/release/`)).rejects.toThrow(
      `@claimgraph/sdk: http://127.0.0.1:${port}/release/datapackage.json: could not be fetched`,
    );
    await expect(ClaimGraph.load(`http://127.0.0.1:${port}/release/`, { integrity: false })).rejects.toThrow(
      `@claimgraph/sdk: http://127.0.0.1:${port}/release/dataset.json: could not be fetched`,
    );
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const cg = await ClaimGraph.load(`${base}/release/`, {
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    expect(cg.version).toBe('1.2.3');
    expect(seen).toEqual([`${base}/release/datapackage.json`, `${base}/release/dataset.columns.bin`]);
  });
});
