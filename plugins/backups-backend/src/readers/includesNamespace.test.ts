import {
  globIncludes,
  globMatches,
  includesNamespace,
} from './includesNamespace';

describe('includesNamespace', () => {
  it.each([
    [{ includedNamespaces: ['business-system'] }, true],
    [{ includedNamespaces: ['*'] }, true],
    [{ includedNamespaces: ['business-*'] }, true],
    [{}, true],
    [{ includedNamespaces: [] }, true],
    [{ includedNamespaces: ['crm'] }, false],
    [{ excludedNamespaces: ['business-system'] }, false],
    [
      { includedNamespaces: ['*'], excludedNamespaces: ['business-?ystem'] },
      false,
    ],
    [{ includedNamespaces: ['*'], excludedNamespaces: ['kube-*'] }, true],
  ])('%j includes business-system: %s', (spec, expected) => {
    expect(includesNamespace(spec, 'business-system')).toBe(expected);
  });

  it('treats regex characters in names literally', () => {
    expect(includesNamespace({ includedNamespaces: ['a.b'] }, 'axb')).toBe(
      false,
    );
  });
});

describe('globIncludes', () => {
  it('lists the include patterns that Velero before 1.18 passes literally', () => {
    expect(
      globIncludes({ includedNamespaces: ['*', 'business-*', 'crm', 'a?c'] }),
    ).toEqual(['business-*', 'a?c']);
    expect(globIncludes({})).toEqual([]);
  });

  it('matches character classes as gobwas/glob does', () => {
    expect(globMatches('business-[st]ystem', 'business-system')).toBe(true);
    expect(globMatches('business-[xy]ystem', 'business-system')).toBe(false);
  });
});
