import {
  matchesLabelSelector,
  type FluxObject,
  type FluxSection,
  type LabelSelector,
} from '@internal/plugin-backups-common';
import { ClusterState, KubeItem } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import { EntityTarget } from '../snapshot/ClusterSnapshot';
import { FluxKind, fluxKey, sourceKeys, toFluxObject } from './mapFlux';
import { conditionOf, ReadLog, readLog, tryList } from './tryList';

type Listed = { kind: FluxKind; item: KubeItem; key: string };

/** Values the selector requires exactly: `app.kubernetes.io/name=odoo` gives `odoo`. */
function selectorValues(selector: LabelSelector | undefined): string[] {
  return (selector?.requirements ?? [])
    .filter(r => r.operator === 'In' && r.values.length === 1)
    .map(r => r.values[0]);
}

function deploysTo(item: KubeItem, namespace: string) {
  return (item.spec?.targetNamespace ?? item.metadata.namespace) === namespace;
}

/**
 * The Flux objects that deploy Velero (role `velero`) and the app (role
 * `app`, or exactly the pinned objects), the sources they pull from, and the
 * ExternalSecrets in Velero's namespace. Secrets are never listed.
 */
export async function readFlux(
  state: ClusterState,
  target: EntityTarget,
  options: { veleroNamespace: string },
): Promise<{ section?: FluxSection } & ReadLog> {
  const log = readLog();
  const velero = options.veleroNamespace;
  const all = {};
  const [kustomizations, helmReleases, ociRepos, gitRepos, externalSecrets] =
    await Promise.all([
      tryList(state, 'flux', resources.kustomizations, all, log, 'flux'),
      tryList(state, 'flux', resources.helmReleases, all, log, 'flux'),
      tryList(state, 'flux', resources.ociRepositories, all, log, 'flux'),
      tryList(state, 'flux', resources.gitRepositories, all, log, 'flux'),
      tryList(
        state,
        'external-secrets',
        resources.externalSecrets,
        { namespace: velero },
        log,
        'externalSecrets',
      ),
    ]);
  if (
    [kustomizations, helmReleases, ociRepos, gitRepos, externalSecrets].every(
      list => list === undefined,
    )
  ) {
    return log;
  }

  const listed = (kind: FluxKind, items: KubeItem[] | undefined): Listed[] =>
    (items ?? []).map(item => ({
      kind,
      item,
      key: fluxKey(kind, item.metadata.namespace ?? '', item.metadata.name),
    }));
  const deployers = [
    ...listed('Kustomization', kustomizations),
    ...listed('HelmRelease', helmReleases),
  ];
  const sources = [
    ...listed('OCIRepository', ociRepos),
    ...listed('GitRepository', gitRepos),
  ];

  const veleroDeployers = deployers.filter(
    ({ kind, item }) =>
      deploysTo(item, velero) ||
      (kind === 'Kustomization' && /velero/i.test(item.spec?.path ?? '')),
  );
  const names = selectorValues(target.labelSelector);
  const pinned = target.pinned.fluxObjects?.map(p =>
    fluxKey(p.kind, p.namespace, p.name),
  );
  const appObjects = pinned
    ? [...deployers, ...sources].filter(o => pinned.includes(o.key))
    : deployers.filter(
        ({ kind, item }) =>
          deploysTo(item, target.namespace) &&
          (kind === 'Kustomization' ||
            names.includes(item.metadata.name) ||
            (target.labelSelector !== undefined &&
              matchesLabelSelector(
                target.labelSelector,
                item.metadata.labels,
              ))),
      );
  const referencedBy = (objects: Listed[]) => {
    const keys = new Set(objects.flatMap(o => sourceKeys(o.item)));
    return sources.filter(s => keys.has(s.key));
  };

  // The first role wins, so an object that deploys both keeps `velero`.
  const objects = new Map<string, FluxObject>();
  const add = (role: FluxObject['role'], list: Listed[]) => {
    for (const { kind, item, key } of list) {
      if (!objects.has(key)) objects.set(key, toFluxObject(kind, role, item));
    }
  };
  add('velero', veleroDeployers);
  add('velero', [
    ...sources.filter(
      s => s.kind === 'OCIRepository' && s.item.metadata.namespace === velero,
    ),
    ...referencedBy(veleroDeployers),
  ]);
  add('app', appObjects);
  if (!pinned) add('app', referencedBy(appObjects));

  return {
    ...log,
    section: {
      objects: [...objects.values()],
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
