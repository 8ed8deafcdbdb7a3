import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';

/**
 * For the cloud providers, a function that gets a fresh bearer token from
 * Backstage's own Kubernetes authentication strategies (AWS IAM, Azure
 * identity, Google service account); undefined for service-account tokens,
 * which client-node sends itself, and for `kubectl proxy`.
 */
export function clusterBearerToken(
  cluster: ClusterDetails,
  deps: { config: RootConfigService; logger: LoggerService },
): (() => Promise<string>) | undefined {
  const provider = cluster.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  if (!['aws', 'azure', 'googleServiceAccount'].includes(provider))
    return undefined;
  let strategy: Promise<AuthenticationStrategy> | undefined;
  const load = async (): Promise<AuthenticationStrategy> => {
    const k8s = await import('@backstage/plugin-kubernetes-backend');
    if (provider === 'aws')
      return new k8s.AwsIamStrategy({ config: deps.config });
    if (provider === 'azure') return new k8s.AzureIdentityStrategy(deps.logger);
    return new k8s.GoogleServiceAccountStrategy({ config: deps.config });
  };
  return async () => {
    strategy ??= load();
    const credential = await (await strategy).getCredential(cluster, {});
    if (credential.type !== 'bearer token')
      throw new Error(`authProvider ${provider} gave no bearer token`);
    return credential.token;
  };
}
