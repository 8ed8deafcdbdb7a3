import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  backupsOverviewSchema,
  type BackupsOverview,
} from '@internal/plugin-backups-common';
import { KubeSimulator, type ScenarioName } from '@internal/kube-simulator';
import request from 'supertest';
import { backupsPlugin } from './plugin';

const odoo: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'odoo',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'business-system',
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=odoo',
    },
  },
  spec: { type: 'service', owner: 'erp-team', lifecycle: 'production' },
};

async function overviewFrom(scenario: ScenarioName): Promise<BackupsOverview> {
  const simulator = await KubeSimulator.start({ port: 0, scenario });
  try {
    const { server } = await startTestBackend({
      features: [
        backupsPlugin,
        catalogServiceMock.factory({ entities: [odoo] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'sim',
                      url: simulator.url,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: simulator.token,
                      skipTLSVerify: true,
                    },
                  ],
                },
              ],
            },
            // Small pages, so the readers must follow `continue`.
            backups: { kubernetes: { pageSize: 2 } },
          },
        }),
      ],
    });
    const response = await request(server).get(
      '/api/backups/v1/entities/default/component/odoo/overview',
    );
    expect(response.status).toBe(200);
    return backupsOverviewSchema.parse(response.body);
  } finally {
    await simulator.stop();
  }
}

function tier(overview: BackupsOverview, kind: string) {
  return overview.clusters[0].tiers.find(t => t.kind === kind)!;
}

describe('backups overview against the simulator', () => {
  it('healthy: every tier is healthy and the newest odoo-daily backup is the recovery point', async () => {
    const overview = await overviewFrom('healthy');
    expect(overview.status).toBe('healthy');
    const [cluster] = overview.clusters;
    expect(cluster.errors).toEqual([]);
    expect(cluster.tiers.map(t => [t.kind, t.name, t.status])).toEqual([
      ['cnpg', 'odoo-pg', 'healthy'],
      ['velero', 'odoo-daily', 'healthy'],
      ['volsync', 'odoo-filestore', 'healthy'],
    ]);
    const backups = cluster.velero!.backups;
    expect(backups.filter(b => b.schedule === 'odoo-daily')).toHaveLength(7);
    expect(backups.some(b => b.name.startsWith('odoo-test-'))).toBe(true);
    const newest = backups.find(b => b.schedule === 'odoo-daily')!;
    expect(tier(overview, 'velero').lastRecoveryPoint).toBe(
      newest.completionTimestamp,
    );
    expect(tier(overview, 'cnpg').destination).toBe(
      'gs://hayden-odoo-backups/base',
    );
    expect(cluster.cnpg!.clusters[0].recoveryWindowSource).toBe('objectStore');
    expect(
      cluster.flux!.objects.find(
        o => o.kind === 'HelmRelease' && o.role === 'velero',
      )!.revision,
    ).toMatch(/^velero@8.2.0/);
    expect(
      cluster.coverage.find(c => c.pvc === 'odoo-filestore')!.coveredBy,
    ).toContainEqual({ kind: 'velero', name: 'odoo-daily' });
  });

  it('wal-failing: the CNPG tier is critical because WAL archiving fails', async () => {
    const overview = await overviewFrom('wal-failing');
    const cnpg = tier(overview, 'cnpg');
    expect(cnpg.status).toBe('critical');
    expect(cnpg.reasons[0]).toMatch(
      /^WAL archiving is failing \(ContinuousArchivingFailing\)/,
    );
    expect(tier(overview, 'velero').status).toBe('healthy');
  });

  it('velero-failing: newest backups failed and the BSL is unavailable', async () => {
    const overview = await overviewFrom('velero-failing');
    const velero = tier(overview, 'velero');
    expect(velero.status).toBe('critical');
    expect(velero.reasons.join('\n')).toMatch(
      /The newest backup odoo-daily-\d{14} Failed/,
    );
    expect(velero.reasons.join('\n')).toMatch(
      /BackupStorageLocation gcs is Unavailable/,
    );
    expect(overview.status).toBe('critical');
  });

  it('selector-mismatch: odoo-daily covers no PVC, with the fix', async () => {
    const overview = await overviewFrom('selector-mismatch');
    const filestore = overview.clusters[0].coverage.find(
      c => c.pvc === 'odoo-filestore',
    )!;
    expect(filestore.coveredBy).toEqual([
      { kind: 'volsync', name: 'odoo-filestore' },
    ]);
    expect(filestore.hints).toContain(
      'add label `app.kubernetes.io/name=odoo` to PVC `odoo-filestore`, or remove the labelSelector of schedule `odoo-daily`',
    );
    expect(tier(overview, 'velero').reasons.join()).toMatch(/matches no PVC/);
  });

  it('velero-missing: "not installed" is data and the other tiers remain', async () => {
    const overview = await overviewFrom('velero-missing');
    const [cluster] = overview.clusters;
    expect(cluster.errors).toContainEqual(
      expect.objectContaining({
        source: 'velero',
        reason: 'NotInstalled',
        statusCode: 404,
        message: expect.stringMatching(
          /^Velero is not installed on cluster "sim"/,
        ),
      }),
    );
    expect(cluster.velero).toBeUndefined();
    expect(cluster.tiers.map(t => t.kind)).toEqual(['cnpg', 'volsync']);
  });

  it('forbidden: the 403 names the RBAC rule and the rest still renders', async () => {
    const overview = await overviewFrom('forbidden');
    const [cluster] = overview.clusters;
    expect(cluster.errors).toContainEqual(
      expect.objectContaining({
        source: 'volsync',
        reason: 'Forbidden',
        statusCode: 403,
        rbac: {
          verb: 'list',
          group: 'volsync.backube',
          resource: 'replicationsources',
          namespace: 'business-system',
        },
      }),
    );
    expect(overview.status).not.toBe('healthy');
    const velero = tier(overview, 'velero');
    expect(velero.reasons.join()).toMatch(
      /ExternalSecret velero\/velero-gcs is not synced/,
    );
    expect(velero.reasons.join()).toMatch(
      /node-agent is not ready on every node \(1\/3\)/,
    );
  });
});
