import { ConfigReader } from '@backstage/config';
import { signInProviders } from './signInProviders';

const of = (app: object) =>
  signInProviders(new ConfigReader({ app })).map(p =>
    typeof p === 'string' ? p : p.id,
  );

describe('signInProviders', () => {
  it('offers GitHub and no guest in production', () => {
    expect(of({ signInProviders: ['github'] })).toEqual([
      'github-auth-provider',
    ]);
  });

  it('offers guest for the demo, and by default', () => {
    expect(of({ signInProviders: ['guest'] })).toEqual(['guest']);
    expect(of({})).toEqual(['guest']);
  });

  it('ignores names it does not know', () => {
    expect(of({ signInProviders: ['github', 'okta'] })).toEqual([
      'github-auth-provider',
    ]);
  });
});
