/**
 * Issue 25: writeSite owns only what it wrote. Each refused or failed run is checked by hashing
 * every file in and beside the folder before and after: not one byte may change.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, SITE_MARKER, writeSite, type SiteFiles } from '../src/index.js';
import { hostileInput } from './fixtures.js';
import { hashes } from '../../schema/test/source-folder.js';

let site: SiteFiles;
beforeAll(() => {
  site = buildSite(hostileInput());
});
const fresh = () => mkdtempSync(join(tmpdir(), 'claimgraph-site-write-'));

describe('writeSite() deletes only files it wrote', () => {
  it('re-run into a gh-pages checkout, keeps .git, CNAME and a curator file beside the site', async () => {
    const root = fresh();
    const out = join(root, 'site');
    await writeSite(out, site);
    mkdirSync(join(out, '.git'));
    writeFileSync(join(out, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(join(out, 'CNAME'), 'claims.example.org\n');
    writeFileSync(join(out, 'thesis.docx'), 'my thesis');
    const theirs = hashes(out);
    await writeSite(out, site);
    const after = hashes(out);
    for (const file of ['.git/HEAD', 'CNAME', 'thesis.docx']) expect(after[file]).toBe(theirs[file]);
  });

  it('deletes the pages an earlier site had and this one has not, and the folders they leave empty', async () => {
    const out = join(fresh(), 'site');
    const bigger = new Map(site);
    bigger.set('old/page.html', '<p>gone next time</p>');
    await writeSite(out, bigger);
    expect(existsSync(join(out, 'old', 'page.html'))).toBe(true);
    const written = await writeSite(out, site);
    expect(written.removed).toBe(1);
    expect(existsSync(join(out, 'old'))).toBe(false);
  });

  it('keeps a page of the earlier site that was edited since, and says so', async () => {
    const out = join(fresh(), 'site');
    const bigger = new Map(site);
    bigger.set('old/page.html', '<p>gone next time</p>');
    await writeSite(out, bigger);
    writeFileSync(join(out, 'old', 'page.html'), '<p>edited by hand</p>');
    const written = await writeSite(out, site);
    expect(readFileSync(join(out, 'old', 'page.html'), 'utf8')).toBe('<p>edited by hand</p>');
    expect(written.notices).toEqual([
      'kept a file of the earlier site that was changed after it was written: old/page.html',
    ]);
  });

  it('refuses to replace a page that was edited since it was written, changing nothing', async () => {
    const root = fresh();
    const out = join(root, 'site');
    await writeSite(out, site);
    writeFileSync(join(out, 'index.html'), 'my own front page');
    const before = hashes(root);
    await expect(writeSite(out, site)).rejects.toThrow(
      `${out}: a file in the way of the new site: index.html (changed since claimgraph wrote it); nothing was written. Move it away, or write the site to an empty or new folder`,
    );
    expect(hashes(root)).toEqual(before);
  });

  it('a folder with some other claimgraph-site.json is not an earlier site: refused, thesis.docx kept', async () => {
    const root = fresh();
    const out = join(root, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, SITE_MARKER), '{"note": "not a marker of ours"}');
    writeFileSync(join(out, 'thesis.docx'), 'my thesis');
    const before = hashes(root);
    await expect(writeSite(out, site)).rejects.toThrow(
      `holds no ${SITE_MARKER}, so it is not a site this command wrote`,
    );
    expect(hashes(root)).toEqual(before);
  });

  it('a marker of an older version (no file list) deletes nothing it cannot tell is its own', async () => {
    const out = join(fresh(), 'site');
    mkdirSync(out);
    writeFileSync(join(out, SITE_MARKER), '{"generator": "@claimgraph/site", "files": 3}');
    writeFileSync(join(out, 'thesis.docx'), 'my thesis');
    const written = await writeSite(out, site);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('my thesis');
    expect(written.notices[0]).toContain('lists no files (an older version wrote it), so no file of it was deleted');
    expect(JSON.parse(readFileSync(join(out, SITE_MARKER), 'utf8')).written['']['index.html']).toMatch(/^[\w-]{22}$/);
  });

  it('reads the flat list of whole SHA-256 hashes that earlier versions wrote: deletes and keeps as before', async () => {
    const out = join(fresh(), 'site');
    const bigger = new Map(site);
    bigger.set('old/page.html', '<p>gone next time</p>');
    bigger.set('old/edited.html', '<p>edited next</p>');
    await writeSite(out, bigger);
    // The marker as an earlier version wrote it: every path with its file's whole SHA-256, in hex.
    const marker = JSON.parse(readFileSync(join(out, SITE_MARKER), 'utf8')) as { written: Record<string, unknown> };
    const flat: Record<string, string> = {};
    for (const path of [...bigger.keys()].filter((p) => p !== SITE_MARKER))
      flat[path] = createHash('sha256')
        .update(readFileSync(join(out, path)))
        .digest('hex');
    writeFileSync(join(out, SITE_MARKER), JSON.stringify({ ...marker, written: flat }));
    writeFileSync(join(out, 'old', 'edited.html'), '<p>edited by hand</p>');
    const written = await writeSite(out, site);
    expect(existsSync(join(out, 'old', 'page.html'))).toBe(false);
    expect(readFileSync(join(out, 'old', 'edited.html'), 'utf8')).toBe('<p>edited by hand</p>');
    expect(written.notices).toEqual([
      'kept a file of the earlier site that was changed after it was written: old/edited.html',
    ]);
  });

  it('refuses a path the site writes that is a folder, a file as --out, or a folder inside a file', async () => {
    const root = fresh();
    const out = join(root, 'site');
    await writeSite(out, site);
    const page = [...site.keys()].find((p) => p.endsWith('.html') && p.includes('/'))!;
    const { rmSync } = await import('node:fs');
    rmSync(join(out, page));
    mkdirSync(join(out, page));
    writeFileSync(join(root, 'file'), 'a file');
    const before = hashes(root);
    await expect(writeSite(out, site)).rejects.toThrow(`${page} (a folder)`);
    await expect(writeSite(join(root, 'file'), site)).rejects.toThrow('exists and is not a folder');
    await expect(writeSite(join(root, 'file', 'site'), site)).rejects.toThrow(
      `cannot write ${join(root, 'file', 'site')}: a part of the path is a file, not a folder (ENOTDIR); nothing was written`,
    );
    expect(hashes(root)).toEqual(before);
  });
});

describe('writeSite() cleans up after runs that were killed', () => {
  it('removes staging folders and temporary files of dead runs, and restores a site moved aside', async () => {
    const root = fresh();
    const out = join(root, 'site');
    await writeSite(out, site);
    // What a killed run of an earlier version left: the site moved aside, a staging folder.
    const { renameSync } = await import('node:fs');
    renameSync(out, join(root, '.site.old-999999'));
    mkdirSync(join(root, '.site.writing-999998'));
    writeFileSync(join(root, '.site.writing-999998', 'index.html'), 'half');
    const written = await writeSite(out, site);
    expect(readdirSync(root).sort()).toEqual(['site']);
    expect(written.notices).toEqual([
      `restored ${out} from ${join(root, '.site.old-999999')}, where a run that was killed had moved it`,
      `removed ${join(root, '.site.writing-999998')}: a half-written site left by a run that was killed`,
    ]);
    // A temporary file of a killed run of this version, beside a page.
    writeFileSync(join(out, '.index.html.tmp-999999-0badc0de'), 'half a page');
    await writeSite(out, site);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

/** The site's files, then an error partway: a build that fails after some pages were written. */
function* failingMidway(files: SiteFiles): Generator<[string, string | Uint8Array]> {
  let n = 0;
  for (const entry of files) {
    if (++n > files.size / 2) throw new Error('the build failed midway');
    yield entry;
  }
}

describe('writeSite() stages the site where nobody reads it', () => {
  it('into a new folder: a run that fails midway leaves nothing, not even its staging folder', async () => {
    const root = fresh();
    await expect(writeSite(join(root, 'deep', 'site'), failingMidway(site))).rejects.toThrow('the build failed midway');
    expect(readdirSync(root)).toEqual([]);
    const written = await writeSite(join(root, 'site'), site);
    expect(readdirSync(root)).toEqual(['site']);
    expect(written.files).toBe(site.size);
    for (const [path, content] of site)
      if (path !== SITE_MARKER) expect(readFileSync(join(root, 'site', path))).toEqual(Buffer.from(content));
  });

  it('into an earlier site: a run that fails midway changes no byte in or beside it', async () => {
    const root = fresh();
    const out = join(root, 'site');
    const older = new Map(site);
    older.set('index.html', '<p>the earlier front page</p>');
    await writeSite(out, older);
    const before = hashes(root);
    await expect(writeSite(out, failingMidway(site))).rejects.toThrow('the build failed midway');
    expect(hashes(root)).toEqual(before);
  });

  it('removes the hidden staging folder a killed run left inside an earlier site', async () => {
    const root = fresh();
    const out = join(root, 'site');
    await writeSite(out, site);
    const left = join(out, `.${SITE_MARKER}.writing-999999`);
    mkdirSync(join(left, 'entities'), { recursive: true });
    writeFileSync(join(left, 'entities', 'half.html'), 'half');
    const written = await writeSite(out, site);
    expect(existsSync(left)).toBe(false);
    expect(written.notices).toEqual([`removed ${left}: files of a run that was killed before it put them in place`]);
  });
});
