import { posix } from 'node:path';
import { isSeq, parseAllDocuments, parseDocument, YAMLSeq } from 'yaml';
import { appChanges } from './appChanges';
import { PlannedFile } from './planVeleroBackup';
import { toYaml } from './toYaml';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';

type Patch = {
  file: string;
  target: Record<string, string>;
  patch: object;
  what: string;
};

function documentsIn(files: Array<{ path: string; content: string }>): any[] {
  return files.flatMap(f => {
    try {
      return parseAllDocuments(f.content)
        .map(d => d.toJS())
        .filter(Boolean);
    } catch {
      return [];
    }
  });
}

/** Adds `patches` entries by path with the yaml Document API; an entry already there is kept. */
function addPatches(text: string, patches: Patch[]): string {
  const doc = parseDocument(text);
  let list = doc.get('patches') as YAMLSeq | undefined;
  if (!list || !isSeq(list)) {
    doc.set('patches', doc.createNode([]));
    list = doc.get('patches') as YAMLSeq;
  }
  const present = new Set(
    list.items.map((item: any) => String(item?.get?.('path') ?? '')),
  );
  for (const p of patches) {
    if (!present.has(p.file))
      list.add(doc.createNode({ path: p.file, target: p.target }));
  }
  return doc.toString();
}

/**
 * Seed §3.1 and §3.2 written into the app's own kustomization, when the app
 * directory is a kustomization whose manifests show what to patch: the
 * selector label on its PVCs and CNPG cluster, and the hook annotations on its
 * HelmRelease values or Deployment pod template.
 */
export function planAppPatches(
  o: VeleroBackupOptions,
  appPath: string,
  appFiles: Array<{ path: string; content: string }>,
): { files: PlannedFile[]; patched: string[] } {
  const kustomizationPath = posix.join(appPath, 'kustomization.yaml');
  const kustomization = appFiles.find(f => f.path === kustomizationPath);
  if (!kustomization) return { files: [], patched: [] };
  const docs = documentsIn(appFiles.filter(f => f !== kustomization));
  const changes = appChanges(o);
  const patches: Patch[] = [];
  // A selector without key=value terms gives no label to write.
  const hasLabels = Object.keys(changes.labels).length > 0;

  if (hasLabels && docs.some(d => d.kind === 'PersistentVolumeClaim')) {
    patches.push({
      file: 'velero-backup-pvc-labels.yaml',
      target: { kind: 'PersistentVolumeClaim' },
      // With a target, kustomize applies the patch to every match; the name is a placeholder.
      patch: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'velero-backup-labels', labels: changes.labels },
      },
      what: 'selector label on every PVC',
    });
  }
  const cluster =
    hasLabels &&
    docs.find(
      d =>
        d.kind === 'Cluster' &&
        String(d.apiVersion).startsWith('postgresql.cnpg.io') &&
        (!o.cnpgCluster || d.metadata?.name === o.cnpgCluster),
    );
  if (cluster) {
    patches.push({
      file: 'velero-backup-cnpg-labels.yaml',
      target: {
        group: 'postgresql.cnpg.io',
        kind: 'Cluster',
        name: cluster.metadata.name,
      },
      patch: {
        apiVersion: cluster.apiVersion,
        kind: 'Cluster',
        metadata: { name: cluster.metadata.name },
        spec: { inheritedMetadata: { labels: changes.labels } },
      },
      what: `selector label on CNPG cluster ${cluster.metadata.name} (spec.inheritedMetadata)`,
    });
  }
  const release = docs.find(
    d => d.kind === 'HelmRelease' && d.metadata?.name === o.appName,
  );
  const deployment = docs.find(
    d =>
      ['Deployment', 'StatefulSet'].includes(d.kind) &&
      d.metadata?.name === o.appName,
  );
  if (release) {
    patches.push({
      file: 'velero-backup-hooks.yaml',
      target: { kind: 'HelmRelease', name: o.appName },
      patch: {
        apiVersion: release.apiVersion,
        kind: 'HelmRelease',
        metadata: { name: o.appName },
        spec: { values: { podAnnotations: changes.hookAnnotations } },
      },
      what: `hook annotations in HelmRelease ${o.appName} values.podAnnotations`,
    });
  } else if (deployment) {
    patches.push({
      file: 'velero-backup-hooks.yaml',
      target: { kind: deployment.kind, name: o.appName },
      patch: {
        apiVersion: deployment.apiVersion,
        kind: deployment.kind,
        metadata: { name: o.appName },
        spec: {
          template: { metadata: { annotations: changes.hookAnnotations } },
        },
      },
      what: `hook annotations on the pod template of ${deployment.kind} ${o.appName}`,
    });
  }
  if (patches.length === 0) return { files: [], patched: [] };
  return {
    files: [
      ...patches.map(p => ({
        path: posix.join(appPath, p.file),
        content: toYaml(p.patch),
        manifest: false,
      })),
      {
        path: kustomizationPath,
        content: addPatches(kustomization.content, patches),
        manifest: false,
      },
    ],
    patched: patches.map(p => p.what),
  };
}
