import { evaluateClusterSnapshot } from '../evaluateClusterSnapshot';
import { codesOf, tierOf } from '../__fixtures__/evaluate';
import { healthySnapshot, NOW, options } from '../__fixtures__/healthySnapshot';

function platform(snapshot = healthySnapshot(), opts = options) {
  return evaluateClusterSnapshot(snapshot, opts).platformFindings ?? [];
}
const codes = (snapshot = healthySnapshot(), opts = options) =>
  platform(snapshot, opts).map(p => `${p.code}:${p.status}`);

describe('platform findings', () => {
  it('are empty for the seed', () => {
    expect(platform()).toEqual([]);
  });

  it('are reported once per cluster and counted in every tier they affect', () => {
    const snapshot = healthySnapshot();
    snapshot.velero!.schedules.push({
      ...snapshot.velero!.schedules[0],
      name: 'odoo-weekly',
      schedule: '0 4 * * 0',
    });
    snapshot.velero!.storageLocations[0].phase = 'Unavailable';
    snapshot.velero!.storageLocations[0].message = "bucket doesn't exist";
    const overview = evaluateClusterSnapshot(snapshot, options);
    expect(overview.platformFindings).toHaveLength(1);
    const [bsl] = overview.platformFindings!;
    expect(bsl).toMatchObject({
      code: 'velero.bsl.unavailable',
      status: 'critical',
      subject: 'BackupStorageLocation gcs',
      affects: [
        { kind: 'velero', name: 'odoo-daily' },
        { kind: 'velero', name: 'odoo-weekly' },
      ],
    });
    for (const tier of overview.tiers.filter(t => t.kind === 'velero')) {
      expect(tier.status).toBe('critical');
      const copy = tier.findings!.find(f => f.platformFindingId === bsl.id)!;
      expect(copy.message).toBe(
        'BackupStorageLocation gcs: see the platform findings',
      );
      expect(tier.reasons.join()).not.toMatch(/bucket doesn't exist/);
    }
    expect(overview.tiers.find(t => t.kind === 'cnpg')!.status).toBe('healthy');
  });

  describe('Velero server', () => {
    it('is critical when the Deployment is missing or has no ready replica: no schedule fires', () => {
      const missing = healthySnapshot();
      missing.velero!.server!.deployment = undefined;
      missing.velero!.server!.deploymentFound = false;
      expect(codes(missing)).toEqual(['velero.server.missing:critical']);
      const down = healthySnapshot();
      down.velero!.server!.deployment!.ready = 0;
      expect(codes(down)).toEqual(['velero.server.notReady:critical']);
      expect(tierOf('velero', down).status).toBe('critical');
    });

    it('is unknown, not missing, when the Deployment could not be read', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.deployment = undefined;
      snapshot.velero!.server!.deploymentFound = undefined;
      snapshot.unread = ['velero.deployment'];
      expect(codes(snapshot)).toEqual(['velero.source.unreadable:unknown']);
      expect(tierOf('velero', snapshot).status).toBe('unknown');
    });

    it('warns when node-agent is not ready on every node', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.nodeAgent!.ready = 1;
      expect(codes(snapshot)).toEqual(['velero.nodeAgent.notReady:warning']);
    });
  });

  describe('BackupStorageLocation', () => {
    it('is critical when ReadOnly even though its phase stays Available', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.storageLocations[0].accessMode = 'ReadOnly';
      expect(codes(snapshot)).toEqual(['velero.bsl.readOnly:critical']);
    });

    it('warns when it has not been validated for much longer than its frequency', () => {
      const stale = healthySnapshot();
      stale.velero!.storageLocations[0].lastValidationTime = NOW.minus({
        hours: 2,
      }).toISO()!;
      expect(codes(stale)).toEqual(['velero.bsl.notValidated:warning']);
      // A slow frequency makes the same age normal; 0 turns revalidation off.
      stale.velero!.storageLocations[0].validationFrequency = '1h';
      expect(codes(stale)).toEqual([]);
      stale.velero!.storageLocations[0].validationFrequency = '0s';
      expect(codes(stale)).toEqual([]);
    });

    it('is critical when missing, and unknown when unreadable', () => {
      const missing = healthySnapshot();
      missing.velero!.storageLocations = [];
      expect(codes(missing)).toEqual(['velero.bsl.missing:critical']);
      const unread = healthySnapshot();
      unread.velero!.storageLocations = [];
      unread.unread = ['velero.storageLocations'];
      expect(codes(unread)).toEqual(['velero.source.unreadable:unknown']);
      expect(platform(unread)[0].message).not.toMatch(/does not exist/);
    });
  });

  describe('CSI snapshot classes', () => {
    it("is critical when no class for the PVCs' driver carries Velero's label", () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.snapshotClasses = [
        { name: 'a', driver: 'rook-ceph.rbd.csi.ceph.com', veleroLabel: false },
        { name: 'b', driver: 'rook-ceph.rbd.csi.ceph.com', veleroLabel: false },
      ];
      const [csi] = platform(snapshot);
      expect(csi.code).toBe('velero.csi.noSnapshotClass');
      // The filestore goes to file-system backup (pod annotation): only CNPG's PVCs need a class.
      expect(csi.message).toMatch(
        /odoo-pg-1, odoo-pg-2, odoo-pg-3 cannot be snapshotted/,
      );
      expect(csi.message).not.toMatch(/odoo-filestore/);
    });

    it('accepts the only class of a driver, and ignores other drivers', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.snapshotClasses = [
        {
          name: 'only',
          driver: 'rook-ceph.rbd.csi.ceph.com',
          veleroLabel: false,
        },
        { name: 'other', driver: 'ebs.csi.aws.com', veleroLabel: true },
      ];
      expect(codes(snapshot)).toEqual([]);
    });

    it('matters only to schedules that snapshot volumes', () => {
      const snapshot = healthySnapshot();
      snapshot.velero!.server!.snapshotClasses = [];
      expect(codes(snapshot)).toEqual(['velero.csi.noSnapshotClass:critical']);
      snapshot.velero!.schedules[0].defaultVolumesToFsBackup = true;
      expect(codes(snapshot)).toEqual([]);
    });

    it('is unknown when StorageClasses could not be read', () => {
      const snapshot = healthySnapshot();
      snapshot.storageClasses = undefined;
      snapshot.unread = ['storageClasses'];
      expect(codes(snapshot)).toEqual(['velero.source.unreadable:unknown']);
    });
  });

  describe('Flux and credentials', () => {
    it('lets a HelmRelease be Progressing for a while, then warns', () => {
      const snapshot = healthySnapshot();
      snapshot.flux!.objects[0].ready = {
        status: 'Unknown',
        reason: 'Progressing',
        message: 'Running upgrade action',
        lastTransitionTime: NOW.minus({ minutes: 3 }).toISO()!,
      };
      expect(codes(snapshot)).toEqual([]);
      snapshot.flux!.objects[0].ready.lastTransitionTime = NOW.minus({
        hours: 1,
      }).toISO()!;
      expect(codes(snapshot)).toEqual(['flux.velero.progressing:warning']);
    });

    it('warns when the Velero release failed, is suspended, or lags its generation', () => {
      const failed = healthySnapshot();
      failed.flux!.objects[0].ready = {
        status: 'False',
        reason: 'UpgradeFailed',
      };
      expect(codes(failed)).toEqual(['flux.velero.notReady:warning']);
      const suspended = healthySnapshot();
      suspended.flux!.objects[0].suspended = true;
      expect(codes(suspended)).toEqual(['flux.velero.suspended:warning']);
      const stale = healthySnapshot();
      stale.flux!.objects[0].generation = 5;
      expect(codes(stale)).toEqual(['flux.velero.stale:warning']);
    });

    it("only counts the ExternalSecret behind a BackupStorageLocation's credential", () => {
      const snapshot = healthySnapshot();
      snapshot.flux!.externalSecrets.push({
        name: 'unrelated',
        namespace: 'velero',
        targetSecret: 'something-else',
        ready: { status: 'False', reason: 'SecretSyncedError' },
      });
      expect(codes(snapshot)).toEqual([]);
      snapshot.flux!.externalSecrets[0].ready = {
        status: 'False',
        reason: 'SecretSyncedError',
      };
      expect(codes(snapshot)).toEqual([
        'secrets.bslCredential.notSynced:warning',
      ]);
      expect(codesOf(tierOf('velero', snapshot))).toContain(
        'secrets.bslCredential.notSynced:warning',
      );
    });
  });
});
