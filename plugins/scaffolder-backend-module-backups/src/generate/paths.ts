import { posix } from 'node:path';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';

/** Where each generated file goes, following the seed's layout (§2.1). */
export function veleroPaths(o: VeleroBackupOptions) {
  const system = posix.join(o.basePath, 'backup-system');
  const velero = posix.join(system, 'velero');
  return {
    system,
    namespace: posix.join(system, 'namespace.yaml'),
    systemKustomization: posix.join(system, 'kustomization.yaml'),
    app: posix.join(velero, 'app'),
    helmRelease: posix.join(velero, 'app', 'helmrelease.yaml'),
    ociRepository: posix.join(velero, 'app', 'ocirepository.yaml'),
    externalSecret: posix.join(velero, 'app', 'externalsecret.yaml'),
    appKustomization: posix.join(velero, 'app', 'kustomization.yaml'),
    fluxKustomizations: posix.join(velero, 'ks.yaml'),
    schedules: posix.join(velero, 'schedules'),
    schedule: posix.join(velero, 'schedules', `${o.appName}-backup.yaml`),
    schedulesKustomization: posix.join(
      velero,
      'schedules',
      'kustomization.yaml',
    ),
  };
}

/** A Flux Kustomization path: relative to the Flux source's root, as Flux requires. */
export function fluxPath(o: VeleroBackupOptions, repoPath: string): string {
  const relative = posix.relative(posix.normalize(o.fluxSourceRoot), repoPath);
  return `./${relative}`;
}
