import { globMatches, includedBy, includesExcludesErrors } from './veleroGlob';

describe('Velero include/exclude globs', () => {
  it('matches as gobwas/glob without separators', () => {
    expect(globMatches('business-*', 'business-system')).toBe(true);
    expect(globMatches('business-*', 'business')).toBe(false);
    expect(globMatches('odoo-?', 'odoo-1')).toBe(true);
    expect(globMatches('odoo-[12]', 'odoo-3')).toBe(false);
    expect(globMatches('odoo-[!12]', 'odoo-3')).toBe(true);
    expect(globMatches('{velero,flux-system}', 'flux-system')).toBe(true);
    expect(globMatches('a.b', 'axb')).toBe(false);
  });

  it('lets an exclude win, and reads an empty or * include list as everything', () => {
    expect(includedBy([], ['kube-*'], 'kube-system')).toBe(false);
    expect(includedBy(['*'], [], 'anything')).toBe(true);
    expect(includedBy(undefined, undefined, 'anything')).toBe(true);
    expect(
      includedBy(['business-*'], ['business-system'], 'business-system'),
    ).toBe(false);
  });

  it('validates lists with Velero messages', () => {
    expect(includesExcludesErrors(['*', 'a'], ['*', 'a'])).toEqual([
      "includes list must either contain '*' only, or a non-empty list of items",
      "excludes list cannot contain '*'",
      'excludes list cannot contain an item in the includes list: *',
      'excludes list cannot contain an item in the includes list: a',
    ]);
  });
});
