import type { Entity } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';
import {
  ANNOTATION_CNPG_CLUSTERS,
  ANNOTATION_FLUX_OBJECTS,
  ANNOTATION_KUBERNETES_CLUSTER,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_VELERO_SCHEDULES,
  ANNOTATION_VOLSYNC_SOURCES,
  type LabelSelector,
  parseLabelSelector,
  type SourceError,
} from '@internal/plugin-backups-common';
import type { ClusterDetails } from '@backstage/plugin-kubernetes-node';
import { EntityTarget } from '../snapshot/ClusterSnapshot';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

/** `Kind/namespace/name` entries; malformed ones are ignored. */
function fluxObjects(value: string | undefined) {
  return list(value)?.flatMap(ref => {
    const [kind, namespace, name, ...rest] = ref.split('/');
    return kind && namespace && name && rest.length === 0
      ? [{ kind, namespace, name }]
      : [];
  });
}

/**
 * Where an entity lives: its namespace, label selector and pinned object names
 * on every configured cluster, or only the one named by the cluster annotation.
 */
export function resolveEntityTargets(
  entity: Entity,
  clusters: ClusterDetails[],
): {
  targets: Array<{ cluster: ClusterDetails; target: EntityTarget }>;
  errors: SourceError[];
} {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[ANNOTATION_KUBERNETES_NAMESPACE]?.trim();
  if (!namespace) {
    return {
      targets: [],
      errors: [
        {
          source: 'catalog',
          reason: 'NotConfigured',
          message: `The entity has no ${ANNOTATION_KUBERNETES_NAMESPACE} annotation, so its backups cannot be found. Add it, and optionally ${KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION}.`,
        },
      ],
    };
  }
  if (!DNS_1123_LABEL.test(namespace) || namespace.length > 63) {
    // A namespace such as ".." would turn a namespaced LIST into a cluster-wide one.
    return {
      targets: [],
      errors: [
        {
          source: 'catalog',
          reason: 'NotConfigured',
          message: `The ${ANNOTATION_KUBERNETES_NAMESPACE} annotation "${namespace}" is not a valid namespace name`,
        },
      ],
    };
  }
  const kubernetesId = annotations[KUBERNETES_ANNOTATION]?.trim();
  const selectorText =
    annotations[KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION]?.trim() ||
    (kubernetesId ? `${KUBERNETES_ANNOTATION}=${kubernetesId}` : undefined);
  let labelSelector: LabelSelector | undefined;
  try {
    labelSelector = selectorText ? parseLabelSelector(selectorText) : undefined;
  } catch (error) {
    return {
      targets: [],
      errors: [
        {
          source: 'catalog',
          reason: 'NotConfigured',
          message: `The entity's label selector "${selectorText}" cannot be used: ${
            (error as Error).message
          }`,
        },
      ],
    };
  }

  const clusterName = annotations[ANNOTATION_KUBERNETES_CLUSTER]?.trim();
  const selected = clusterName
    ? clusters.filter(c => c.name === clusterName)
    : clusters;
  const errors: SourceError[] = [];
  if (clusterName && selected.length === 0) {
    errors.push({
      source: 'catalog',
      reason: 'NotConfigured',
      message: `The entity names cluster "${clusterName}" in ${ANNOTATION_KUBERNETES_CLUSTER}, but no such cluster is configured under kubernetes.clusterLocatorMethods`,
    });
  } else if (clusters.length === 0) {
    errors.push({
      source: 'kubernetes',
      reason: 'NotConfigured',
      message:
        'No cluster is configured under kubernetes.clusterLocatorMethods',
    });
  }
  return {
    errors,
    targets: selected.map(cluster => ({
      cluster,
      target: {
        cluster: cluster.name,
        namespace,
        labelSelector,
        pinned: {
          veleroSchedules: list(annotations[ANNOTATION_VELERO_SCHEDULES]),
          cnpgClusters: list(annotations[ANNOTATION_CNPG_CLUSTERS]),
          volsyncSources: list(annotations[ANNOTATION_VOLSYNC_SOURCES]),
          fluxObjects: fluxObjects(annotations[ANNOTATION_FLUX_OBJECTS]),
        },
      },
    })),
  };
}
