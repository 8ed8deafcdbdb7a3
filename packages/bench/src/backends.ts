import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import backupsPlugin from '@internal/plugin-backups-backend';
import {
  backupsClusterStateExtensionPoint,
  type ClusterConnection,
  type ListOptions,
  type ResourceRef,
  type SourceStatus,
} from '@internal/plugin-backups-node';
import { TOKENS } from './SimulatorProcess';

/** The entity of the benchmark, as the demo's catalog holds it. */
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

export const OVERVIEW =
  '/api/backups/v1/entities/default/component/odoo/overview';
export const RESTORES =
  '/api/backups/v1/entities/default/component/odoo/restores';
const ENTITY = '/api/backups/v1/entities/default/component/odoo';

/** What the Backups tab asks the backend for when it opens (the history of 30 days). */
export function tabRequests(): string[] {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  const range = new URLSearchParams({
    from: from.toISOString(),
    to: to.toISOString(),
  });
  return [OVERVIEW, RESTORES, `${ENTITY}/history?${range}`];
}

/** One LIST the overview's readers asked the cluster-state layer for. */
export type ListCall = { resource: ResourceRef; options: ListOptions };

/**
 * What the benchmark sees of the backups plugin's cluster connection,
 * through its public seam (backupsClusterStateExtensionPoint): the list
 * calls readers make, the cache's sizes and sources, and a cache start it
 * may hold back (to weigh the heap before and after warming).
 */
export class ConnectionProbe {
  connection?: ClusterConnection;
  readonly calls: ListCall[] = [];
  #held: boolean;
  #started = false;

  constructor(options: { holdCacheStart?: boolean } = {}) {
    this.#held = options.holdCacheStart ?? false;
  }

  /** Starts the cache that was held back. */
  startCache() {
    this.#held = false;
    this.#start();
  }

  #start() {
    if (this.#held || this.#started) return;
    this.#started = true;
    this.connection?.state.start?.();
  }

  /** Objects cached per kind (`<group>/<plural>`), when the state is the cache. */
  sizes(): Record<string, number> {
    const state = this.connection?.state as {
      sizes?(): Record<string, number>;
    };
    return state?.sizes?.() ?? {};
  }

  sources(): SourceStatus[] {
    return this.connection?.state.describe?.() ?? [];
  }

  wrap(connection: ClusterConnection): ClusterConnection {
    this.connection = connection;
    const { state } = connection;
    return {
      ...connection,
      state: {
        clusterName: state.clusterName,
        list: (resource, options = {}) => {
          const { signal, ...recorded } = options;
          this.calls.push({ resource, options: recorded });
          return state.list(resource, options);
        },
        describe: state.describe?.bind(state),
        start: () => this.#start(),
        stop: state.stop?.bind(state),
      },
    };
  }
}

function clusterConfig(url: string, token: string, extra: object = {}) {
  return {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'sim',
            url,
            authProvider: 'serviceAccount',
            serviceAccountToken: token,
            skipTLSVerify: true,
          },
        ],
      },
    ],
    ...extra,
  };
}

export type TestBackend = {
  baseUrl: string;
  stop(): Promise<void>;
};

/** A backend with the backups plugin (startTestBackend), reading the simulator. */
export async function startBackupsBackend(options: {
  simulatorUrl: string;
  cache: boolean;
  probe: ConnectionProbe;
  /** Longest wait of a request for the cache's first list (default 5 s). */
  warmupTimeout?: string;
}): Promise<TestBackend> {
  const probeModule = createBackendModule({
    pluginId: 'backups',
    moduleId: 'bench-probe',
    register(reg) {
      reg.registerInit({
        deps: { clusterState: backupsClusterStateExtensionPoint },
        async init({ clusterState }) {
          clusterState.setClusterConnectionFactory((_, defaults) =>
            options.probe.wrap(defaults()),
          );
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      backupsPlugin,
      probeModule,
      catalogServiceMock.factory({ entities: [odoo] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: clusterConfig(options.simulatorUrl, TOKENS.backups),
          backups: {
            cache: {
              enabled: options.cache,
              ...(options.warmupTimeout
                ? { warmupTimeout: options.warmupTimeout }
                : {}),
            },
          },
        },
      }),
    ],
  });
  return {
    baseUrl: `http://localhost:${backend.server.port()}`,
    stop: () => backend.stop(),
  };
}

/**
 * The kinds the overview reads, as Backstage's Kubernetes plugin takes them
 * (`kubernetes.customResources`); it reads namespaced kinds only, in the
 * entity's namespace.
 */
export const PEER_CUSTOM_RESOURCES = [
  ['velero.io', 'v1', 'schedules'],
  ['velero.io', 'v1', 'backups'],
  ['velero.io', 'v1', 'restores'],
  ['velero.io', 'v1', 'backupstoragelocations'],
  ['velero.io', 'v1', 'volumesnapshotlocations'],
  ['velero.io', 'v1', 'podvolumebackups'],
  ['postgresql.cnpg.io', 'v1', 'clusters'],
  ['postgresql.cnpg.io', 'v1', 'backups'],
  ['postgresql.cnpg.io', 'v1', 'scheduledbackups'],
  ['barmancloud.cnpg.io', 'v1', 'objectstores'],
  ['volsync.backube', 'v1alpha1', 'replicationsources'],
  ['kustomize.toolkit.fluxcd.io', 'v1', 'kustomizations'],
  ['helm.toolkit.fluxcd.io', 'v2', 'helmreleases'],
  ['source.toolkit.fluxcd.io', 'v1', 'ocirepositories'],
  ['source.toolkit.fluxcd.io', 'v1', 'gitrepositories'],
  ['external-secrets.io', 'v1', 'externalsecrets'],
].map(([group, apiVersion, plural]) => ({ group, apiVersion, plural }));

/** The peer: @backstage/plugin-kubernetes-backend with the same kinds as custom resources. */
export async function startKubernetesBackend(options: {
  simulatorUrl: string;
}): Promise<TestBackend> {
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-kubernetes-backend'),
      catalogServiceMock.factory({ entities: [odoo] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: clusterConfig(options.simulatorUrl, TOKENS.kubernetes, {
            customResources: PEER_CUSTOM_RESOURCES,
          }),
        },
      }),
    ],
  });
  return {
    baseUrl: `http://localhost:${backend.server.port()}`,
    stop: () => backend.stop(),
  };
}

/** The peer's answer for the entity: POST /api/kubernetes/services/:entityName. */
export async function peerRequest(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/api/kubernetes/services/odoo`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ entity: odoo }),
  });
}
