import type {
  RestoreListItem,
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';

/** A plan as the backend answers it for the newest daily backup of Odoo. */
export function restorePlan(
  request: Partial<RestorePlanRequest> = {},
  id = 'plan-1',
): RestorePlan {
  const source = 'business-system';
  const target = request.targetNamespace ?? source;
  const inPlace = target === source;
  const policy = request.existingResourcePolicy ?? 'none';
  const restorePVs = request.restorePVs ?? true;
  const suspend = inPlace && request.suspendGitOps !== false;
  const backupName = request.backupName ?? 'odoo-daily-20261123030000';
  return {
    id,
    hash: `hash-of-${id}`,
    expiresAt: '2026-11-23T08:15:00Z',
    cluster: 'demo',
    entityRef: 'component:default/odoo',
    restore: {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: {
        name: '(derived from the Idempotency-Key when the restore is requested)',
        namespace: 'velero',
      },
      spec: {
        backupName,
        includedNamespaces: [source],
        ...(inPlace ? {} : { namespaceMapping: { [source]: target } }),
        restorePVs,
        existingResourcePolicy: policy,
        includeClusterResources: false,
      },
    },
    backup: {
      name: backupName,
      phase: 'Completed',
      startTimestamp: '2026-11-23T03:00:00Z',
      completionTimestamp: '2026-11-23T03:01:35Z',
      expiration: '2026-11-30T03:00:00Z',
      storageLocation: 'gcs',
      warnings: 1,
      errors: 0,
    },
    sourceNamespace: source,
    targetNamespace: target,
    inPlace,
    existingResourcePolicy: policy,
    contents: [
      {
        resource: 'apps/v1/Deployment',
        kind: 'Deployment',
        count: 1,
        names: [`${source}/odoo`],
      },
      {
        resource: 'v1/PersistentVolumeClaim',
        kind: 'PersistentVolumeClaim',
        count: 2,
        names: [`${source}/odoo-data`, `${source}/odoo-pg-1`],
      },
    ],
    existing: inPlace
      ? [
          {
            resource: 'apps/v1/Deployment',
            kind: 'Deployment',
            name: 'odoo',
            action: policy === 'update' ? 'update' : 'skip',
          },
        ]
      : [],
    volumes: restorePVs ? ['odoo-data', 'odoo-pg-1'] : [],
    gitops: {
      managedBy: [
        {
          kind: 'Kustomization',
          namespace: 'flux-system',
          name: 'odoo',
          suspended: false,
        },
      ],
      suspend,
      explanation: suspend
        ? 'Kustomization flux-system/odoo will be suspended while the restore runs and resumed when it ends.'
        : 'Kustomization flux-system/odoo keeps reconciling during the restore.',
    },
    warnings: [`Backup ${backupName} logged 1 warning(s).`],
  };
}

/** A restore made through Backstage, as `GET .../restores` lists it. */
export function restoreItem(
  overrides: Partial<RestoreListItem> = {},
): RestoreListItem {
  return {
    cluster: 'demo',
    namespace: 'velero',
    name: 'odoo-daily-20261123030000-r-1a2b3c4d',
    phase: 'InProgress',
    progress: { itemsRestored: 12, totalItems: 40 },
    warnings: 0,
    errors: 0,
    requestedBy: 'user:default/guest',
    createdAt: '2026-11-23T08:05:00Z',
    backupName: 'odoo-daily-20261123030000',
    targetNamespace: 'business-system-restore',
    ...overrides,
  };
}
