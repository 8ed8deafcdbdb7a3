import {
  describeCron,
  parseCron,
  VELERO_CRON_DIALECT,
} from '@internal/plugin-backups-common';
import { appChanges } from '../generate/appChanges';
import { VeleroBackupOptions } from '../options/veleroOptionsSchema';

/** The schedule in words, as Velero reads it: ": At 03:00 (UTC)". */
function scheduleWords(schedule: string): string {
  const parsed = parseCron(schedule, VELERO_CRON_DIALECT);
  return parsed.ok ? `: ${describeCron(parsed.schedule)}` : '';
}

/** The labels section: the patches for the selector's key=value terms, and what is left to do by hand. */
function labelLines(
  o: VeleroBackupOptions,
  changes: ReturnType<typeof appChanges>,
): string[] {
  const hasLabels = Object.keys(changes.labels).length > 0;
  if (!hasLabels && !changes.labelsByHand.length)
    return [`The selector \`${o.labelSelector}\` needs no label on them.`];
  const lines = [
    "Without them the schedule's selector matches nothing and backups hold no volume data.",
  ];
  if (hasLabels) {
    lines.push('', 'PersistentVolumeClaims:', '```yaml');
    lines.push(changes.pvcLabelPatch.trimEnd(), '```');
  }
  if (hasLabels && changes.cnpgLabelPatch) {
    lines.push(
      '',
      'CNPG Cluster (labels reach instance pods and PVCs through `spec.inheritedMetadata`):',
      '```yaml',
      changes.cnpgLabelPatch.trimEnd(),
      '```',
    );
  }
  if (changes.labelsByHand.length) {
    const terms = changes.labelsByHand.map(r => `\`${r}\``).join(', ');
    lines.push(
      '',
      `The selector also requires ${terms}: no single label value follows from it, so add labels that meet it by hand.`,
    );
  }
  return lines;
}

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
    `Adds a Velero backup of \`${o.namespace}\` (${o.labelSelector}) to \`${
      o.storageLocation
    }\` (${o.provider} bucket \`${o.bucket}\`), schedule \`${
      o.schedule
    }\`${scheduleWords(o.schedule)}, retention ${o.ttl}.`,
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
    ...labelLines(o, changes),
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
