import type { Config } from '@backstage/config';
import type { SignInProviderConfig } from '@backstage/core-components';
import { githubAuthApiRef } from '@backstage/core-plugin-api';

const GITHUB: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in with your GitHub account',
  apiRef: githubAuthApiRef,
};

/** The sign-in buttons `app.signInProviders` names; guest when it names none. */
export function signInProviders(
  config: Config,
): Array<'guest' | SignInProviderConfig> {
  const names = config.getOptionalStringArray('app.signInProviders') ?? [
    'guest',
  ];
  const providers: Array<'guest' | SignInProviderConfig> = [];
  if (names.includes('guest')) providers.push('guest');
  if (names.includes('github')) providers.push(GITHUB);
  return providers;
}
