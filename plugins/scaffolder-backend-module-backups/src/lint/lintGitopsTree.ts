import { posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { veleroHasBuiltInCsi } from '../generate/veleroManifests';

export type GitopsFile = { path: string; content: string };

function documents(file: GitopsFile): any[] {
  try {
    return parseAllDocuments(file.content)
      .map(d => d.toJS())
      .filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * Finds, in an existing GitOps tree, the mistakes of the reference runbook for
 * the versions it names. Each warning names the file and the fix.
 */
export function lintGitopsTree(
  files: GitopsFile[],
  options: { fluxSourceRoot: string },
): string[] {
  const warnings: string[] = [];
  const paths = new Set(files.map(f => f.path));
  const referenced = new Set<string>();
  const fluxPaths: Array<{ file: string; name: string; path: string }> = [];

  for (const file of files) {
    for (const doc of documents(file)) {
      const where = `${file.path} (${doc.kind ?? '?'} ${
        doc.metadata?.name ?? ''
      })`.trim();
      if (
        doc.kind === 'Kustomization' &&
        String(doc.apiVersion).startsWith('kustomize.config.k8s.io')
      ) {
        for (const resource of doc.resources ?? [])
          referenced.add(
            posix.normalize(
              posix.join(posix.dirname(file.path), String(resource)),
            ),
          );
      }
      if (
        doc.kind === 'OCIRepository' &&
        doc.apiVersion !== 'source.toolkit.fluxcd.io/v1'
      ) {
        warnings.push(
          `${where}: ${doc.apiVersion} is no longer served by Flux; use source.toolkit.fluxcd.io/v1`,
        );
      }
      if (doc.kind === 'HelmRelease' && doc.metadata?.name === 'velero') {
        const values = doc.spec?.values ?? {};
        const csi = (values.initContainers ?? []).some((c: any) =>
          String(c?.image ?? c?.name).includes('velero-plugin-for-csi'),
        );
        if (csi && veleroHasBuiltInCsi(String(values.image?.tag ?? ''))) {
          warnings.push(
            `${where}: remove the velero-plugin-for-csi init container; Velero ${values.image.tag} has the CSI plugin built in and fails to start with it registered twice (keep configuration.features: EnableCSI)`,
          );
        }
        if (values.nodeAgent && 'privileged' in values.nodeAgent) {
          warnings.push(
            `${where}: nodeAgent.privileged does not exist in the Velero chart since 6.0.0; use nodeAgent.containerSecurityContext.privileged`,
          );
        }
      }
      if (
        doc.kind === 'Cluster' &&
        String(doc.apiVersion).startsWith('postgresql.cnpg.io') &&
        doc.spec?.podTemplate
      ) {
        warnings.push(
          `${where}: CNPG has no spec.podTemplate; put labels in spec.inheritedMetadata.labels to reach instance pods and PVCs`,
        );
      }
      if (
        doc.kind === 'Kustomization' &&
        String(doc.apiVersion).startsWith('kustomize.toolkit.fluxcd.io') &&
        doc.spec?.path
      ) {
        fluxPaths.push({
          file: file.path,
          name: doc.metadata?.name,
          path: String(doc.spec.path),
        });
      }
    }
  }

  const dirs = new Set(
    [...paths].flatMap(p =>
      p.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const ks of fluxPaths) {
    const repoPath = posix.normalize(
      posix.join(options.fluxSourceRoot, ks.path),
    );
    if (!dirs.has(repoPath)) {
      warnings.push(
        `${ks.file} (Kustomization ${ks.name}): path ${ks.path} does not exist relative to the Flux source root "${options.fluxSourceRoot}"`,
      );
    }
  }
  for (const dir of [...dirs].filter(d => d.endsWith('/velero/schedules'))) {
    if (
      !fluxPaths.some(
        ks =>
          posix.normalize(posix.join(options.fluxSourceRoot, ks.path)) === dir,
      )
    ) {
      warnings.push(
        `${dir}: no Flux Kustomization applies the schedules; add one that dependsOn the Velero Kustomization`,
      );
    }
  }
  for (const path of paths) {
    if (
      path.endsWith('backup-system/namespace.yaml') &&
      !referenced.has(path)
    ) {
      warnings.push(
        `${path}: referenced by no kustomization.yaml, so the namespace is never applied`,
      );
    }
  }
  return warnings;
}
