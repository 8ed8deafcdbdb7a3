import { ResourceRegistry } from '../api/ResourceRegistry';
import { buildScenario } from '../scenarios/buildScenario';
import { ObjectStore } from '../store/ObjectStore';
import { VeleroController } from './VeleroController';

describe('VeleroController', () => {
  it('revalidates storage locations every minute, as the BSL controller does', async () => {
    let now = new Date('2026-11-24T08:00:00Z');
    const store = ObjectStore.create({ now: () => now });
    for (const o of buildScenario('velero-failing', now).objects) store.put(o);
    const controller = VeleroController.start({
      store,
      registry: ResourceRegistry.create(),
      tickMs: 10,
      now: () => now,
      bslEnqueueMs: 5,
    });
    try {
      const bsl = () =>
        store.get('velero.io/v1', 'BackupStorageLocation', 'velero', 'gcs')!;
      const before = bsl().status;
      await new Promise(resolve => setTimeout(resolve, 30));
      // Validated 40 s ago: not due yet.
      expect(bsl().status.lastValidationTime).toBe(before.lastValidationTime);
      now = new Date(now.getTime() + 25_000);
      await new Promise(resolve => setTimeout(resolve, 30));
      expect(bsl().status).toEqual({
        ...before,
        lastValidationTime: '2026-11-24T08:00:25Z',
      });
    } finally {
      controller.stop();
    }
  });
});
