import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  type SignInPageProps,
} from '@backstage/core-plugin-api';
import { signInProviders } from './signInProviders';

/**
 * The sign-in page with the providers `app.signInProviders` names: guest for
 * the demo, GitHub in production (guest refuses to work there anyway).
 */
export function ConfiguredSignInPage(props: SignInPageProps) {
  const providers = signInProviders(useApi(configApiRef));
  return (
    <SignInPage
      {...props}
      auto={providers.length === 1}
      providers={providers}
    />
  );
}
