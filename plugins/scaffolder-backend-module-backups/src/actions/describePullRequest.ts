import { appChanges } from '../generate/appChanges';
import { VeleroBackupOptions } from '../generate/VeleroBackupOptions';

/** The pull request body: what changed, what to check, and the app-side changes. */
export function describePullRequest(
  o: VeleroBackupOptions,
  files: string[],
  warnings: string[],
  changes: ReturnType<typeof appChanges>,
  createdVelero: boolean,
  appPatches: string[],
): string {
  const lines = [
    `Adds a daily Velero backup of \`${o.namespace}\` (${o.labelSelector}) to \`${o.storageLocation}\` (${o.provider} bucket \`${o.bucket}\`), schedule \`${o.schedule}\`, retention ${o.ttl}.`,
    '',
    createdVelero
      ? '**This repository had no Velero yet: the whole Velero directory is added.**'
      : 'Velero is already deployed here: only the Schedule and its wiring are added.',
    '',
    '### Files',
    ...(files.length
      ? files.map(f => `- \`${f}\``)
      : ['- nothing changed (already up to date)']),
    '',
    '### Check before merging',
    `- The credentials item \`${o.secretKey}\` exists in the ${o.secretStoreKind} \`${o.secretStoreName}\`.`,
    `- A VolumeSnapshotClass for \`${o.snapshotLocation}\` exists and carries \`velero.io/csi-volumesnapshot-class: "true"\`.`,
    "- After Flux applies it, the Backups tab in Backstage shows the new tier and covers the app's PVCs.",
    '',
    ...(appPatches.length
      ? [
          "### Written into the app's kustomization",
          ...appPatches.map(p => `- ${p}`),
          '',
        ]
      : []),
    "### Labels the app's resources need (seed §3.1)",
    "Without them the schedule's selector matches nothing and backups hold no volume data.",
    '',
    'PersistentVolumeClaims:',
    '```yaml',
    changes.pvcLabelPatch.trimEnd(),
    '```',
    ...(changes.cnpgLabelPatch
      ? [
          '',
          'CNPG Cluster (labels reach instance pods and PVCs through `spec.inheritedMetadata`):',
          '```yaml',
          changes.cnpgLabelPatch.trimEnd(),
          '```',
        ]
      : []),
    '',
    "### Backup hooks for the app's pod template (seed §3.2)",
    '```yaml',
    changes.hookAnnotationsYaml.trimEnd(),
    '```',
  ];
  if (warnings.length)
    lines.push(
      '',
      '### Problems found in the existing GitOps tree',
      ...warnings.map(w => `- ${w}`),
    );
  return `${lines.join('\n')}\n`;
}
