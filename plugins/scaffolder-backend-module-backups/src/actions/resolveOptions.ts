import { Config } from '@backstage/config';
import {
  seedDefaults,
  VeleroBackupOptions,
} from '../generate/VeleroBackupOptions';

type Defaults = typeof seedDefaults;

/** Input first, then `backups.scaffolder.velero.*` config, then the seed's value. */
export function resolveOptions(
  input: Partial<VeleroBackupOptions> & { appName: string; namespace: string },
  config: Config | undefined,
): VeleroBackupOptions {
  const fromConfig = config?.getOptionalConfig('backups.scaffolder.velero');
  const pick = <K extends keyof Defaults>(key: K): Defaults[K] => {
    if (input[key] !== undefined) return input[key] as Defaults[K];
    const configured = fromConfig?.getOptional(key as string);
    return (configured ?? seedDefaults[key]) as Defaults[K];
  };
  return {
    appName: input.appName,
    namespace: input.namespace,
    labelSelector:
      input.labelSelector ?? `app.kubernetes.io/name=${input.appName}`,
    scheduleName: input.scheduleName ?? `${input.appName}-daily`,
    cnpgCluster: input.cnpgCluster,
    hookContainer: input.hookContainer ?? input.appName,
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
    basePath: pick('basePath'),
    overlayKustomization: pick('overlayKustomization'),
    fluxSourceKind: pick('fluxSourceKind'),
    fluxSourceName: pick('fluxSourceName'),
    fluxSourceRoot: pick('fluxSourceRoot'),
    fluxDependsOn: pick('fluxDependsOn'),
    hookVolumes: pick('hookVolumes'),
  };
}
