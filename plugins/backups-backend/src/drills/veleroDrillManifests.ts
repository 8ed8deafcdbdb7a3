/**
 * What a Velero drill leaves out of the restore, and why: each would act
 * outside the drill namespace, or undo its isolation.
 */
export const DRILL_EXCLUDED_RESOURCES = [
  // The Deployment and StatefulSet controllers make them again from the
  // restored (scaled) templates; a restored pod would start whatever its scale.
  'pods',
  'replicasets.apps',
  // NetworkPolicies add up: a restored allow rule would open the drill's deny-all.
  'networkpolicies.networking.k8s.io',
  // A restored CNPG Cluster would archive WAL into the original's object
  // store; the CNPG tier has a drill of its own.
  'clusters.postgresql.cnpg.io',
  'backups.postgresql.cnpg.io',
  'scheduledbackups.postgresql.cnpg.io',
  'poolers.postgresql.cnpg.io',
  'objectstores.barmancloud.cnpg.io',
  // VolSync movers would write to the original's restic repository.
  'replicationsources.volsync.backube',
  'replicationdestinations.volsync.backube',
  // Flux would deploy (a HelmRelease may target the original namespace)
  // and fetch sources; External Secrets would call the secret store.
  'kustomizations.kustomize.toolkit.fluxcd.io',
  'helmreleases.helm.toolkit.fluxcd.io',
  'gitrepositories.source.toolkit.fluxcd.io',
  'ocirepositories.source.toolkit.fluxcd.io',
  'helmrepositories.source.toolkit.fluxcd.io',
  'externalsecrets.external-secrets.io',
  // Ingress controllers would route the original's hosts to the copy.
  'ingresses.networking.k8s.io',
  'httproutes.gateway.networking.k8s.io',
];

/** A NetworkPolicy that selects every pod of the namespace and allows nothing. */
export function drillNetworkPolicy(metadata: object) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata,
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  };
}

/** `^(a|b)$` for object names (RE2 has no lookahead, so names are listed). */
function namesRegex(names: string[]): string {
  return `^(${names.map(n => n.replace(/\./g, '\\.')).join('|')})$`;
}

/**
 * Velero resource modifiers (internal/resourcemodifiers): the listed
 * Deployments and StatefulSets come back with 0 replicas (`add` replaces
 * the field, or sets it when the manifest leaves it out), and Services of
 * type LoadBalancer or NodePort as ClusterIP, so no load balancer or node
 * port is allocated for the copy. Conditions match the objects as they are
 * in the backup, in their source namespace.
 */
export function drillResourceModifiers(source: string, scaled: string[]) {
  const zero = { operation: 'add', path: '/spec/replicas', value: '0' };
  const clusterIp = {
    operation: 'add',
    path: '/spec/type',
    value: 'ClusterIP',
  };
  return {
    version: 'v1',
    resourceModifierRules: [
      ...(scaled.length ? ['deployments.apps', 'statefulsets.apps'] : []).map(
        groupResource => ({
          conditions: {
            groupResource,
            namespaces: [source],
            resourceNameRegex: namesRegex(scaled),
          },
          patches: [zero],
        }),
      ),
      ...['LoadBalancer', 'NodePort'].map(type => ({
        conditions: {
          groupResource: 'services',
          namespaces: [source],
          matches: [{ path: '/spec/type', value: type }],
        },
        patches: [clusterIp],
      })),
    ],
  };
}
