import {
  parseGoDuration,
  type VeleroSchedule,
  type VeleroStorageLocation,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { humanDuration } from '../humanDuration';
import { VerdictOptions } from '../VerdictOptions';
import { PlatformFinding, platformFinding } from './PlatformFinding';

/** The server's --store-validation-frequency default. */
const DEFAULT_VALIDATION_SECONDS = 60;

/** The location a schedule writes to: its own, or the default one. */
export function locationOf(
  snapshot: ClusterSnapshot,
  schedule: VeleroSchedule,
): VeleroStorageLocation | undefined {
  return (snapshot.velero?.storageLocations ?? []).find(l =>
    schedule.storageLocation ? l.name === schedule.storageLocation : l.default,
  );
}

function validationFindings(
  bsl: VeleroStorageLocation,
  subject: string,
  affects: PlatformFinding['affects'],
  options: VerdictOptions,
): PlatformFinding[] {
  const frequency =
    parseGoDuration(bsl.validationFrequency) ?? DEFAULT_VALIDATION_SECONDS;
  // A frequency of 0 turns revalidation off by design.
  if (frequency <= 0 || !bsl.lastValidationTime) return [];
  const age = options.now
    .diff(DateTime.fromISO(bsl.lastValidationTime))
    .as('seconds');
  const bound = Math.max(5 * frequency, frequency + 600);
  if (age <= bound) return [];
  return [
    platformFinding(
      'velero.bsl.notValidated',
      'warning',
      subject,
      `Last validated ${humanDuration(
        age,
      )} ago though it is validated every ${humanDuration(
        frequency,
      )}: the Velero server is not validating it, so "${
        bsl.phase
      }" may be stale`,
      affects,
    ),
  ];
}

/**
 * Findings for every BackupStorageLocation a schedule writes to. A ReadOnly
 * location fails every new backup's validation while its phase stays
 * Available, so the access mode is checked apart from the phase.
 */
export function storageLocationFindings(
  snapshot: ClusterSnapshot,
  options: VerdictOptions,
): PlatformFinding[] {
  const velero = snapshot.velero;
  if (!velero) return [];
  const byLocation = new Map<string, PlatformFinding['affects']>();
  for (const s of velero.schedules) {
    const key = s.storageLocation ?? '';
    byLocation.set(key, [
      ...(byLocation.get(key) ?? []),
      { kind: 'velero', name: s.name },
    ]);
  }
  const findings: PlatformFinding[] = [];
  for (const [name, affects] of byLocation) {
    const subject = `BackupStorageLocation ${name || '(default)'}`;
    if (snapshot.unread.includes('velero.storageLocations')) {
      findings.push(
        platformFinding(
          'velero.source.unreadable',
          'unknown',
          subject,
          'BackupStorageLocations could not be read',
          affects,
        ),
      );
      continue;
    }
    const bsl = locationOf(
      snapshot,
      velero.schedules.find(s => (s.storageLocation ?? '') === name)!,
    );
    if (!bsl) {
      findings.push(
        platformFinding(
          'velero.bsl.missing',
          'critical',
          subject,
          name
            ? `BackupStorageLocation ${name} does not exist`
            : 'No BackupStorageLocation is marked default',
          affects,
        ),
      );
      continue;
    }
    const bslSubject = `BackupStorageLocation ${bsl.name}`;
    if (bsl.accessMode === 'ReadOnly') {
      findings.push(
        platformFinding(
          'velero.bsl.readOnly',
          'critical',
          bslSubject,
          `BackupStorageLocation ${
            bsl.name
          } is ReadOnly: Velero fails every new backup's validation (its phase stays ${
            bsl.phase ?? 'unset'
          })`,
          affects,
        ),
      );
    }
    if (bsl.phase !== 'Available') {
      findings.push(
        platformFinding(
          'velero.bsl.unavailable',
          'critical',
          bslSubject,
          `BackupStorageLocation ${bsl.name} is ${
            bsl.phase ?? 'not validated yet'
          }${bsl.message ? `: ${bsl.message}` : ''}`,
          affects,
        ),
      );
    } else {
      findings.push(...validationFindings(bsl, bslSubject, affects, options));
    }
  }
  return findings;
}
