import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSimulator } from '@internal/kube-simulator';
import { backupsPlugin } from '../../plugin';

export const odoo: Entity = {
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

/** A backend with the backups plugin against a fresh simulator. */
export async function startRestoreBackend(
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  options: { features?: any[]; config?: Record<string, unknown> } = {},
) {
  const simulator = await KubeSimulator.start({ port: 0, scenario: 'healthy' });
  const backend = await startTestBackend({
    features: [
      backupsPlugin,
      catalogServiceMock.factory({ entities: [odoo] }),
      mockServices.permissions.factory({ result: permission }),
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
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
        },
      }),
    ],
  });
  return {
    simulator,
    server: backend.server,
    stop: async () => {
      await backend.stop();
      await simulator.stop();
    },
  };
}

/** The newest Completed odoo-daily backup. */
export function newestBackup(
  simulator: Awaited<ReturnType<typeof KubeSimulator.start>>,
) {
  return simulator
    .list('velero.io/v1', 'Backup', 'velero')
    .filter(
      b => b.metadata.labels?.['velero.io/schedule-name'] === 'odoo-daily',
    )
    .filter(b => b.status?.phase === 'Completed')
    .sort((a, b) =>
      String(b.status?.startTimestamp).localeCompare(
        String(a.status?.startTimestamp),
      ),
    )[0].metadata.name;
}
