import type {
  FluxObject,
  FluxSection,
  SourceError,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { matchesLabelSelector } from '../selectors/labelSelector';
import { conditionOf, tryList } from './tryList';

function revision(
  kind: FluxObject['kind'],
  item: KubeItem,
): string | undefined {
  if (kind === 'Kustomization') return item.status?.lastAppliedRevision;
  if (kind === 'HelmRelease') {
    // HelmRelease v2 has no lastAppliedRevision; the newest release is history[0].
    const latest = item.status?.history?.[0];
    return latest
      ? `${latest.chartName}@${latest.chartVersion} (app ${
          latest.appVersion ?? '?'
        }, ${latest.status})`
      : undefined;
  }
  return item.status?.artifact?.revision;
}

function toFlux(
  kind: FluxObject['kind'],
  role: FluxObject['role'],
  item: KubeItem,
): FluxObject {
  return {
    kind,
    name: item.metadata.name,
    namespace: item.metadata.namespace ?? '',
    role,
    ready: conditionOf(item, 'Ready'),
    suspended: Boolean(item.spec?.suspend),
    revision: revision(kind, item),
  };
}

/**
 * The Flux objects that deploy Velero and the app, and the ExternalSecrets in
 * Velero's namespace. Secret data is never read.
 */
export async function readFlux(
  state: ClusterState,
  target: EntityTarget,
  options: { veleroNamespace: string },
): Promise<{ section?: FluxSection; errors: SourceError[] }> {
  const errors: SourceError[] = [];
  const velero = options.veleroNamespace;
  const [
    kustomizations,
    veleroReleases,
    appReleases,
    ociRepositories,
    externalSecrets,
  ] = await Promise.all([
    tryList(state, 'flux', resources.kustomizations, {}, errors),
    tryList(
      state,
      'flux',
      resources.helmReleases,
      { namespace: velero },
      errors,
    ),
    tryList(
      state,
      'flux',
      resources.helmReleases,
      { namespace: target.namespace },
      errors,
    ),
    tryList(
      state,
      'flux',
      resources.ociRepositories,
      { namespace: velero },
      errors,
    ),
    tryList(
      state,
      'external-secrets',
      resources.externalSecrets,
      { namespace: velero },
      errors,
    ),
  ]);
  if (
    !kustomizations &&
    !veleroReleases &&
    !appReleases &&
    !ociRepositories &&
    !externalSecrets
  ) {
    return { errors };
  }

  const pinned = target.pinned.fluxObjects;
  const isPinned = (kind: string, item: KubeItem) =>
    pinned?.some(
      p =>
        p.kind === kind &&
        p.name === item.metadata.name &&
        p.namespace === item.metadata.namespace,
    );

  const objects: FluxObject[] = [
    ...(kustomizations ?? [])
      .filter(
        k =>
          k.spec?.targetNamespace === velero ||
          /(^|\/)velero(\/|$)/.test(k.spec?.path ?? ''),
      )
      .map(k => toFlux('Kustomization', 'velero', k)),
    ...(veleroReleases ?? []).map(h => toFlux('HelmRelease', 'velero', h)),
    ...(ociRepositories ?? []).map(o => toFlux('OCIRepository', 'velero', o)),
    ...(kustomizations ?? [])
      .filter(k =>
        pinned
          ? isPinned('Kustomization', k)
          : k.spec?.targetNamespace === target.namespace,
      )
      .map(k => toFlux('Kustomization', 'app', k)),
    ...(appReleases ?? [])
      .filter(h =>
        pinned
          ? isPinned('HelmRelease', h)
          : matchesLabelSelector(target.labelSelector, h.metadata.labels) ||
            target.labelSelector?.endsWith(`=${h.metadata.name}`),
      )
      .map(h => toFlux('HelmRelease', 'app', h)),
  ];

  return {
    errors,
    section: {
      objects,
      externalSecrets: (externalSecrets ?? []).map(e => ({
        name: e.metadata.name,
        namespace: e.metadata.namespace ?? velero,
        ready: conditionOf(e, 'Ready'),
        refreshTime: e.status?.refreshTime,
        targetSecret: e.spec?.target?.name,
      })),
    },
  };
}
