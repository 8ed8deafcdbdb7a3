import { posix } from 'node:path';
import { addKustomizationResource } from './addKustomizationResource';
import { veleroPaths } from './paths';
import { toYaml } from './toYaml';
import {
  appKustomizationManifest,
  externalSecretManifest,
  fluxKustomizationManifests,
  helmReleaseManifest,
  namespaceManifest,
  ociRepositoryManifest,
  scheduleManifest,
  schedulesKustomizationManifest,
  systemKustomizationManifest,
} from './veleroManifests';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';

export type PlannedFile = { path: string; content: string; manifest: boolean };

/**
 * The files to write for an app: the whole Velero directory when the repository
 * has none yet, and always the app's Schedule with its wiring.
 * `read` returns a file of the repository, or undefined when it does not exist.
 */
export function planVeleroBackup(
  o: VeleroBackupOptions,
  read: (path: string) => string | undefined,
) {
  const paths = veleroPaths(o);
  const hasVelero = read(paths.helmRelease) !== undefined;
  const files: PlannedFile[] = [];
  if (!hasVelero) {
    files.push(
      {
        path: paths.namespace,
        content: toYaml(namespaceManifest(o)),
        manifest: true,
      },
      {
        path: paths.systemKustomization,
        content: toYaml(systemKustomizationManifest()),
        manifest: false,
      },
      {
        path: paths.externalSecret,
        content: toYaml(externalSecretManifest(o)),
        manifest: true,
      },
      {
        path: paths.ociRepository,
        content: toYaml(ociRepositoryManifest(o)),
        manifest: true,
      },
      {
        path: paths.helmRelease,
        content: toYaml(helmReleaseManifest(o)),
        manifest: true,
      },
      {
        path: paths.appKustomization,
        content: toYaml(appKustomizationManifest(o)),
        manifest: false,
      },
      {
        path: paths.fluxKustomizations,
        content: toYaml(...fluxKustomizationManifests(o)),
        manifest: true,
      },
    );
  }
  files.push({
    path: paths.schedule,
    content: toYaml(scheduleManifest(o)),
    manifest: true,
  });

  const schedulesText = read(paths.schedulesKustomization);
  files.push({
    path: paths.schedulesKustomization,
    content:
      schedulesText === undefined
        ? toYaml(schedulesKustomizationManifest(o))
        : addKustomizationResource(
            schedulesText,
            posix.basename(paths.schedule),
          ),
    manifest: false,
  });

  const overlayDir = posix.dirname(o.overlayKustomization);
  const overlayText = read(o.overlayKustomization);
  files.push({
    path: o.overlayKustomization,
    content: addKustomizationResource(
      overlayText,
      posix.relative(overlayDir, paths.system),
    ),
    manifest: false,
  });
  return { files, createdVelero: !hasVelero };
}
