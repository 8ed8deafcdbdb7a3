import { projectItem } from './projections';
import { resources } from './resources';

describe('projectItem', () => {
  const backup = {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: 'odoo-daily-20261130020000',
      namespace: 'velero',
      uid: 'b1',
      resourceVersion: '42',
      creationTimestamp: '2026-11-30T02:00:00Z',
      labels: { 'velero.io/schedule-name': 'odoo-daily' },
      managedFields: [{ manager: 'velero-server' }],
    },
    spec: {
      includedNamespaces: ['business-system'],
      storageLocation: 'default',
      ttl: '720h0m0s',
    },
    status: {
      version: 1,
      formatVersion: '1.1.0',
      phase: 'Completed',
      startTimestamp: '2026-11-30T02:00:00Z',
      completionTimestamp: '2026-11-30T02:01:00Z',
      expiration: '2026-12-30T02:00:00Z',
      csiVolumeSnapshotsAttempted: 2,
      csiVolumeSnapshotsCompleted: 2,
      hookStatus: { hooksAttempted: 1 },
      progress: { totalItems: 10, itemsBackedUp: 10 },
      warnings: 1,
    },
  };

  it('keeps what the Backup rules read, and not version, formatVersion, managedFields or unread spec', () => {
    const projected = projectItem(resources.veleroBackups, backup);
    expect(projected).toEqual({
      metadata: {
        name: 'odoo-daily-20261130020000',
        namespace: 'velero',
        resourceVersion: '42',
        creationTimestamp: '2026-11-30T02:00:00Z',
        labels: { 'velero.io/schedule-name': 'odoo-daily' },
      },
      spec: {
        includedNamespaces: ['business-system'],
        storageLocation: 'default',
      },
      status: {
        phase: 'Completed',
        startTimestamp: '2026-11-30T02:00:00Z',
        completionTimestamp: '2026-11-30T02:01:00Z',
        expiration: '2026-12-30T02:00:00Z',
        csiVolumeSnapshotsAttempted: 2,
        csiVolumeSnapshotsCompleted: 2,
        hookStatus: { hooksAttempted: 1 },
        progress: { totalItems: 10, itemsBackedUp: 10 },
        warnings: 1,
      },
    });
    // The object given is left as it was, and nothing is shared with it.
    expect(backup.status.formatVersion).toBe('1.1.0');
    expect(projected.status.progress).not.toBe(backup.status.progress);
    expect(projected.metadata.labels).not.toBe(backup.metadata.labels);
  });

  it('keeps a Restore status whole', () => {
    const projected = projectItem(resources.veleroRestores, {
      metadata: { name: 'r', namespace: 'velero' },
      spec: { backupName: 'b' },
      status: { phase: 'Completed', progress: { totalItems: 1 } },
    });
    expect(projected.status).toEqual({
      phase: 'Completed',
      progress: { totalItems: 1 },
    });
  });

  it('turns the Dates of typed client-node models into the strings JSON would, and leaves out undefined', () => {
    const projected = projectItem(resources.veleroBackups, {
      metadata: {
        name: 'b',
        namespace: 'velero',
        creationTimestamp: new Date('2026-11-30T02:00:00Z'),
        labels: undefined,
      },
      status: {
        phase: 'InProgress',
        startTimestamp: new Date(0),
        errors: undefined,
      },
    });
    expect(projected).toEqual({
      metadata: {
        name: 'b',
        namespace: 'velero',
        creationTimestamp: '2026-11-30T02:00:00.000Z',
      },
      status: {
        phase: 'InProgress',
        startTimestamp: '1970-01-01T00:00:00.000Z',
      },
    });
    expect('labels' in projected.metadata).toBe(false);
    expect('errors' in projected.status).toBe(false);
  });
});
