import { Config } from '@backstage/config';
import { posix } from 'node:path';
import { seedDefaults } from '../options/seedDefaults';
import {
  VeleroBackupOptions,
  VeleroGenerateInput,
} from '../options/veleroOptionsSchema';

type Defaults = typeof seedDefaults;
type GivenOptions = Omit<VeleroGenerateInput, 'overwrite' | 'lintOnly'>;

/**
 * Input first, then `backups.scaffolder.velero.*` config, then the seed's value.
 * Config is not typed here: the options schema checks the result.
 */
export function resolveOptions(
  input: GivenOptions,
  config: Config | undefined,
): VeleroBackupOptions {
  const fromConfig = config?.getOptionalConfig('backups.scaffolder.velero');
  const pick = <K extends keyof Defaults>(key: K): Defaults[K] => {
    const given = (input as Partial<Defaults>)[key];
    if (given !== undefined) return given as Defaults[K];
    const configured = fromConfig?.getOptional(key as string);
    return (configured ?? seedDefaults[key]) as Defaults[K];
  };
  const basePath = pick('basePath');
  return {
    appName: input.appName,
    namespace: input.namespace,
    labelSelector:
      input.labelSelector ?? `app.kubernetes.io/name=${input.appName}`,
    scheduleName: input.scheduleName ?? `${input.appName}-daily`,
    cnpgCluster: input.cnpgCluster,
    hookContainer: input.hookContainer ?? input.appName,
    appPath:
      input.appPath ??
      posix.join(basePath, input.namespace, input.appName, 'app'),
    branchName: input.branchName ?? `backups/velero-${input.appName}`,
    targetBranchName: input.targetBranchName,
    schedule: pick('schedule'),
    ttl: pick('ttl'),
    includedResources: pick('includedResources'),
    veleroNamespace: pick('veleroNamespace'),
    storageLocation: pick('storageLocation'),
    bucket: pick('bucket'),
    provider: pick('provider'),
    snapshotLocation: pick('snapshotLocation'),
    snapshotProvider: pick('snapshotProvider'),
    secretStoreKind: pick('secretStoreKind'),
    secretStoreName: pick('secretStoreName'),
    secretKey: pick('secretKey'),
    veleroVersion: pick('veleroVersion'),
    gcpPluginVersion: pick('gcpPluginVersion'),
    chartVersion: pick('chartVersion'),
    chartUrl: pick('chartUrl'),
    basePath,
    overlayKustomization: pick('overlayKustomization'),
    fluxSourceKind: pick('fluxSourceKind'),
    fluxSourceName: pick('fluxSourceName'),
    fluxSourceRoot: pick('fluxSourceRoot'),
    fluxDependsOn: pick('fluxDependsOn'),
    hookVolumes: pick('hookVolumes'),
  };
}
