import type { FluxObject } from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { humanDuration } from '../humanDuration';
import { VerdictOptions } from '../VerdictOptions';
import { PlatformFinding, platformFinding } from './PlatformFinding';

/** How long a release may stay Progressing before it is a finding. */
const DEFAULT_PROGRESSING_GRACE_SECONDS = 15 * 60;

function readyFinding(
  object: FluxObject,
  affects: PlatformFinding['affects'],
  options: VerdictOptions,
): PlatformFinding | undefined {
  const subject = `${object.kind} ${object.namespace}/${object.name}`;
  const ready = object.ready;
  const detail = `${ready?.reason ? ` (${ready.reason})` : ''}${
    ready?.message ? `: ${ready.message}` : ''
  }`;
  if (ready?.status === 'True') return undefined;
  if (ready?.status === 'Unknown') {
    // Every install, upgrade and reconcile passes through Ready=Unknown.
    const since = ready.lastTransitionTime
      ? options.now
          .diff(DateTime.fromISO(ready.lastTransitionTime))
          .as('seconds')
      : undefined;
    const grace =
      options.progressingGraceSeconds ?? DEFAULT_PROGRESSING_GRACE_SECONDS;
    if (since === undefined || since <= grace) return undefined;
    return platformFinding(
      'flux.velero.progressing',
      'warning',
      subject,
      `${subject}, which deploys Velero, has not been Ready for ${humanDuration(
        since,
      )}${detail}`,
      affects,
    );
  }
  return platformFinding(
    'flux.velero.notReady',
    'warning',
    subject,
    `${subject}, which deploys Velero, is not Ready${detail}`,
    affects,
  );
}

/** Flux objects that deploy Velero, and the ExternalSecrets behind its credentials. */
export function gitopsFindings(
  snapshot: ClusterSnapshot,
  affects: PlatformFinding['affects'],
  options: VerdictOptions,
): PlatformFinding[] {
  if (affects.length === 0) return [];
  const findings: PlatformFinding[] = [];
  for (const object of snapshot.flux?.objects ?? []) {
    if (object.role !== 'velero') continue;
    const subject = `${object.kind} ${object.namespace}/${object.name}`;
    if (object.suspended) {
      findings.push(
        platformFinding(
          'flux.velero.suspended',
          'warning',
          subject,
          `${subject}, which deploys Velero, is suspended: changes to Velero are not applied`,
          affects,
        ),
      );
      continue;
    }
    if (
      object.generation !== undefined &&
      object.observedGeneration !== undefined &&
      object.observedGeneration < object.generation
    ) {
      findings.push(
        platformFinding(
          'flux.velero.stale',
          'warning',
          subject,
          `${subject} has not reconciled its latest spec (generation ${object.generation}, observed ${object.observedGeneration})`,
          affects,
        ),
      );
    }
    const ready = readyFinding(object, affects, options);
    if (ready) findings.push(ready);
  }
  // Only the Secrets that BackupStorageLocations name matter to Velero.
  const credentials = new Set(
    (snapshot.velero?.storageLocations ?? [])
      .map(l => l.credentialSecret)
      .filter(Boolean),
  );
  for (const secret of snapshot.flux?.externalSecrets ?? []) {
    const target = secret.targetSecret ?? secret.name;
    if (!credentials.has(target) || secret.ready?.status === 'True') continue;
    const subject = `ExternalSecret ${secret.namespace}/${secret.name}`;
    findings.push(
      platformFinding(
        'secrets.bslCredential.notSynced',
        'warning',
        subject,
        `${subject}, the credential of a BackupStorageLocation, is not synced${
          secret.ready?.reason ? ` (${secret.ready.reason})` : ''
        }${
          secret.ready?.message ? `: ${secret.ready.message}` : ''
        }; Secret ${target} keeps its last synced data`,
        affects,
      ),
    );
  }
  return findings;
}
