import { KubeConfig } from '@kubernetes/client-node';
import { ClusterConfig } from './ClusterConfig';

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const IN_CLUSTER_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';

/**
 * A client-node KubeConfig for one cluster. Without a configured token it uses
 * the pod's service account token file, which client-node re-reads as kubelet rotates it.
 * Note: client-node refuses plain http:// servers unless skipTLSVerify is set.
 */
export function createKubeConfig(cluster: ClusterConfig): KubeConfig {
  const kc = new KubeConfig();
  const inCluster = cluster.serviceAccountToken === undefined;
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        skipTLSVerify: cluster.skipTLSVerify,
        caData: cluster.caData,
        caFile:
          cluster.caFile ??
          (inCluster && !cluster.caData ? IN_CLUSTER_CA : undefined),
      },
    ],
    users: [
      inCluster
        ? {
            name: 'backstage',
            authProvider: {
              name: 'tokenFile',
              config: { tokenFile: IN_CLUSTER_TOKEN },
            },
          }
        : { name: 'backstage', token: cluster.serviceAccountToken },
    ],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: 'backstage' },
    ],
    currentContext: cluster.name,
  });
  return kc;
}
