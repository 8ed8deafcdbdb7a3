import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import type { RestorePlanRequest } from '@internal/plugin-backups-common';
import { restoreTargets } from '../components/RestoreDialog/RestoreChoices';

/**
 * The fields of the "Restore from Velero backup" form that the restore fields
 * read from the form's data: the same names as the template's parameters.
 */
export type RestoreForm = {
  entityRef?: string;
  backupName?: string;
  /** In place, or `<namespace>-restore`. */
  target?: 'in-place' | 'new-namespace';
  existingResourcePolicy?: 'none' | 'update';
  restorePVs?: boolean;
  suspendGitOps?: boolean;
  acknowledgePartiallyFailed?: boolean;
};

/** The chosen entity, or undefined while none (or no valid ref) is chosen. */
export function entityOfForm(
  form: RestoreForm | undefined,
): CompoundEntityRef | undefined {
  if (!form?.entityRef) return undefined;
  try {
    return parseEntityRef(form.entityRef);
  } catch {
    return undefined;
  }
}

/**
 * The plan request the template's restore step makes from the same form:
 * the target as a namespace, and each option only when the form has it.
 */
export function planRequestOfForm(
  form: RestoreForm & { backupName: string },
  namespace: string,
): RestorePlanRequest {
  const [inPlace, beside] = restoreTargets(namespace);
  const options = {
    existingResourcePolicy: form.existingResourcePolicy,
    restorePVs: form.restorePVs,
    suspendGitOps: form.suspendGitOps,
    acknowledgePartiallyFailed: form.acknowledgePartiallyFailed,
  };
  return {
    backupName: form.backupName,
    targetNamespace: form.target === 'new-namespace' ? beside : inPlace,
    ...Object.fromEntries(
      Object.entries(options).filter(([, value]) => value !== undefined),
    ),
  };
}
