import { parseTokens } from './parseTokens';

describe('parseTokens', () => {
  it('reads name=token pairs, keeping = inside a token', () => {
    expect(parseTokens('backups=abc, kubernetes=x=y==')).toEqual({
      backups: 'abc',
      kubernetes: 'x=y==',
    });
    expect(parseTokens('')).toEqual({});
  });

  it.each([['=abc'], ['backups='], ['Backups=abc'], ['abc'], ['a=b,a=c']])(
    'refuses %j',
    text => {
      expect(() => parseTokens(text)).toThrow(/--tokens/);
    },
  );
});
