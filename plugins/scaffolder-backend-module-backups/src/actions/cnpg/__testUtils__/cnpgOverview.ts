import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  BackupsOverview,
  CnpgCluster,
  Tier,
} from '@internal/plugin-backups-common';
import { http, HttpResponse } from 'msw';

const OVERVIEW_PATH =
  '/api/backups/v1/entities/default/component/odoo/overview';
/** Where mockServices.discovery() puts the backups backend. */
export const OVERVIEW_URL = `http://localhost:0${OVERVIEW_PATH}`;
/** A test backend's discovery points at its own port. */
export const ANY_HOST_OVERVIEW_URL = `*${OVERVIEW_PATH}`;
export const APP_DIR = 'kubernetes/apps/base/business-system/odoo/app';
export const WINDOW = {
  from: '2026-11-23T02:06:14Z',
  to: '2026-11-30T11:55:00Z',
};

/** odoo-pg archiving through the Barman Cloud Plugin, as the reference deployment does. */
export const pluginCluster: CnpgCluster = {
  name: 'odoo-pg',
  namespace: 'business-system',
  instances: 3,
  walArchiver: { kind: 'plugin', plugin: 'barman-cloud.cloudnative-pg.io' },
  objectStore: 'odoo-backups',
  serverName: 'odoo-pg',
  destinationPath: 'gs://hayden-odoo-backups/base',
  recoveryWindowSource: 'objectStore',
  firstRecoverabilityPoint: WINDOW.from,
  continuousArchiving: { status: 'True', reason: 'ContinuousArchivingSuccess' },
};

/** The same cluster on in-tree Barman (spec.backup.barmanObjectStore). */
export const inTreeCluster: CnpgCluster = {
  ...pluginCluster,
  walArchiver: { kind: 'barmanObjectStore' },
  objectStore: undefined,
  serverName: 'odoo-pg-v2',
  recoveryWindowSource: 'cluster',
};

/** An older cluster beside it, archiving to the same store. */
export const oldCluster: CnpgCluster = {
  ...pluginCluster,
  name: 'odoo-pg-old',
  serverName: 'odoo-pg-archive',
};

function tier(cluster: CnpgCluster, window: typeof WINDOW | null): Tier {
  return {
    kind: 'cnpg',
    name: cluster.name,
    namespace: cluster.namespace,
    status: window ? 'healthy' : 'critical',
    component: `PostgreSQL ${cluster.name}`,
    method: 'CNPG WAL + base backup',
    firstRecoveryPoint: window?.from ?? null,
    lastRecoveryPoint: window?.to ?? null,
    rpoTargetSeconds: 900,
    rpoActualSeconds: 300,
    reasons: window ? [] : ['No base backup is in the recovery window'],
  };
}

/** Odoo's overview, with its clusters and the first one's window (null: unknown). */
export function odooOverview(
  clusters: CnpgCluster[] = [pluginCluster, oldCluster],
  window: typeof WINDOW | null = WINDOW,
): BackupsOverview {
  return {
    entityRef: 'component:default/odoo',
    generatedAt: '2026-11-30T12:00:00Z',
    status: 'healthy',
    errors: [],
    clusters: [
      {
        cluster: 'cluster-00',
        tiers: clusters.map((c, i) => tier(c, i === 0 ? window : WINDOW)),
        coverage: [],
        errors: [],
        cnpg: { clusters, backups: [], scheduledBackups: [] },
      },
    ],
  };
}

/** The backend's overview route; it answers only the task initiator's on-behalf-of token. */
export function overviewHandler(overview: BackupsOverview, url = OVERVIEW_URL) {
  const expected = mockCredentials.service.header({
    onBehalfOf: mockCredentials.user(),
    targetPluginId: 'backups',
  });
  return http.get(url, ({ request }) =>
    request.headers.get('authorization') === expected
      ? HttpResponse.json(overview)
      : HttpResponse.json(
          { error: { name: 'AuthenticationError', message: 'bad token' } },
          { status: 401 },
        ),
  );
}

/** The app directory of the reference layout, with odoo-pg's manifest listed in its kustomization. */
export const appTree = {
  [`${APP_DIR}/kustomization.yaml`]:
    '# odoo\nresources:\n  - helmrelease.yaml\n  - postgres-cluster.yaml\n',
  [`${APP_DIR}/postgres-cluster.yaml`]: [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: Cluster',
    'metadata:',
    '  name: odoo-pg',
    'spec:',
    '  instances: 3',
    '  imageName: ghcr.io/cloudnative-pg/postgresql:17.2',
    '  storage:',
    '    size: 10Gi',
    '    storageClass: ceph-block',
    '',
  ].join('\n'),
};
