import type { VeleroBackup } from '@internal/plugin-backups-common';
import { includesNamespace } from '../../readers/includesNamespace';
import { Finding, finding } from '../Finding';

/** Phases after which Velero never changes a backup again. */
const FINISHED = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);
/** Still running, but Velero will end them PartiallyFailed, never Completed. */
const BOUND_TO_PARTIAL = new Set([
  'WaitingForPluginOperationsPartiallyFailed',
  'FinalizingPartiallyFailed',
]);

/**
 * When a backup's data was captured: its start. Velero sets startTimestamp
 * when the backup goes InProgress; completionTimestamp comes only after
 * asynchronous data movement, which can be hours later.
 */
export function capturedAt(backup: VeleroBackup): string | undefined {
  return backup.startTimestamp ?? backup.createdAt;
}

function failure(backup: VeleroBackup): string {
  const detail = [
    backup.failureReason,
    ...(backup.validationErrors ?? []),
  ].filter(Boolean);
  return detail.length ? `: ${detail.join('; ')}` : '';
}

/**
 * The newest restorable backup of a schedule for the namespace, and what the
 * runs say. Backups are newest first (start, or creation for a backup that
 * never started). Only a Completed backup whose own spec holds the namespace
 * is restorable.
 */
export function recoveryPoint(
  backups: VeleroBackup[],
  namespace: string,
): { backup?: VeleroBackup; findings: Finding[] } {
  const findings: Finding[] = [];
  const holding = backups.filter(b => includesNamespace(b, namespace));
  if (holding.length < backups.length && holding.length === 0) {
    findings.push(
      finding(
        'velero.namespace.excluded',
        'critical',
        `The schedule's backups do not hold namespace ${namespace} by their own spec (Velero adds a Namespace labelled velero.io/exclude-from-backup=true to excludedNamespaces)`,
      ),
    );
  }
  const running = holding.find(b => !FINISHED.has(b.phase));
  if (running && BOUND_TO_PARTIAL.has(running.phase)) {
    findings.push(
      finding(
        'velero.backup.partiallyFailed',
        'warning',
        `The running backup ${running.name} is ${running.phase}: it will end PartiallyFailed`,
      ),
    );
  }
  const newest = holding.find(b => FINISHED.has(b.phase));
  if (newest?.phase === 'Failed') {
    findings.push(
      finding(
        'velero.backup.failed',
        'critical',
        `The newest backup ${newest.name} Failed${failure(newest)}`,
      ),
    );
  } else if (newest?.phase === 'FailedValidation') {
    findings.push(
      finding(
        'velero.backup.failedValidation',
        'critical',
        `The newest backup ${
          newest.name
        } failed validation and never ran${failure(newest)}`,
      ),
    );
  } else if (newest?.phase === 'PartiallyFailed') {
    findings.push(
      finding(
        'velero.backup.partiallyFailed',
        'warning',
        `The newest backup ${
          newest.name
        } only partly succeeded (PartiallyFailed, ${
          newest.errors ?? 0
        } errors in its log)`,
      ),
    );
  }
  const complete = holding.find(b => b.phase === 'Completed');
  if (!complete) {
    const partial = holding.find(b => b.phase === 'PartiallyFailed');
    findings.push(
      partial
        ? finding(
            'velero.backup.onlyPartial',
            'critical',
            `No backup completed; ${partial.name} PartiallyFailed, with items missing, and is not a full recovery point`,
          )
        : finding(
            'velero.backup.none',
            'critical',
            'No completed backup of this schedule holds the namespace',
          ),
    );
    return { findings };
  }
  if (newest && newest !== complete) {
    findings.push(
      finding(
        'velero.backup.notNewest',
        'warning',
        `The last restorable backup is ${complete.name}, not the newest run`,
      ),
    );
  }
  return { backup: complete, findings };
}
