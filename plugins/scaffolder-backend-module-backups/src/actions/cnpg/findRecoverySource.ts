import type {
  BackupsOverview,
  CnpgCluster,
  Tier,
} from '@internal/plugin-backups-common';
import { DateTime } from 'luxon';
import { cnpgInputError } from './cnpgInputError';

/** Where the source's base backups and WAL are. */
export type RecoveryStore =
  | { kind: 'plugin'; objectStore: string }
  | { kind: 'barmanObjectStore'; destinationPath: string };

/** The window a recovery target must lie in: first base backup to the newest archived WAL. */
export type RecoveryWindow = { from: DateTime; to: DateTime };

/** A CNPG cluster of the overview, with what a recovery from it needs. */
export type RecoverySource = {
  name: string;
  namespace: string;
  instances?: number;
  /** Its folder in the object store (CNPG's default is the cluster's name). */
  serverName: string;
  store: RecoveryStore;
  window: RecoveryWindow;
  /** The CNPG clusters of the same Kubernetes cluster, itself included. */
  neighbours: CnpgCluster[];
};

function refuse(problem: string): never {
  throw cnpgInputError([`cluster: ${problem}`]);
}

function storeOf(cluster: CnpgCluster): RecoveryStore {
  if (cluster.objectStore) {
    if (cluster.objectStoreMissing)
      refuse(
        `${cluster.name} archives to ObjectStore ${cluster.objectStore}, which does not exist`,
      );
    return { kind: 'plugin', objectStore: cluster.objectStore };
  }
  if (
    cluster.walArchiver?.kind === 'barmanObjectStore' &&
    cluster.destinationPath
  )
    return {
      kind: 'barmanObjectStore',
      destinationPath: cluster.destinationPath,
    };
  return refuse(
    `${
      cluster.name
    } archives neither through the Barman Cloud Plugin nor in-tree Barman${
      cluster.walArchiver?.plugin
        ? ` (its WAL archiver is ${cluster.walArchiver.plugin})`
        : ''
    }: there is no object store to recover from`,
  );
}

function windowOf(
  cluster: CnpgCluster,
  tier: Tier | undefined,
): RecoveryWindow {
  const first = tier?.firstRecoveryPoint ?? cluster.firstRecoverabilityPoint;
  const last = tier?.lastRecoveryPoint;
  const from = first ? DateTime.fromISO(first, { zone: 'utc' }) : undefined;
  const to = last ? DateTime.fromISO(last, { zone: 'utc' }) : undefined;
  if (from?.isValid && to?.isValid && from <= to) return { from, to };
  const why = tier?.reasons.length ? `: ${tier.reasons.join('; ')}` : '';
  return refuse(`${cluster.name} has no known recoverability window${why}`);
}

/**
 * The source cluster in the entity's overview, with its object store and its
 * live recoverability window; an InputError naming `cluster` when it is not
 * there or cannot be recovered from.
 */
export function findRecoverySource(
  overview: BackupsOverview,
  wanted: { namespace: string; cluster: string },
): RecoverySource {
  const matches = overview.clusters.flatMap(k =>
    (k.cnpg?.clusters ?? [])
      .filter(
        c => c.name === wanted.cluster && c.namespace === wanted.namespace,
      )
      .map(cluster => ({ k, cluster })),
  );
  if (matches.length === 0) {
    const known = overview.clusters
      .flatMap(k => k.cnpg?.clusters ?? [])
      .map(c => `${c.namespace}/${c.name}`);
    refuse(
      `${JSON.stringify(wanted.cluster)} is not a CNPG cluster of ${
        overview.entityRef
      } in namespace ${wanted.namespace} (it has ${
        known.join(', ') || 'none'
      })`,
    );
  }
  if (matches.length > 1)
    refuse(
      `${wanted.cluster} is on several Kubernetes clusters (${matches
        .map(m => m.k.cluster)
        .join(', ')}); recover it from a manifest written by hand`,
    );
  const [{ k, cluster }] = matches;
  const tier = k.tiers.find(
    t =>
      t.kind === 'cnpg' &&
      t.name === cluster.name &&
      t.namespace === cluster.namespace,
  );
  return {
    name: cluster.name,
    namespace: cluster.namespace,
    instances: cluster.instances,
    serverName: cluster.serverName ?? cluster.name,
    store: storeOf(cluster),
    window: windowOf(cluster, tier),
    neighbours: k.cnpg?.clusters ?? [],
  };
}
