import { KubeConfig, type User } from '@kubernetes/client-node';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  SERVICEACCOUNT_CA_PATH,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { TOKEN_FILE_METADATA } from './ClusterConfig';

/** The pod's projected service account token, which kubelet rotates. */
export const SERVICEACCOUNT_TOKEN_PATH =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * A client-node KubeConfig for one cluster. With `authMetadata.serviceAccountToken`
 * it sends that token; without, it uses the pod's service account token file
 * (client-node re-reads it as it rotates) and, unless `caData`/`caFile` say
 * otherwise, the pod's CA bundle. `kubectl proxy` gets no credentials.
 *
 * client-node 1.x refuses a plain `http://` server unless `skipTLSVerify` is
 * true, so `kubectl proxy` and test servers need it.
 */
export function createKubeConfig(cluster: ClusterDetails): KubeConfig {
  const token = cluster.authMetadata.serviceAccountToken;
  const provider = cluster.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  // Other providers' tokens are fetched per request (see clusterBearerToken).
  const inCluster = provider === 'serviceAccount' && !token;
  const tokenFile =
    cluster.authMetadata[TOKEN_FILE_METADATA] ??
    (inCluster ? SERVICEACCOUNT_TOKEN_PATH : undefined);
  let user: User = { name: 'backstage' };
  if (token) user = { name: 'backstage', token };
  else if (tokenFile) {
    // client-node re-reads the file as it is rotated.
    user = {
      name: 'backstage',
      authProvider: { name: 'tokenFile', config: { tokenFile } },
    };
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
        caData: cluster.caData,
        caFile:
          cluster.caFile ??
          (inCluster &&
          !cluster.authMetadata[TOKEN_FILE_METADATA] &&
          !cluster.caData &&
          !cluster.skipTLSVerify
            ? SERVICEACCOUNT_CA_PATH
            : undefined),
      },
    ],
    users: [user],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}
