import { DateTime } from 'luxon';
import { cnpgInputError } from './cnpgInputError';
import { MAX_CLUSTER_NAME } from './cnpgRecoverySchema';
import { RecoverySource } from './findRecoverySource';

/** `<cluster>-pitr-<yyyymmddhhmm>` of the target in UTC, the cluster's part cut to fit 50 characters. */
export function defaultRecoveryName(cluster: string, target: DateTime): string {
  const suffix = `-pitr-${target.toUTC().toFormat('yyyyLLddHHmm')}`;
  const head = cluster
    .slice(0, MAX_CLUSTER_NAME - suffix.length)
    .replace(/-+$/, '');
  return `${head}${suffix}`;
}

/**
 * The new Cluster's name, which is also its serverName in the object store:
 * it must not be the source, another cluster of the namespace, or a server
 * another cluster already archives to in the same store.
 */
export function recoveryName(
  source: RecoverySource,
  target: DateTime,
  given: string | undefined,
): string {
  const name = given ?? defaultRecoveryName(source.name, target);
  const store = source.store;
  const clash = source.neighbours.find(c => {
    if (c.name === name && c.namespace === source.namespace) return true;
    const sameStore =
      store.kind === 'plugin'
        ? c.objectStore === store.objectStore
        : c.destinationPath === store.destinationPath;
    return sameStore && (c.serverName ?? c.name) === name;
  });
  if (!clash) return name;
  const why =
    clash.name === name
      ? `is the name of ${
          clash.name === source.name ? 'the source' : 'another'
        } CNPG cluster in ${source.namespace}`
      : `is the serverName ${clash.name} already archives to in the same object store`;
  throw cnpgInputError([`name: ${JSON.stringify(name)} ${why}`]);
}
