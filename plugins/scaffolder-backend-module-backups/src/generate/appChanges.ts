import {
  toLabelSelectorObject,
  formatRequirement,
  parseLabelSelector,
  unmetRequirements,
} from '@internal/plugin-backups-common';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';
import { yamlText } from './toYaml';

/**
 * Seed §3.1 and §3.2: the labels the app's PVCs and CNPG cluster need so the
 * schedule's selector finds them, and the hook annotations for the app's pods.
 * The app's manifests live wherever the repository keeps them, so these are
 * given for the pull request instead of guessed into files.
 *
 * The labels are the selector's `key=value` terms; what they leave unmet
 * (`key in (a,b)`, `key`) has no single value to write, so it is listed in
 * `labelsByHand` for the pull request instead.
 */
export function appChanges(o: VeleroBackupOptions) {
  const selector = parseLabelSelector(o.labelSelector);
  const labels = toLabelSelectorObject(selector).matchLabels ?? {};
  const labelsByHand = unmetRequirements(selector, labels).map(
    formatRequirement,
  );
  const pvcPatch = { metadata: { labels } };
  // CNPG has no spec.podTemplate; inheritedMetadata reaches instance pods and PVCs.
  const cnpgPatch = o.cnpgCluster
    ? {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        metadata: { name: o.cnpgCluster, namespace: o.namespace },
        spec: { inheritedMetadata: { labels } },
      }
    : undefined;
  const hookAnnotations = {
    'backup.velero.io/backup-volumes': o.hookVolumes,
    'pre.hook.backup.velero.io/container': o.hookContainer,
    'pre.hook.backup.velero.io/command':
      '["/bin/sh", "-c", "echo Starting backup"]',
    'post.hook.backup.velero.io/container': o.hookContainer,
    'post.hook.backup.velero.io/command':
      '["/bin/sh", "-c", "echo Backup complete"]',
  };
  return {
    labels,
    labelsByHand,
    pvcLabelPatch: yamlText(pvcPatch),
    cnpgLabelPatch: cnpgPatch ? yamlText(cnpgPatch) : undefined,
    hookAnnotations,
    hookAnnotationsYaml: yamlText({ podAnnotations: hookAnnotations }),
  };
}
