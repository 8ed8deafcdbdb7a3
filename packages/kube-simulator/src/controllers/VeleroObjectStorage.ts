import { gzipSync } from 'node:zlib';
import { KubeObject } from '../store/KubeObject';
import { tarGz } from './tarGz';
import { BackupArchive, backupResourceList } from './veleroBackupArchive';
import { VeleroResults } from './veleroLog';

/** What a restore leaves in the bucket: `restore-<name>-logs.gz`, `-results.gz`, `-resource-list.json.gz`. */
export type RestoreArchive = {
  restoreName: string;
  log: string[];
  results: VeleroResults;
  /** Resource key → `namespace/name(action)`, action created, updated, skipped or failed. */
  resourceList: Record<string, string[]>;
};

/** The DownloadRequest target kinds of Velero 1.15 (the CRD's enum). */
export const DOWNLOAD_TARGET_KINDS = [
  'BackupLog',
  'BackupContents',
  'BackupVolumeSnapshots',
  'BackupItemOperations',
  'BackupResourceList',
  'BackupResults',
  'RestoreLog',
  'RestoreResults',
  'RestoreResourceList',
  'RestoreItemOperations',
  'CSIBackupVolumeSnapshots',
  'CSIBackupVolumeSnapshotContents',
  'BackupVolumeInfos',
  'RestoreVolumeInfo',
] as const;

export type DownloadTargetKind = (typeof DOWNLOAD_TARGET_KINDS)[number];

/** The object key of a target, as Velero's ObjectStoreLayout names it (persistence/object_store_layout.go). */
export function objectKey(kind: string, name: string): string {
  const backup = (file: string) => `backups/${name}/${file}`;
  const restore = (file: string) => `restores/${name}/${file}`;
  const keys: Record<string, string> = {
    BackupContents: backup(`${name}.tar.gz`),
    BackupLog: backup(`${name}-logs.gz`),
    BackupVolumeSnapshots: backup(`${name}-volumesnapshots.json.gz`),
    BackupItemOperations: backup(`${name}-itemoperations.json.gz`),
    BackupResourceList: backup(`${name}-resource-list.json.gz`),
    BackupResults: backup(`${name}-results.gz`),
    CSIBackupVolumeSnapshots: backup(`${name}-csi-volumesnapshots.json.gz`),
    CSIBackupVolumeSnapshotContents: backup(
      `${name}-csi-volumesnapshotcontents.json.gz`,
    ),
    BackupVolumeInfos: backup(`${name}-volumeinfo.json.gz`),
    RestoreLog: restore(`restore-${name}-logs.gz`),
    RestoreResults: restore(`restore-${name}-results.gz`),
    RestoreResourceList: restore(`restore-${name}-resource-list.json.gz`),
    RestoreItemOperations: restore(`restore-${name}-itemoperations.json.gz`),
    RestoreVolumeInfo: restore(`${name}-volumeinfo.json.gz`),
  };
  return keys[kind] ?? `unknown/${kind}/${name}`;
}

const gzipJson = (value: unknown) => gzipSync(JSON.stringify(value));
const gzipLines = (lines: string[]) =>
  gzipSync(lines.map(l => `${l}\n`).join(''));

/**
 * The backup storage location's bucket, as far as the simulator keeps it:
 * each finished backup's archive and each restore's log and results. The
 * files are made when downloaded (gzip, as Velero uploads them).
 */
export class VeleroObjectStorage {
  readonly #backups = new Map<string, BackupArchive>();
  readonly #restores = new Map<string, RestoreArchive>();
  readonly #pluralOf: (o: KubeObject) => string;

  constructor(pluralOf: (o: KubeObject) => string) {
    this.#pluralOf = pluralOf;
  }

  putBackup(archive: BackupArchive) {
    this.#backups.set(archive.backupName, archive);
  }

  backup(name: string): BackupArchive | undefined {
    return this.#backups.get(name);
  }

  putRestore(archive: RestoreArchive) {
    this.#restores.set(archive.restoreName, archive);
  }

  restore(name: string): RestoreArchive | undefined {
    return this.#restores.get(name);
  }

  /** The bytes stored under a download target, or undefined when there is no such object. */
  file(kind: string, name: string, mtime: number): Buffer | undefined {
    if (kind.startsWith('Restore')) {
      const restore = this.#restores.get(name);
      if (!restore) return undefined;
      if (kind === 'RestoreLog') return gzipLines(restore.log);
      if (kind === 'RestoreResults') return gzipJson(restore.results);
      if (kind === 'RestoreResourceList') return gzipJson(restore.resourceList);
      return undefined;
    }
    const backup = this.#backups.get(name);
    if (!backup) return undefined;
    const ofKind = (k: string) => backup.items.filter(i => i.kind === k);
    switch (kind) {
      case 'BackupLog':
        return gzipLines(backup.log);
      case 'BackupResults':
        return gzipJson(backup.results);
      case 'BackupResourceList':
        return gzipJson(backupResourceList(backup.items));
      case 'CSIBackupVolumeSnapshots':
        return gzipJson(ofKind('VolumeSnapshot'));
      case 'CSIBackupVolumeSnapshotContents':
        return gzipJson(ofKind('VolumeSnapshotContent'));
      case 'BackupContents':
        return this.#contents(backup, mtime);
      default:
        return undefined;
    }
  }

  /**
   * `<backup>.tar.gz` in format 1.1.0: `metadata/version`, then each item
   * at `resources/<resource.group>/[namespaces/<ns>|cluster]/<name>.json`
   * and again under `<version>-preferredversion/` (backup/item_backupper.go).
   */
  #contents(backup: BackupArchive, mtime: number): Buffer {
    const files: Array<{ path: string; body: string }> = [
      { path: 'metadata/version', body: '1.1.0\n' },
    ];
    for (const item of backup.items) {
      const [group, version] = item.apiVersion.includes('/')
        ? item.apiVersion.split('/')
        : ['', item.apiVersion];
      const plural = this.#pluralOf(item);
      const resource = group ? `${plural}.${group}` : plural;
      const scope = item.metadata.namespace
        ? `namespaces/${item.metadata.namespace}`
        : 'cluster';
      const body = JSON.stringify(item);
      const file = `${scope}/${item.metadata.name}.json`;
      files.push(
        { path: `resources/${resource}/${file}`, body },
        {
          path: `resources/${resource}/${version}-preferredversion/${file}`,
          body,
        },
      );
    }
    return tarGz(files, mtime);
  }
}
