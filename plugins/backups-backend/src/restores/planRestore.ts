import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type {
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { createHash } from 'node:crypto';
import {
  ClusterState,
  ClusterWriter,
  KubeItem,
  ResourceRef,
} from '../cluster/ClusterState';
import { resources } from '../cluster/resources';
import {
  claimHint,
  checkBackup,
  checkTarget,
  namespaceClaims,
} from './restoreGuards';
import { RestoreConfig } from './restoreConfig';
import {
  MANAGED_BY,
  RESTORE_ANNOTATIONS,
  RESTORE_LABELS,
  entityLabelValue,
} from './restoreLabels';

/** One cluster the entity lives in, with the means to read and write it. */
export type ClusterAccess = {
  name: string;
  state: ClusterState;
  writer: ClusterWriter;
};

export type PlanContext = {
  access: ClusterAccess;
  entity: Entity;
  entityRef: string;
  namespace: string;
  veleroNamespace: string;
  config: RestoreConfig;
  now: Date;
  signal: AbortSignal;
  /** Velero's BackupResourceList of a backup, through a DownloadRequest. */
  resourceList: (backupName: string) => Promise<Record<string, string[]>>;
  /**
   * Namespaces an earlier restore of this entity created or wrote to (from
   * the plugin's records): Velero creates a mapped target bare, without the
   * claim label, and the entity may restore there again.
   */
  restoredBefore: string[];
};

/** Kinds whose objects the plan looks up in the target namespace. */
const INSPECTED: Record<string, ResourceRef> = {
  'v1/PersistentVolumeClaim': resources.persistentVolumeClaims,
  'v1/Pod': resources.pods,
  'apps/v1/Deployment': resources.deployments,
  'postgresql.cnpg.io/v1/Cluster': resources.cnpgClusters,
};

const TERMINAL = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);

const byName = (name: string) => ({ fieldSelector: `metadata.name=${name}` });

function kindOf(resource: string) {
  return resource.split('/').pop() ?? resource;
}

/** What the backup holds in the entity's namespace, grouped by kind; cluster-scoped entries apart. */
function contentsOf(list: Record<string, string[]>, namespace: string) {
  const contents: RestorePlan['contents'] = [];
  let clusterScoped = 0;
  for (const [resource, entries] of Object.entries(list).sort()) {
    const names = entries.filter(e => e.startsWith(`${namespace}/`));
    clusterScoped += entries.filter(e => !e.includes('/')).length;
    if (names.length)
      contents.push({
        resource,
        kind: kindOf(resource),
        count: names.length,
        names,
      });
  }
  return { contents, clusterScoped };
}

async function existingIn(
  ctx: PlanContext,
  contents: RestorePlan['contents'],
  target: string,
  policy: 'none' | 'update',
): Promise<RestorePlan['existing']> {
  const found = await Promise.all(
    contents.map(async c => {
      const names = c.names.map(n => n.split('/')[1]);
      const ref = INSPECTED[c.resource];
      if (!ref)
        return names.map(name => ({
          resource: c.resource,
          kind: c.kind,
          name,
          action: 'unknown' as const,
        }));
      const items = await ctx.access.state.list(ref, {
        namespace: target,
        signal: ctx.signal,
      });
      const present = new Set(items.map(i => i.metadata.name));
      return names
        .filter(n => present.has(n))
        .map(name => ({
          resource: c.resource,
          kind: c.kind,
          name,
          action: policy === 'update' ? ('update' as const) : ('skip' as const),
        }));
    }),
  );
  return found.flat();
}

async function gitopsFor(ctx: PlanContext, target: string) {
  const [kustomizations, releases] = await Promise.all([
    ctx.access.state.list(resources.kustomizations, { signal: ctx.signal }),
    ctx.access.state.list(resources.helmReleases, { signal: ctx.signal }),
  ]);
  const deploysTo = (i: KubeItem) =>
    (i.spec?.targetNamespace ?? i.metadata.namespace) === target;
  return [
    ...kustomizations
      .filter(deploysTo)
      .map(i => ({ kind: 'Kustomization', item: i })),
    ...releases.filter(deploysTo).map(i => ({ kind: 'HelmRelease', item: i })),
  ].map(({ kind, item }) => ({
    kind,
    namespace: item.metadata.namespace ?? '',
    name: item.metadata.name,
    suspended: Boolean(item.spec?.suspend),
  }));
}

function explain(
  managedBy: RestorePlan['gitops']['managedBy'],
  target: string,
  inPlace: boolean,
  suspend: boolean,
  timeoutSeconds: number,
) {
  if (managedBy.length === 0) return `No Flux object manages ${target}.`;
  const names = managedBy
    .map(m => `${m.kind} ${m.namespace}/${m.name}`)
    .join(', ');
  if (!inPlace)
    return `${names} also deploy to ${target}; the restore goes to a new namespace, so nothing is suspended.`;
  return suspend
    ? `${names} will be suspended while the restore runs and resumed when it ends, fails, or after ${Math.round(
        timeoutSeconds / 60,
      )} minutes, even if the backend restarts.`
    : `${names} keep reconciling during the restore: Flux may re-apply or prune what the restore brings back, until Git matches it.`;
}

/** Every fact the plan shows, hashed: restoring needs the same facts. */
export function planHash(
  plan: Omit<RestorePlan, 'id' | 'hash' | 'expiresAt'>,
): string {
  const facts = { ...plan, restore: { ...plan.restore, metadata: undefined } };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}

/**
 * Computes a restore plan from the cluster: the exact Restore, what the
 * backup holds, what already exists in the target, the volumes, and the Flux
 * objects that manage the target. Refuses what the guards refuse.
 */
export async function planRestore(
  ctx: PlanContext,
  request: RestorePlanRequest,
): Promise<Omit<RestorePlan, 'id' | 'hash' | 'expiresAt'>> {
  const source = ctx.namespace;
  const target = request.targetNamespace ?? source;
  const inPlace = target === source;
  checkTarget(source, target, ctx.veleroNamespace, ctx.config);
  const state = ctx.access.state;
  const velero = { namespace: ctx.veleroNamespace, signal: ctx.signal };
  const [backups, sourceNs, targetNs, inFlight] = await Promise.all([
    state.list(resources.veleroBackups, {
      ...velero,
      ...byName(request.backupName),
    }),
    state.list(resources.namespaces, { ...byName(source), signal: ctx.signal }),
    inPlace
      ? Promise.resolve([])
      : state.list(resources.namespaces, {
          ...byName(target),
          signal: ctx.signal,
        }),
    state.list(resources.veleroRestores, {
      ...velero,
      labelSelector: `${RESTORE_LABELS.entity}=${entityLabelValue(
        ctx.entityRef,
      )},${RESTORE_LABELS.target}=${target}`,
    }),
  ]);
  const backup = checkBackup(backups[0], request.backupName, source, {
    acknowledgePartiallyFailed: request.acknowledgePartiallyFailed,
    now: ctx.now,
  });
  if (!sourceNs[0] || !namespaceClaims(sourceNs[0], ctx.entity, ctx.config))
    throw new NotAllowedError(
      `Namespace ${source} does not claim ${
        ctx.entityRef
      }, so its backups cannot be restored from here: ${claimHint(
        source,
        ctx.entity,
        ctx.config,
      )}`,
    );
  if (
    targetNs[0] &&
    !namespaceClaims(targetNs[0], ctx.entity, ctx.config) &&
    !ctx.restoredBefore.includes(target)
  )
    throw new NotAllowedError(
      `targetNamespace: ${target} exists and does not claim ${
        ctx.entityRef
      }: ${claimHint(target, ctx.entity, ctx.config)}`,
    );

  const warnings: string[] = [];
  let contents: RestorePlan['contents'] = [];
  try {
    const list = await ctx.resourceList(request.backupName);
    const result = contentsOf(list, source);
    contents = result.contents;
    if (result.clusterScoped)
      warnings.push(
        `${result.clusterScoped} cluster-scoped object(s) in the backup are not restored.`,
      );
  } catch (error) {
    warnings.push(
      `The backup's resource list could not be fetched (${
        (error as Error).message
      }); what it holds is not shown.`,
    );
  }
  const policy = request.existingResourcePolicy ?? 'none';
  // A target that does not exist yet holds nothing: Velero creates it.
  const targetExists = inPlace || Boolean(targetNs[0]);
  const [existing, managedBy] = await Promise.all([
    targetExists
      ? existingIn(ctx, contents, target, policy)
      : Promise.resolve([]),
    gitopsFor(ctx, target),
  ]);
  const suspend =
    inPlace &&
    managedBy.some(m => !m.suspended) &&
    request.suspendGitOps !== false;
  const restorePVs = request.restorePVs ?? true;
  const volumes = restorePVs
    ? (
        contents.find(c => c.resource === 'v1/PersistentVolumeClaim')?.names ??
        []
      ).map(n => n.split('/')[1])
    : [];
  const running = inFlight.filter(r => !TERMINAL.has(r.status?.phase ?? 'New'));
  if (running.length)
    warnings.push(
      `Restore ${running
        .map(r => r.metadata.name)
        .join(
          ', ',
        )} into ${target} is still running; a new one will be refused until it ends.`,
    );
  if (backup.status?.phase === 'PartiallyFailed')
    warnings.push(
      `Backup ${request.backupName} only partly succeeded: items are missing from it.`,
    );
  if (backup.status?.warnings)
    warnings.push(
      `Backup ${request.backupName} logged ${backup.status.warnings} warning(s).`,
    );
  const skipped = existing.filter(e => e.action === 'skip').length;
  if (skipped)
    warnings.push(
      `${skipped} object(s) already exist in ${target} and will be skipped (existingResourcePolicy: none).`,
    );
  if (contents.some(c => c.resource === 'v1/Secret'))
    warnings.push(
      'The backup holds Secrets: their values come back as they were at backup time.',
    );

  return {
    cluster: ctx.access.name,
    entityRef: ctx.entityRef,
    restore: {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: {
        name: '(derived from the Idempotency-Key when the restore is requested)',
        namespace: ctx.veleroNamespace,
        labels: {
          [RESTORE_LABELS.managedBy]: MANAGED_BY,
          [RESTORE_LABELS.entity]: entityLabelValue(ctx.entityRef),
          [RESTORE_LABELS.target]: target,
        },
        annotations: { [RESTORE_ANNOTATIONS.entityRef]: ctx.entityRef },
      },
      spec: {
        backupName: request.backupName,
        includedNamespaces: [source],
        ...(inPlace ? {} : { namespaceMapping: { [source]: target } }),
        restorePVs,
        existingResourcePolicy: policy,
        includeClusterResources: false,
      },
    },
    backup: {
      name: backup.metadata.name,
      phase: backup.status?.phase,
      startTimestamp: backup.status?.startTimestamp,
      completionTimestamp: backup.status?.completionTimestamp,
      expiration: backup.status?.expiration,
      storageLocation: backup.spec?.storageLocation,
      warnings: backup.status?.warnings,
      errors: backup.status?.errors,
    },
    sourceNamespace: source,
    targetNamespace: target,
    inPlace,
    existingResourcePolicy: policy,
    contents,
    existing,
    volumes,
    gitops: {
      managedBy,
      suspend,
      explanation: explain(
        managedBy,
        target,
        inPlace,
        suspend,
        ctx.config.timeoutSeconds,
      ),
    },
    warnings,
  };
}
