import type { FluxObject } from '@internal/plugin-backups-common';
import { KubeItem } from '../cluster/ClusterState';
import { conditionOf } from './tryList';

export type FluxKind = FluxObject['kind'];

/** A reference to a Flux object, as `Kind/namespace/name`. */
export function fluxKey(kind: string, namespace: string, name: string) {
  return `${kind}/${namespace}/${name}`;
}

/** The Flux sources an object pulls from: Kustomization `sourceRef`, HelmRelease `chartRef` or `chart.spec.sourceRef`. */
export function sourceKeys(item: KubeItem): string[] {
  const refs = [
    item.spec?.sourceRef,
    item.spec?.chartRef,
    item.spec?.chart?.spec?.sourceRef,
  ].filter(r => r?.kind && r?.name);
  return refs.map(r =>
    fluxKey(r.kind, r.namespace ?? item.metadata.namespace ?? '', r.name),
  );
}

function revision(kind: FluxKind, item: KubeItem): string | undefined {
  if (kind === 'Kustomization') return item.status?.lastAppliedRevision;
  if (kind === 'HelmRelease') {
    // HelmRelease v2 has no lastAppliedRevision; the newest release is history[0].
    const latest = item.status?.history?.[0];
    if (!latest?.chartName) return undefined;
    return `${latest.chartName}@${latest.chartVersion}${
      latest.appVersion ? ` (${latest.appVersion})` : ''
    }`;
  }
  return item.status?.artifact?.revision;
}

export function toFluxObject(
  kind: FluxKind,
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
    generation: item.metadata.generation,
    observedGeneration: item.status?.observedGeneration,
  };
}
