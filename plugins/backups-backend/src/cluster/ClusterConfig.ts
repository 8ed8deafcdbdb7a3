import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';

/**
 * One cluster from `kubernetes.clusterLocatorMethods`, as Backstage's
 * Kubernetes plugin describes it. The token, when configured, is in
 * `authMetadata.serviceAccountToken`; without it the pod's in-cluster
 * service account is used.
 */
export type ClusterConfig = ClusterDetails;

/** Where `kubectl proxy` listens; the `localKubectlProxy` locator's only cluster. */
export const LOCAL_KUBECTL_PROXY_URL = 'http://127.0.0.1:8001';

/** Reads `config` and `localKubectlProxy` cluster locators; other types are skipped. */
export function readClusterConfigs(
  config: Config,
  logger?: LoggerService,
): ClusterDetails[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods.flatMap((method): ClusterDetails[] => {
    const type = method.getString('type');
    if (type === 'localKubectlProxy') {
      // client-node only talks plain http when TLS verification is off.
      return [
        {
          name: 'local',
          url: LOCAL_KUBECTL_PROXY_URL,
          authMetadata: {
            [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'localKubectlProxy',
          },
          skipTLSVerify: true,
        },
      ];
    }
    if (type !== 'config') {
      logger?.warn(
        `backups: cluster locator type "${type}" is not supported; its clusters are skipped`,
      );
      return [];
    }
    return (method.getOptionalConfigArray('clusters') ?? []).map(cluster => {
      const name = cluster.getString('name');
      const authProvider =
        cluster.getOptionalString('authProvider') ?? 'serviceAccount';
      if (authProvider !== 'serviceAccount') {
        logger?.warn(
          `backups: cluster "${name}" uses authProvider "${authProvider}"; only serviceAccount is supported, so its serviceAccountToken or else the pod's service account is used`,
        );
      }
      const token = cluster.getOptionalString('serviceAccountToken');
      return {
        name,
        title: cluster.getOptionalString('title'),
        url: cluster.getString('url'),
        authMetadata: {
          [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
          ...(token ? { serviceAccountToken: token } : {}),
        },
        caData: cluster.getOptionalString('caData'),
        caFile: cluster.getOptionalString('caFile'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      };
    });
  });
}
