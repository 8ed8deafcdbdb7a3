import type { RestorePlanRequest } from '@internal/plugin-backups-common';
import { EntityScope } from '../../utils/EntityScope';

/** What the user picks in the restore dialog. */
export type RestoreChoices = {
  targetNamespace: string;
  existingResourcePolicy: 'none' | 'update';
  restorePVs: boolean;
  suspendGitOps: boolean;
  acknowledgePartiallyFailed: boolean;
};

/** The targets the backend allows by default: in place, or `<namespace>-restore`. */
export function restoreTargets(namespace: string): string[] {
  return [namespace, `${namespace}-restore`];
}

/** In place, skipping what exists, with volumes, Flux suspended. */
export function defaultRestoreChoices(namespace: string): RestoreChoices {
  return {
    targetNamespace: namespace,
    existingResourcePolicy: 'none',
    restorePVs: true,
    suspendGitOps: true,
    acknowledgePartiallyFailed: false,
  };
}

/** The plan request for the choices, or undefined while a partly failed backup is not acknowledged. */
export function planRequestOf(
  scope: EntityScope,
  backup: { name: string; phase: string },
  choices: RestoreChoices,
): RestorePlanRequest | undefined {
  const partlyFailed = backup.phase === 'PartiallyFailed';
  if (partlyFailed && !choices.acknowledgePartiallyFailed) return undefined;
  const inPlace = choices.targetNamespace === scope.namespace;
  return {
    cluster: scope.cluster,
    backupName: backup.name,
    targetNamespace: choices.targetNamespace,
    restorePVs: choices.restorePVs,
    existingResourcePolicy: choices.existingResourcePolicy,
    ...(inPlace ? { suspendGitOps: choices.suspendGitOps } : {}),
    ...(partlyFailed ? { acknowledgePartiallyFailed: true } : {}),
  };
}
