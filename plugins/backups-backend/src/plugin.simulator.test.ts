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

function codes(overview: BackupsOverview, kind: string) {
  return (tier(overview, kind).findings ?? []).map(f => f.code);
}

function platformCodes(overview: BackupsOverview) {
  return (overview.clusters[0].platformFindings ?? []).map(f => f.code);
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
    // The recovery point is when the data was captured: the backup's start.
    expect(tier(overview, 'velero').lastRecoveryPoint).toBe(
      newest.startTimestamp,
    );
    expect(cluster.platformFindings).toEqual([]);
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
    expect(codes(overview, 'cnpg')).toContain('cnpg.wal.failing');
    expect(cnpg.reasons[0]).toMatch(
      /^WAL archiving is failing \(ContinuousArchivingFailing\)/,
    );
    expect(tier(overview, 'velero').status).toBe('healthy');
  });

  it('velero-failing: newest backups failed and the BSL is unavailable', async () => {
    const overview = await overviewFrom('velero-failing');
    const velero = tier(overview, 'velero');
    expect(velero.status).toBe('critical');
    expect(codes(overview, 'velero')).toEqual(
      expect.arrayContaining([
        'velero.backup.failed',
        'velero.bsl.unavailable',
      ]),
    );
    expect(velero.reasons.join('\n')).toMatch(
      /The newest backup odoo-daily-\d{14} Failed/,
    );
    // The BSL is reported once, for the cluster; the tier points to it.
    const [bsl] = overview.clusters[0].platformFindings!;
    expect(bsl).toMatchObject({
      code: 'velero.bsl.unavailable',
      subject: 'BackupStorageLocation gcs',
    });
    expect(bsl.message).toMatch(/BackupStorageLocation gcs is Unavailable/);
    expect(
      velero.findings!.find(f => f.code === 'velero.bsl.unavailable')!
        .platformFindingId,
    ).toBe(bsl.id);
    expect(overview.status).toBe('critical');
  });

  it('selector-mismatch: the labelled Odoo pod still brings the filestore in; the CNPG PVCs get the fix', async () => {
    const overview = await overviewFrom('selector-mismatch');
    const { coverage } = overview.clusters[0];
    const filestore = coverage.find(c => c.pvc === 'odoo-filestore')!;
    // Velero's pod action adds the PVCs a selected pod mounts, whatever their labels.
    expect(filestore.coveredBy).toContainEqual({
      kind: 'velero',
      name: 'odoo-daily',
    });
    expect(filestore.via).toEqual([
      expect.objectContaining({ name: 'odoo-daily', reason: 'pod' }),
    ]);
    const pg = coverage.find(c => c.pvc === 'odoo-pg-1')!;
    expect(pg.coveredBy).toEqual([{ kind: 'cnpg', name: 'odoo-pg' }]);
    expect(pg.hints![0]).toMatch(
      /add label `app.kubernetes.io\/name=odoo` to CNPG cluster `odoo-pg` through spec.inheritedMetadata.labels/,
    );
    expect(codes(overview, 'velero')).not.toContain(
      'velero.coverage.selectorMatchesNoPvc',
    );
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
    expect(platformCodes(overview)).toEqual(
      expect.arrayContaining([
        'secrets.bslCredential.notSynced',
        'velero.nodeAgent.notReady',
      ]),
    );
    expect(codes(overview, 'velero')).toEqual(
      expect.arrayContaining([
        'secrets.bslCredential.notSynced',
        'velero.nodeAgent.notReady',
      ]),
    );
    const messages = overview.clusters[0]
      .platformFindings!.map(f => f.message)
      .join('\n');
    expect(messages).toMatch(
      /ExternalSecret velero\/velero-gcs, the credential of a BackupStorageLocation, is not synced/,
    );
    expect(messages).toMatch(/node-agent is ready on 1 of 3 nodes/);
  });
});
