// Every error class the libraries export sits under ClaimgraphBaseError with a code of its own,
// documented in the schema README's table: the codes the CLI maps to exit codes are a public contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as schema from '@claimgraph/schema';
import * as schemaNode from '@claimgraph/schema/node';
import * as sdk from '@claimgraph/sdk';
import * as charts from '@claimgraph/charts';
import * as render from '@claimgraph/charts/render';
import * as site from '@claimgraph/site';
import * as release from '@claimgraph/release';
import * as releaseErrors from '@claimgraph/release/errors';

const README = readFileSync(new URL('../../schema/README.md', import.meta.url), 'utf8');

/** One instance of every error class the public entries export, by class name. */
const SAMPLES: Record<string, Error> = {
  DatasetPathError: new schemaNode.DatasetPathError('x: no such file or folder'),
  FolderLockedError: new schemaNode.FolderLockedError('data', 'data/.lock', 1, 'claimgraph format'),
  ColumnsFormatError: new schema.ColumnsFormatError('dataset.columns.bin', 'broken'),
  ClaimGraphError: new sdk.ClaimGraphError('x'),
  ClaimGraphOptionError: new sdk.ClaimGraphOptionError('relations', 'type', 'type is wrong'),
  ClaimGraphWriteError: new sdk.ClaimGraphWriteError('cannot write x', 'ENOSPC'),
  UnknownIdError: new sdk.UnknownIdError('entity', 'person:x'),
  ClaimGraphValidationError: new sdk.ClaimGraphValidationError([]),
  ClaimGraphLoadError: new sdk.ClaimGraphLoadError('dataset.json', 'broken'),
  ClaimGraphIntegrityError: new sdk.ClaimGraphIntegrityError('dataset.json', 'a', 'b'),
  ClaimGraphMergeError: new sdk.ClaimGraphMergeError('person:x', 'type', ['a', 'b'], 'differs'),
  ChartError: new charts.ChartError('x'),
  ChartOptionError: new charts.ChartOptionError('stanceChart', 'width', 'wrong'),
  EmptyChartError: new charts.EmptyChartError('stanceChart', 'x'),
  MissingRendererError: new render.MissingRendererError('@resvg/resvg-js'),
  ChartRenderError: new render.ChartRenderError('x'),
  SiteError: new site.SiteError('x'),
  SiteOptionError: new site.SiteOptionError('pageSize', 'wrong'),
  SitePermalinkError: new site.SitePermalinkError('x', 'wrong'),
  SiteInputError: new site.SiteInputError('x'),
  SiteSetupError: new site.SiteSetupError('x'),
  SiteOutError: new site.SiteOutError('x'),
  CommandError: new release.CommandError('x'),
};

const exportedErrorClasses = (): string[] =>
  [schema, schemaNode, sdk, charts, render, site, release, releaseErrors].flatMap((entry) =>
    Object.entries(entry)
      .filter(
        ([, value]) => typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error,
      )
      .map(([name]) => name),
  );

describe('error classes', () => {
  it('every error class a public entry exports has a sample here', () => {
    const exported = [...new Set(exportedErrorClasses())].filter((name) => name !== 'ClaimgraphBaseError');
    expect(exported.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))(
    '%s extends ClaimgraphBaseError, keeps its name and has a documented code',
    (name, error) => {
      expect(error).toBeInstanceOf(schema.ClaimgraphBaseError);
      expect(error.name).toBe(name);
      const code = (error as schema.ClaimgraphBaseError).code;
      expect(code).toMatch(/^(SCHEMA|SDK|CHARTS|SITE|CLAIMGRAPH)_[A-Z_]+$/);
      expect(README).toContain(`| \`${code}\` | \`${name}\` |`);
    },
  );

  it('gives each class a code of its own', () => {
    const codes = Object.values(SAMPLES).map((error) => (error as schema.ClaimgraphBaseError).code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
