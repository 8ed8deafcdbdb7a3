import { createPermission } from '@backstage/plugin-permission-common';

/** Read the backup overview of a catalog entity. */
export const backupsReadPermission = createPermission({
  name: 'backups.overview.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Request a restore for a catalog entity. */
export const backupsRestoreCreatePermission = createPermission({
  name: 'backups.restore.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Run a restore drill for a catalog entity: it writes to the cluster (a drill
 * namespace and a Velero Restore, or a recovery CNPG Cluster) and deletes
 * what it created.
 */
export const backupsDrillRunPermission = createPermission({
  name: 'backups.drill.run',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/** Every permission of the backups plugin, for `permissionsRegistry.addPermissions`. */
export const backupsPermissions = [
  backupsReadPermission,
  backupsRestoreCreatePermission,
  backupsDrillRunPermission,
];
