import { includesNamespace } from './includesNamespace';

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
