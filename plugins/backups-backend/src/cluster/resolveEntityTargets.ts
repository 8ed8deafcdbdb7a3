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
const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const FLUX_KINDS = [
  'Kustomization',
  'HelmRelease',
  'OCIRepository',
  'GitRepository',
  'HelmRepository',
];
/** Longest annotation value read; catalog annotations are otherwise unbounded. */
const MAX_ANNOTATION_LENGTH = 4096;

const isName = (v: string) => v.length <= 253 && DNS_1123_SUBDOMAIN.test(v);
const isNamespace = (v: string) => v.length <= 63 && DNS_1123_LABEL.test(v);

/**
 * Comma-separated object names from an annotation. They end up in label
 * selectors and filters, so anything but a Kubernetes object name is refused.
 */
function names(
  annotations: Record<string, string>,
  key: string,
  problems: string[],
): string[] | undefined {
  const value = annotations[key];
  if (value === undefined) return undefined;
  if (value.length > MAX_ANNOTATION_LENGTH) {
    problems.push(`${key} is longer than ${MAX_ANNOTATION_LENGTH} characters`);
    return undefined;
  }
  const list = value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  const bad = list.filter(v => !isName(v));
  if (bad.length)
    problems.push(
      `${key} holds ${bad.map(b => `"${b.slice(0, 80)}"`).join(', ')}, which ${
        bad.length === 1 ? 'is' : 'are'
      } not a Kubernetes object name`,
    );
  return list;
}

/** `Kind/namespace/name` entries of Flux objects. */
function fluxObjects(annotations: Record<string, string>, problems: string[]) {
  const key = ANNOTATION_FLUX_OBJECTS;
  const value = annotations[key];
  if (value === undefined) return undefined;
  const refs = value.length > MAX_ANNOTATION_LENGTH ? [] : value.split(',');
  if (value.length > MAX_ANNOTATION_LENGTH)
    problems.push(`${key} is longer than ${MAX_ANNOTATION_LENGTH} characters`);
  return refs
    .map(v => v.trim())
    .filter(Boolean)
    .flatMap(ref => {
      const [kind, namespace, name, ...rest] = ref.split('/');
      if (
        rest.length ||
        !FLUX_KINDS.includes(kind) ||
        !namespace ||
        !isNamespace(namespace) ||
        !name ||
        !isName(name)
      ) {
        problems.push(
          `${key} entry "${ref.slice(
            0,
            80,
          )}" is not Kind/namespace/name with Kind one of ${FLUX_KINDS.join(
            ', ',
          )}`,
        );
        return [];
      }
      return [{ kind, namespace, name }];
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
  if (!isNamespace(namespace)) {
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
  const problems: string[] = [];
  const pinned = {
    veleroSchedules: names(annotations, ANNOTATION_VELERO_SCHEDULES, problems),
    cnpgClusters: names(annotations, ANNOTATION_CNPG_CLUSTERS, problems),
    volsyncSources: names(annotations, ANNOTATION_VOLSYNC_SOURCES, problems),
    fluxObjects: fluxObjects(annotations, problems),
  };
  if (problems.length) {
    // Nothing is read from a cluster on the strength of a malformed annotation.
    return {
      targets: [],
      errors: problems.map(message => ({
        source: 'catalog',
        reason: 'NotConfigured' as const,
        message: `The entity's annotation ${message}`,
      })),
    };
  }
  return {
    errors,
    targets: selected.map(cluster => ({
      cluster,
      target: { cluster: cluster.name, namespace, labelSelector, pinned },
    })),
  };
}
