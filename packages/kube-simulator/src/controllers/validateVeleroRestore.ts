import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { includesExcludesErrors } from './veleroGlob';
import {
  parseResourceModifiers,
  ResourceModifiers,
} from './veleroResourceModifiers';

const VELERO = 'velero.io/v1';

/** restore_controller.go nonRestorableResources: appended to every Restore's excludedResources. */
export const NON_RESTORABLE_RESOURCES = [
  'nodes',
  'events',
  'events.events.k8s.io',
  'backups.velero.io',
  'restores.velero.io',
  'resticrepositories.velero.io',
  'csinodes.storage.k8s.io',
  'volumeattachments.storage.k8s.io',
  'backuprepositories.velero.io',
];

/** The finalizer the restore controller adds before it does anything else. */
export const RESTORE_FINALIZER =
  'restores.velero.io/external-resources-finalizer';

/** Velero's `--default-item-operation-timeout`. */
const DEFAULT_ITEM_OPERATION_TIMEOUT = '4h0m0s';

export type ValidatedRestore = {
  spec: Record<string, any>;
  validationErrors: string[];
  backup?: KubeObject;
  /** From the ConfigMap `spec.resourceModifier` names, in the Restore's namespace. */
  modifiers?: ResourceModifiers;
};

/**
 * validateAndComplete's resource modifiers: a `ConfigMap` reference (kind
 * compared case-insensitively) in the Restore's own namespace.
 */
function resourceModifiers(
  restore: KubeObject,
  store: ObjectStore,
  errors: string[],
): ResourceModifiers | undefined {
  const ref = restore.spec?.resourceModifier;
  if (!ref || String(ref.kind).toLowerCase() !== 'configmap') return undefined;
  const namespace = restore.metadata.namespace;
  const configMap = store.get('v1', 'ConfigMap', namespace, ref.name);
  if (!configMap) {
    errors.push(
      `failed to get resource modifiers configmap ${namespace}/${ref.name}`,
    );
    return undefined;
  }
  try {
    return parseResourceModifiers(configMap);
  } catch (error) {
    errors.push((error as Error).message);
    return undefined;
  }
}

/** mostRecentCompletedBackup: newest startTimestamp first, the first Completed one. */
function mostRecentCompleted(backups: KubeObject[]): KubeObject | undefined {
  return [...backups]
    .sort((a, b) =>
      String(b.status?.startTimestamp ?? '').localeCompare(
        String(a.status?.startTimestamp ?? ''),
      ),
    )
    .find(b => b.status?.phase === 'Completed');
}

/**
 * restoreReconciler.validateAndComplete, as of Velero 1.17 (the BSL
 * availability check is from 1.17; 1.15 let such a restore fail at the
 * download instead): the spec with the excluded non-restorable resources,
 * the backup a scheduleName resolves to and the item operation timeout
 * filled in, and the validation errors, in Velero's words.
 */
export function validateVeleroRestore(
  restore: KubeObject,
  store: ObjectStore,
): ValidatedRestore {
  const namespace = restore.metadata.namespace;
  const spec: Record<string, any> = { ...restore.spec };
  const errors: string[] = [];
  const excluded: string[] = [...(spec.excludedResources ?? [])];
  for (const r of NON_RESTORABLE_RESOURCES)
    if (!excluded.includes(r)) excluded.push(r);
  spec.excludedResources = excluded;
  const result = () => {
    spec.itemOperationTimeout ||= DEFAULT_ITEM_OPERATION_TIMEOUT;
    return { spec, validationErrors: errors };
  };
  for (const r of NON_RESTORABLE_RESOURCES)
    if ((spec.includedResources ?? []).includes(r))
      errors.push(`${r} are non-restorable resources`);
  for (const e of includesExcludesErrors(
    spec.includedResources,
    spec.excludedResources,
  ))
    errors.push(`Invalid included/excluded resource lists: ${e}`);
  for (const e of includesExcludesErrors(
    spec.includedNamespaces,
    spec.excludedNamespaces,
  ))
    errors.push(`Invalid included/excluded namespace lists: ${e}`);
  if (spec.orLabelSelectors && spec.labelSelector)
    errors.push(
      'encountered labelSelector as well as orLabelSelectors in restore spec, only one can be specified',
    );
  if (Boolean(spec.backupName) === Boolean(spec.scheduleName)) {
    errors.push(
      'Either a backup or schedule must be specified as a source for the restore, but not both',
    );
    return result();
  }
  if (spec.scheduleName) {
    const backups = store
      .list(VELERO, 'Backup')
      .filter(
        b =>
          b.metadata.labels?.['velero.io/schedule-name'] === spec.scheduleName,
      );
    if (backups.length === 0) errors.push('No backups found for schedule');
    const newest = mostRecentCompleted(backups);
    if (!newest) {
      errors.push('No completed backups found for schedule');
      return result();
    }
    spec.backupName = newest.metadata.name;
  }
  const backup = store.get(VELERO, 'Backup', namespace, spec.backupName);
  if (!backup) {
    errors.push(
      `Error retrieving backup: can't find backup ${namespace}/${spec.backupName}: backups.velero.io "${spec.backupName}" not found`,
    );
    return result();
  }
  const locationName: string = backup.spec?.storageLocation ?? '';
  const location = store.get(
    VELERO,
    'BackupStorageLocation',
    namespace,
    locationName,
  );
  if (!location) {
    errors.push(
      `Error retrieving backup: backupstoragelocations.velero.io "${locationName}" not found`,
    );
    return result();
  }
  if (location.status?.phase !== 'Available') {
    errors.push(
      `The BSL ${locationName} is unavailable, cannot retrieve the backup`,
    );
    return result();
  }
  const schedule = backup.metadata.labels?.['velero.io/schedule-name'];
  if (!spec.scheduleName && schedule) spec.scheduleName = schedule;
  const modifiers = resourceModifiers(restore, store, errors);
  return { ...result(), backup, modifiers };
}
