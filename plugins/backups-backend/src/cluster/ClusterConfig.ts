import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * One cluster from `kubernetes.clusterLocatorMethods`, the configuration that
 * Backstage's Kubernetes plugin reads.
 */
export type ClusterConfig = {
  name: string;
  url: string;
  /** Undefined means: use the pod's in-cluster service account token. */
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
};

/** Reads `config` and `localKubectlProxy` cluster locators; other types are skipped. */
export function readClusterConfigs(
  config: Config,
  logger?: LoggerService,
): ClusterConfig[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods.flatMap((method): ClusterConfig[] => {
    const type = method.getString('type');
    if (type === 'localKubectlProxy') {
      return [
        { name: 'local', url: 'http://127.0.0.1:8001', skipTLSVerify: true },
      ];
    }
    if (type !== 'config') {
      logger?.warn(
        `backups: cluster locator type "${type}" is not supported; its clusters are skipped`,
      );
      return [];
    }
    return (method.getOptionalConfigArray('clusters') ?? []).map(cluster => {
      const authProvider =
        cluster.getOptionalString('authProvider') ?? 'serviceAccount';
      if (authProvider !== 'serviceAccount') {
        logger?.warn(
          `backups: cluster "${cluster.getString(
            'name',
          )}" uses authProvider "${authProvider}"; only serviceAccount is supported, so the in-cluster service account is used`,
        );
      }
      return {
        name: cluster.getString('name'),
        url: cluster.getString('url'),
        serviceAccountToken: cluster.getOptionalString('serviceAccountToken'),
        caData: cluster.getOptionalString('caData'),
        caFile: cluster.getOptionalString('caFile'),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      };
    });
  });
}
