import { ResourceRegistry } from '../api/ResourceRegistry';
import { planVeleroBackup } from '../controllers/planVeleroBackup';
import {
  BackupArchive,
  buildBackupArchive,
} from '../controllers/veleroBackupArchive';
import { cnpg } from './fixtures/cnpg';
import { flux, withInventories } from './fixtures/flux';
import { odooWorkload } from './fixtures/odooWorkload';
import { storage } from './fixtures/storage';
import { Clock, isoSeconds } from './fixtures/time';
import { velero } from './fixtures/velero';
import { volsync } from './fixtures/volsync';
import { KubeObject } from '../store/KubeObject';
import { Scenario, ScenarioName } from './Scenario';

/** Every scenario, with what it changes from the healthy seed deployment. */
export const scenarioDescriptions: Record<ScenarioName, string> = {
  healthy: 'The seed deployment, after its runbook was followed correctly.',
  'wal-failing':
    'CNPG WAL archiving to gs://hayden-odoo-backups/base fails (ContinuousArchiving False).',
  'velero-failing':
    'The newest odoo-daily backup Failed (its bucket is gone), the one before PartiallyFailed, and the BSL gcs is Unavailable.',
  'selector-mismatch':
    "Seed §3.1: the PVCs and the CNPG cluster lack app.kubernetes.io/name=odoo, so odoo-daily selects no PVC and takes no CSI snapshot; only the Odoo pod's filestore is backed up (file-system backup).",
  'velero-missing':
    'Velero is not installed: no velero.io API group, no velero namespace.',
  forbidden:
    'The service account may not list VolSync ReplicationSources (403), the ExternalSecret velero-gcs is not synced, and node-agent is 1/3 ready.',
};

export const scenarioNames = Object.keys(
  scenarioDescriptions,
) as ScenarioName[];

/** What metrics-server reports for each pod. */
export function podMetrics(objects: KubeObject[], now: Date): KubeObject[] {
  return objects
    .filter(o => o.apiVersion === 'v1' && o.kind === 'Pod')
    .map(pod => ({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        labels: pod.metadata.labels,
      },
      timestamp: isoSeconds(now),
      window: '15s',
      containers: (pod.spec?.containers ?? []).map((c: { name: string }) => ({
        name: c.name,
        usage: { cpu: '25m', memory: '256Mi' },
      })),
    }));
}

/** Backups whose archive is seeded: all those of the named scenarios. */
const ARCHIVED_BACKUPS = 8;

/**
 * The archives of the newest seeded backups that uploaded one (Completed
 * and PartiallyFailed): what each spec selects from the seeded cluster.
 */
function seededArchives(
  objects: KubeObject[],
  cluster: KubeObject[],
): BackupArchive[] {
  const registry = ResourceRegistry.create();
  const pluralOf = (o: KubeObject) =>
    registry.byKind(o.apiVersion, o.kind)?.plural ?? `${o.kind.toLowerCase()}s`;
  return objects
    .filter(o => o.apiVersion === 'velero.io/v1' && o.kind === 'Backup')
    .sort((a, b) =>
      String(b.metadata.creationTimestamp).localeCompare(
        String(a.metadata.creationTimestamp),
      ),
    )
    .slice(0, ARCHIVED_BACKUPS)
    .filter(o => ['Completed', 'PartiallyFailed'].includes(o.status?.phase))
    .map(backup =>
      buildBackupArchive(
        backup,
        planVeleroBackup(backup.spec, cluster, registry),
        backup.status.phase,
        pluralOf,
      ),
    );
}

/** How long odoo-daily's history is (the scale scenario's is long). */
export type OdooDailyRetention = { runs: number; ttl: string };

/** Builds a scenario's objects with timestamps relative to `now`. */
export function buildScenario(
  name: ScenarioName,
  now: Date,
  odooDaily?: OdooDailyRetention,
): Scenario {
  const scenario = buildObjects(name, now, odooDaily);
  return {
    ...scenario,
    objects: [...scenario.objects, ...podMetrics(scenario.objects, now)],
  };
}

function buildObjects(
  name: ScenarioName,
  now: Date,
  odooDaily?: OdooDailyRetention,
): Scenario {
  if (!scenarioNames.includes(name)) {
    throw new Error(
      `Unknown scenario "${name}"; use one of ${scenarioNames.join(', ')}`,
    );
  }
  const clock = new Clock(now);
  const labelled = name !== 'selector-mismatch';
  const cluster = withInventories([
    ...storage(clock),
    ...odooWorkload(clock, { labelledPvc: labelled }),
    ...cnpg(clock, {
      inheritLabels: labelled,
      walFailing: name === 'wal-failing',
    }),
    ...volsync(clock),
    ...flux(clock, { veleroReleaseReady: true }).filter(
      o => name !== 'velero-missing' || o.metadata.namespace !== 'velero',
    ),
  ]);
  if (name === 'velero-missing') {
    return { objects: cluster, missingGroups: ['velero.io'] };
  }
  const veleroObjects = velero(clock, {
    newestPhases:
      name === 'velero-failing' ? ['Failed', 'PartiallyFailed'] : [],
    bslAvailable: name !== 'velero-failing',
    nodeAgentReady: name === 'forbidden' ? 1 : 3,
    externalSecretSynced: name !== 'forbidden',
    cluster,
    dailyRuns: odooDaily?.runs,
    dailyTtl: odooDaily?.ttl,
  });
  return {
    objects: [...cluster, ...veleroObjects],
    backupArchives: seededArchives(veleroObjects, cluster),
    faults:
      name === 'forbidden'
        ? [
            {
              group: 'volsync.backube',
              resource: 'replicationsources',
              status: 403,
            },
          ]
        : [],
  };
}
