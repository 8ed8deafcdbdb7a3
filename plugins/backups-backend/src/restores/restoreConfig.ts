import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

export type RestoreConfig = {
  /** Allowed targets besides in place; `{namespace}` is the entity's namespace. */
  targetNamespaces: string[];
  /** A Namespace annotation naming the owning group, accepted instead of the id label. */
  namespaceOwnerAnnotation: string;
  planTtlSeconds: number;
  /** After this, suspended Flux objects are resumed even if the restore has not ended. */
  timeoutSeconds: number;
  /** Largest log or resource list fetched through a DownloadRequest. */
  maxDownloadBytes: number;
  /** Namespaces that are never a target, besides kube-* and Velero's own. */
  forbiddenNamespaces: string[];
};

function seconds(config: Config, key: string, fallback: number): number {
  if (!config.has(key)) return fallback;
  return durationToMilliseconds(readDurationFromConfig(config, { key })) / 1000;
}

/** `backups.restores.*`, with the defaults. */
export function readRestoreConfig(config: Config): RestoreConfig {
  return {
    targetNamespaces: config.getOptionalStringArray(
      'backups.restores.targetNamespaces',
    ) ?? ['{namespace}-restore'],
    namespaceOwnerAnnotation:
      config.getOptionalString('backups.restores.namespaceOwnerAnnotation') ??
      'backups.backstage.io/owner',
    planTtlSeconds: seconds(config, 'backups.restores.planTtl', 15 * 60),
    timeoutSeconds: seconds(config, 'backups.restores.timeout', 2 * 3600),
    maxDownloadBytes:
      config.getOptionalNumber('backups.restores.maxDownloadBytes') ??
      2 * 1024 * 1024,
    forbiddenNamespaces: [
      'default',
      'flux-system',
      ...(config.getOptionalStringArray(
        'backups.restores.forbiddenNamespaces',
      ) ?? []),
    ],
  };
}
