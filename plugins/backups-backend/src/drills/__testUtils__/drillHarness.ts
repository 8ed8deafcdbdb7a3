import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSimulator } from '@internal/kube-simulator';
import { ClusterConnections } from '../../cluster/ClusterConnections';
import { OwnerNotifier } from '../../notifications/OwnerNotifier';
import { odoo } from '../../restores/__testUtils__/restoreBackend';
import { readRestoreConfig } from '../../restores/restoreConfig';
import { readVerdictConfig } from '../../service/readVerdictConfig';
import { readVeleroOptions } from '../../service/readVeleroOptions';
import { readDrillConfig } from '../drillConfig';
import { DrillService } from '../DrillService';
import { DrillStore } from '../DrillStore';

export const caller = {
  credentials: mockCredentials.user(),
  userRef: 'user:default/mock',
};
export const ref = { kind: 'component', namespace: 'default', name: 'odoo' };
export const ODOO = 'component:default/odoo';

/** Odoo with extra annotations (a drill policy, an RTO target). */
export function odooWith(annotations: Record<string, string>): Entity {
  return {
    ...odoo,
    metadata: {
      ...odoo.metadata,
      annotations: { ...odoo.metadata.annotations, ...annotations },
    },
  };
}

/**
 * A simulator, a database, and drill services made as backend replicas
 * make them (a second `replica()` is a restarted backend on the same
 * database); steps are driven by calling `advance()`, as the scheduler does.
 */
export async function startDrillHarness(
  options: {
    drills?: JsonObject;
    entity?: Entity;
    knex?: any;
  } = {},
) {
  const simulator = await KubeSimulator.start({
    port: 0,
    scenario: 'healthy',
    controllerTickMs: 40,
  });
  const config = new ConfigReader({
    backups: { cache: { enabled: false }, drills: options.drills ?? {} },
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'sim',
              url: simulator.url,
              serviceAccountToken: simulator.token,
              skipTLSVerify: true,
            },
          ],
        },
      ],
    },
  });
  const store = await DrillStore.create({
    database: { getClient: async () => options.knex },
  });
  const connections = ClusterConnections.create({
    config,
    logger: mockServices.logger.mock(),
  });
  const catalog = catalogServiceMock({ entities: [options.entity ?? odoo] });
  // The real notifier, with a mock of Backstage's notifications service.
  const notifications = { send: jest.fn(async () => undefined) };
  const notifier = OwnerNotifier.create({
    notifications,
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
  const auditor = mockServices.auditor.mock();
  const replica = () =>
    DrillService.create({
      config: readDrillConfig(config),
      restoreConfig: readRestoreConfig(config),
      store,
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      auditor,
      connections,
      velero: readVeleroOptions(config),
      verdict: readVerdictConfig(config),
      notifier,
    });
  /** Advances until the drill is done (cleaned up), or the tries run out. */
  async function runToEnd(service: DrillService, id: string, tries = 150) {
    for (let i = 0; i < tries; i++) {
      await service.advance();
      const record = await store.get(id);
      if (record?.step === 'done') return record;
      await new Promise(r => setTimeout(r, 60));
    }
    throw new Error(
      `drill ${id} did not end: ${JSON.stringify(await store.get(id))}`,
    );
  }
  return {
    simulator,
    config,
    store,
    connections,
    catalog,
    notifications,
    auditor,
    replica,
    runToEnd,
    stop: () => simulator.stop(),
  };
}
