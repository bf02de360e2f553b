import { describe, expect, it } from 'vitest';
import { SiteOptionError } from '../src/errors.js';
import { resolveOptions, SITE_DEFAULTS } from '../src/model.js';

describe('buildSite options', () => {
  it('treats an undefined option as its default', () => {
    expect(resolveOptions({ pageSize: undefined, baseUrl: undefined })).toEqual(SITE_DEFAULTS);
  });

  it('refuses an unknown option, naming it and suggesting the right one', () => {
    const call = () => resolveOptions({ pagesize: 10 } as never);
    expect(call).toThrow(SiteOptionError);
    expect(call).toThrow(
      '@claimgraph/site: options.pagesize: is not an option (did you mean "pageSize"?); use baseUrl, pageSize, homeContested, listLimit',
    );
  });

  it('refuses options that are not an object', () => {
    expect(() => resolveOptions(null as never)).toThrow('@claimgraph/site: options must be an object, not null');
  });

  it('ends the base URL with a slash and checks every number', () => {
    expect(resolveOptions({ baseUrl: 'https://data.example.org/a' }).baseUrl).toBe('https://data.example.org/a/');
    expect(() => resolveOptions({ listLimit: 1.5 })).toThrow('options.listLimit: 1.5 is not a positive whole number');
    expect(() => resolveOptions({ baseUrl: 'data' })).toThrow('options.baseUrl: "data" is not an absolute URL');
  });
});
