import type {
  VeleroBackup,
  VeleroSchedule,
} from '@internal/plugin-backups-common';
import { CronSchedule, cronNextRun } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { globIncludes } from '../../readers/includesNamespace';
import { fitsLabelValue } from '../../readers/veleroValidName';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { Finding, finding } from '../Finding';
import { VerdictOptions } from '../VerdictOptions';
import { veleroVersion } from './veleroVersion';

/**
 * Whether a schedule with no backup yet is still waiting for its first run:
 * Velero runs a new schedule first at the next tick after its creation (or
 * after `lastSkipped`), and may start up to a minute late.
 */
export function isPending(
  schedule: VeleroSchedule,
  cron: CronSchedule | undefined,
  backups: VeleroBackup[],
  options: VerdictOptions,
): boolean {
  if (backups.length > 0 || schedule.paused || !cron) return false;
  const base = [schedule.createdAt, schedule.lastSkipped]
    .filter((t): t is string => Boolean(t))
    .sort()
    .pop();
  if (!base) return false;
  const due = cronNextRun(cron, new Date(base));
  if (!due) return false;
  const deadline = DateTime.fromJSDate(due).plus({
    seconds: options.graceSeconds,
  });
  return options.now <= deadline;
}

/** What the Schedule object itself says about future backups. */
export function scheduleFindings(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
  cronError: string | undefined,
): Finding[] {
  const findings: Finding[] = [];
  if (schedule.paused)
    findings.push(
      finding(
        'velero.schedule.paused',
        'warning',
        'The schedule is paused: no new backups are taken',
      ),
    );
  if (schedule.phase === 'FailedValidation') {
    findings.push(
      finding(
        'velero.schedule.failedValidation',
        'critical',
        `Velero rejected the schedule: ${
          (schedule.validationErrors ?? []).join('; ') || 'no detail'
        }`,
      ),
    );
  } else if (cronError) {
    findings.push(
      finding(
        'velero.schedule.cronInvalid',
        'unknown',
        `The schedule "${schedule.schedule}" cannot be read as robfig/cron v3 would: ${cronError}`,
      ),
    );
  }
  if (!fitsLabelValue(schedule.name)) {
    findings.push(
      finding(
        'velero.schedule.nameTooLong',
        'critical',
        `The name is ${schedule.name.length} characters long: Velero labels each backup with it, and the API server rejects label values over 63, so no backup is ever created`,
      ),
    );
  }
  if (schedule.selectorError) {
    findings.push(
      finding(
        'velero.schedule.selectorInvalid',
        'unknown',
        `The schedule's labelSelector is invalid: ${schedule.selectorError}`,
      ),
    );
  }
  const globs = globIncludes(schedule);
  if (globs.length > 0) {
    const version = veleroVersion(snapshot);
    if (!version) {
      findings.push(
        finding(
          'velero.schedule.globNotExpanded',
          'unknown',
          `includedNamespaces uses ${globs.join(
            ', ',
          )}: only Velero 1.18 and later expand such patterns, and the server's version is unknown`,
        ),
      );
    } else if (version.compare('1.18.0') < 0) {
      findings.push(
        finding(
          'velero.schedule.globNotExpanded',
          'critical',
          `includedNamespaces uses ${globs.join(', ')}: Velero ${
            version.version
          } looks for a namespace of that literal name, so its backups hold nothing (expansion came in 1.18)`,
        ),
      );
    }
  }
  if (snapshot.namespaceLabels?.['velero.io/exclude-from-backup'] === 'true') {
    findings.push(
      finding(
        'velero.namespace.excluded',
        'critical',
        `Namespace ${snapshot.target.namespace} carries velero.io/exclude-from-backup=true: Velero adds it to every backup's excludedNamespaces`,
      ),
    );
  }
  return findings;
}
