import fs from 'node:fs';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';

/**
 * One cluster from `kubernetes.clusterLocatorMethods`, as Backstage's
 * Kubernetes plugin describes it, with the backups plugin's own credentials
 * applied from `backups.kubernetes.credentials`.
 */
export type ClusterConfig = ClusterDetails;

/** Where `kubectl proxy` listens; the `localKubectlProxy` locator's only cluster. */
export const LOCAL_KUBECTL_PROXY_URL = 'http://127.0.0.1:8001';

/** authMetadata key of a token file the plugin re-reads on every request (rotation). */
export const TOKEN_FILE_METADATA = 'backups.backstage.io/token-file';

/** Backstage's authProvider values the plugin can use as a service, without a user's token. */
export const SERVICE_AUTH_PROVIDERS = [
  'serviceAccount',
  'aws',
  'azure',
  'googleServiceAccount',
] as const;

const LOOPBACK =
  /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

class ClusterConfigError extends Error {
  readonly name = 'ClusterConfigError';
}

function fail(cluster: string, problem: string): never {
  throw new ClusterConfigError(
    `backups: cluster "${cluster}" in kubernetes.clusterLocatorMethods ${problem}`,
  );
}

/** The plugin's own token for a cluster, so it does not share the Kubernetes plugin's service account. */
function ownCredentials(config: Config) {
  const byCluster = new Map<string, Record<string, string>>();
  for (const entry of config.getOptionalConfigArray(
    'backups.kubernetes.credentials',
  ) ?? []) {
    const cluster = entry.getString('cluster');
    const token = entry.getOptionalString('serviceAccountToken');
    const tokenFile = entry.getOptionalString('serviceAccountTokenFile');
    if (Boolean(token) === Boolean(tokenFile))
      fail(
        cluster,
        'has backups.kubernetes.credentials with neither or both of serviceAccountToken and serviceAccountTokenFile; give exactly one',
      );
    if (tokenFile) {
      try {
        fs.accessSync(tokenFile, fs.constants.R_OK);
      } catch {
        fail(
          cluster,
          `has a serviceAccountTokenFile that cannot be read: ${tokenFile}`,
        );
      }
    }
    byCluster.set(cluster, {
      [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'serviceAccount',
      ...(token
        ? { serviceAccountToken: token }
        : { [TOKEN_FILE_METADATA]: tokenFile! }),
    });
  }
  return byCluster;
}

function readCluster(
  cluster: Config,
  own: Map<string, Record<string, string>>,
  production: boolean,
): ClusterDetails {
  const name = cluster.getOptionalString('name');
  if (!name)
    throw new ClusterConfigError(
      'backups: a cluster in kubernetes.clusterLocatorMethods has no name',
    );
  const url = cluster.getOptionalString('url');
  if (!url) fail(name, 'has no url');
  if (!/^https?:\/\//.test(url))
    fail(name, `has url "${url}", which is not http(s)`);
  const authProvider =
    cluster.getOptionalString('authProvider') ?? 'serviceAccount';
  const override = own.get(name);
  if (
    !override &&
    !(SERVICE_AUTH_PROVIDERS as readonly string[]).includes(authProvider)
  ) {
    fail(
      name,
      `uses authProvider "${authProvider}", which needs each user's own token; the backups plugin reads clusters as a service. Use ${SERVICE_AUTH_PROVIDERS.join(
        ', ',
      )}, or give the plugin its own token in backups.kubernetes.credentials`,
    );
  }
  const caFile = cluster.getOptionalString('caFile');
  if (caFile) {
    try {
      fs.accessSync(caFile, fs.constants.R_OK);
    } catch {
      fail(name, `has a caFile that cannot be read: ${caFile}`);
    }
  }
  const skipTLSVerify = cluster.getOptionalBoolean('skipTLSVerify') ?? false;
  if (production && skipTLSVerify && !LOOPBACK.test(url))
    fail(
      name,
      'sets skipTLSVerify in production; give caData or caFile so that the API server is verified',
    );
  const token = cluster.getOptionalString('serviceAccountToken');
  return {
    name,
    title: cluster.getOptionalString('title'),
    url,
    authMetadata: override ?? {
      [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
      ...(token ? { serviceAccountToken: token } : {}),
    },
    caData: cluster.getOptionalString('caData'),
    caFile,
    skipTLSVerify,
  };
}

/**
 * Reads the clusters of `kubernetes.clusterLocatorMethods` (types `config`
 * and `localKubectlProxy`). Wrong configuration stops the backend at start
 * with a message naming the cluster: no url, an unreadable CA or token file,
 * an authProvider that needs a user's token, another locator type, or TLS
 * verification turned off in production.
 */
export function readClusterConfigs(
  config: Config,
  options: { logger?: LoggerService; production?: boolean } = {},
): ClusterDetails[] {
  const production =
    options.production ?? process.env.NODE_ENV === 'production';
  const own = ownCredentials(config);
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const clusters = methods.flatMap((method): ClusterDetails[] => {
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
      throw new ClusterConfigError(
        `backups: cluster locator type "${type}" is not supported by the backups plugin; use "config" or "localKubectlProxy"`,
      );
    }
    return (method.getOptionalConfigArray('clusters') ?? []).map(c =>
      readCluster(c, own, production),
    );
  });
  for (const cluster of own.keys()) {
    if (!clusters.some(c => c.name === cluster))
      fail(
        cluster,
        'is named in backups.kubernetes.credentials but not configured',
      );
  }
  for (const cluster of clusters) {
    const provider = cluster.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
    const how = own.has(cluster.name)
      ? "the backups plugin's own token"
      : `authProvider ${provider}${
          provider === 'serviceAccount' &&
          !cluster.authMetadata.serviceAccountToken
            ? " (the pod's service account)"
            : ''
        }`;
    options.logger?.info(
      `backups: reading cluster ${cluster.name} with ${how}`,
    );
  }
  return clusters;
}
