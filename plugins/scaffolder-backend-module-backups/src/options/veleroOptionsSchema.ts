import type { z as zod } from 'zod/v3';
import {
  bucketProblem,
  kustomizationFileProblem,
  repoPathProblem,
  scheduleProblem,
  selectorProblem,
  ttlProblem,
} from './optionProblems';

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const DNS_LABEL = new RegExp(`^${LABEL}$`);
const DNS_SUBDOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const RESOURCE = new RegExp(`^(?:\\*|${LABEL}(?:\\.${LABEL})*)$`);
const VOLUME_LIST = new RegExp(`^${LABEL}(?:,${LABEL})*$`);
const QUALIFIED_NAME = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*/)?${LABEL}$`);
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const OCI_URL = /^oci:\/\/[a-z0-9.-]+(?::[0-9]+)?(?:\/[a-z0-9._-]+)+$/;
const BUCKET = /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/;
/** Velero's cron (robfig/cron v3): five fields or a descriptor, after an optional zone. */
const CRON = /^(?:(?:CRON_TZ|TZ)=\S+ +)?(?:@\S+(?: +\S+)?|\S+(?: +\S+){4})$/;
/** Go's duration grammar without a sign (ns to h; no d), or a bare 0. */
const GO_DURATION =
  /^(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|ms|s|m|h))+)$/;
/** `git check-ref-format --branch`: no `..`, `@{`, `//`, control characters, space or `~^:?*[\`; no leading `-`, `/` or `.`; no trailing `/` or `.`; no `.lock` component end. */
const GIT_REF =
  // eslint-disable-next-line no-control-regex
  /^(?!-|HEAD$|@$|\/|.*\/$|.*\/\/|.*\.$|.*\.\.|.*@\{|(?:.*\/)?\.|.*\.lock(?:\/|$))[^\x00-\x20\x7f~^:?*[\\]+$/;

const DNS_LABEL_TEXT =
  "a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)";

/** A value in an error message: quoted, escaped, and cut when long. */
function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * The options of `backups:velero:generate`, built on the zod the scaffolder
 * hands to schema callbacks (zod/v3). `options` is what the generator uses,
 * after config defaults; `input` is the action's input, where every option but
 * `appName` and `namespace` may be left out. Each issue names its field; the
 * template's form `pattern`s are the sources of the regular expressions here.
 */
export function veleroSchemas(z: typeof zod) {
  const text = (
    field: string,
    max: number,
    pattern?: RegExp,
    what?: string,
  ) => {
    const bounded = z
      .string()
      .min(1, `${field}: must not be empty`)
      .max(max, `${field}: must be at most ${max} characters`);
    return pattern
      ? bounded.regex(pattern, `${field}: must be ${what}`)
      : bounded;
  };
  const checked = (
    schema: zod.ZodString,
    field: string,
    problem: (value: string) => string | undefined,
  ) =>
    schema.superRefine((value, ctx) => {
      const reason = problem(value);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field}: ${shown(value)}: ${reason}`,
        });
    });
  const dnsLabel = (field: string) =>
    text(field, 63, DNS_LABEL, DNS_LABEL_TEXT);
  const repoPath = (
    field: string,
    also?: (path: string) => string | undefined,
  ) => checked(text(field, 1024), field, p => repoPathProblem(p) ?? also?.(p));
  const gitRef = (field: string) =>
    text(field, 255, GIT_REF, 'a git branch name (git check-ref-format rules)');
  const imageTag = (field: string) =>
    text(field, 128, IMAGE_TAG, 'an image tag (letters, digits, _ . -)');
  const kind = (field: string) =>
    text(field, 63, KIND, 'a Kubernetes kind such as ClusterSecretStore');

  const fields = {
    appName: dnsLabel('appName').describe(
      'App name; names the Schedule file and, by default, the Schedule (<appName>-daily)',
    ),
    namespace: dnsLabel('namespace').describe(
      'Namespace of the app to back up',
    ),
    labelSelector: checked(
      text('labelSelector', 1024),
      'labelSelector',
      selectorProblem,
    ).describe(
      "Label selector of the app's resources, e.g. app.kubernetes.io/name=odoo; key=value terms become matchLabels, in/notin/key/!key become matchExpressions (default app.kubernetes.io/name=<appName>)",
    ),
    schedule: checked(
      text(
        'schedule',
        128,
        CRON,
        'five cron fields or a descriptor such as @daily, after an optional CRON_TZ=<zone>',
      ),
      'schedule',
      scheduleProblem,
    ).describe(
      'Velero cron as robfig/cron v3 reads it: five fields, names, ?, @daily or @every 6h, optional CRON_TZ= prefix (default 0 3 * * *)',
    ),
    ttl: checked(
      text(
        'ttl',
        64,
        GO_DURATION,
        'a Go duration such as 168h or 72h30m (units h, m, s, ms, us, ns; no d, no sign)',
      ),
      'ttl',
      ttlProblem,
    ).describe(
      'Retention as a Go duration such as 168h or 72h30m; no d unit (default 168h)',
    ),
    scheduleName: dnsLabel('scheduleName').describe(
      'Schedule name (default <appName>-daily)',
    ),
    includedResources: z
      .array(
        text(
          'includedResources',
          253,
          RESOURCE,
          'resource names such as deployments or deployments.apps, or *',
        ),
      )
      .min(1, 'includedResources: must not be empty')
      .max(64, 'includedResources: must list at most 64 resources')
      .describe("Resources to back up (default: the seed's list)"),
    veleroNamespace: dnsLabel('veleroNamespace').describe(
      'Namespace Velero runs in (default velero)',
    ),
    storageLocation: dnsLabel('storageLocation').describe(
      'BackupStorageLocation name (default gcs)',
    ),
    bucket: text(
      'bucket',
      222,
      BUCKET,
      'a bucket name (lowercase letters, digits, . _ -)',
    ).describe('Bucket of the BackupStorageLocation'),
    provider: dnsLabel('provider').describe(
      'Object storage provider (default gcp)',
    ),
    snapshotLocation: dnsLabel('snapshotLocation').describe(
      'VolumeSnapshotLocation name (default csi-ceph-blockpool)',
    ),
    snapshotProvider: text(
      'snapshotProvider',
      253,
      QUALIFIED_NAME,
      'a provider name such as velero.io/csi',
    ).describe('VolumeSnapshotLocation provider (default velero.io/csi)'),
    secretStoreKind: kind('secretStoreKind').describe(
      'Kind of the External Secrets store (default ClusterSecretStore)',
    ),
    secretStoreName: text(
      'secretStoreName',
      253,
      DNS_SUBDOMAIN,
      'a DNS-1123 subdomain',
    ).describe('Name of the External Secrets store (default onepassword)'),
    secretKey: text(
      'secretKey',
      253,
      DNS_SUBDOMAIN,
      'a DNS-1123 subdomain (it names a Secret)',
    ).describe(
      "Item key of Velero's credentials, also the Secret name (default velero-gcs)",
    ),
    veleroVersion: imageTag('veleroVersion').describe(
      'Velero image tag (default v1.15.0)',
    ),
    gcpPluginVersion: imageTag('gcpPluginVersion').describe(
      'Object storage plugin image tag (default v1.11.0)',
    ),
    chartVersion: imageTag('chartVersion').describe(
      'Velero Helm chart version (default 8.2.0)',
    ),
    chartUrl: text(
      'chartUrl',
      1024,
      OCI_URL,
      'an oci:// URL of the chart',
    ).describe('OCI URL of the Velero chart'),
    basePath: repoPath('basePath').describe(
      'GitOps base path (default kubernetes/apps/base)',
    ),
    overlayKustomization: repoPath(
      'overlayKustomization',
      kustomizationFileProblem,
    ).describe(
      'Overlay kustomization.yaml to wire (default kubernetes/apps/overlays/cluster-00/kustomization.yaml)',
    ),
    fluxSourceKind: kind('fluxSourceKind').describe(
      'Kind of the Flux source (default GitRepository)',
    ),
    fluxSourceName: dnsLabel('fluxSourceName').describe(
      'Flux GitRepository the Kustomizations read (default flux-system)',
    ),
    fluxSourceRoot: repoPath('fluxSourceRoot').describe(
      "Path of the Flux source's root in the repository; Kustomization paths are relative to it (default .)",
    ),
    fluxDependsOn: z
      .array(
        text('fluxDependsOn', 253, DNS_SUBDOMAIN, 'Flux Kustomization names'),
      )
      .max(32, 'fluxDependsOn: must list at most 32 names')
      .describe('Flux Kustomizations Velero waits for'),
    cnpgCluster: dnsLabel('cnpgCluster')
      .describe(
        "The app's CNPG Cluster, to label through spec.inheritedMetadata",
      )
      .optional(),
    hookContainer: dnsLabel('hookContainer').describe(
      'Container that runs the backup hooks (default appName)',
    ),
    hookVolumes: text(
      'hookVolumes',
      1024,
      VOLUME_LIST,
      'volume names separated by commas',
    ).describe('Pod volumes the hooks back up (default filestore)'),
    appPath: repoPath('appPath').describe(
      "The app's kustomization directory, where labels and hooks are patched in (default <basePath>/<namespace>/<appName>/app, the seed's layout); without a kustomization there they only go to the pull request body",
    ),
    branchName: gitRef('branchName').describe(
      'Branch of the pull request (default backups/velero-<appName>)',
    ),
    targetBranchName: gitRef('targetBranchName')
      .describe('Branch the pull request targets; checked as a git ref')
      .optional(),
  };

  const options = z
    .object(fields)
    .strict()
    .superRefine((o, ctx) => {
      const reason = bucketProblem(o.bucket, o.provider);
      if (reason)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['bucket'],
          message: `bucket: ${shown(o.bucket)}: ${reason}`,
        });
    });
  const input = z
    .object(fields)
    // Set in config only.
    .omit({
      chartUrl: true,
      fluxSourceKind: true,
      fluxDependsOn: true,
      hookVolumes: true,
    })
    .partial()
    .required({ appName: true, namespace: true })
    .extend({
      overwrite: z
        .boolean()
        .describe('Replace generated files that exist with different content')
        .optional(),
      lintOnly: z
        .boolean()
        .describe('Only lint the existing GitOps tree; write nothing')
        .optional(),
    })
    .strict();
  return { input, options };
}

export type VeleroSchemas = ReturnType<typeof veleroSchemas>;

/** Everything the generator needs, after defaults from config and the seed are applied. */
export type VeleroBackupOptions = zod.infer<VeleroSchemas['options']>;

/** The action's input: the options as given, and the run's flags. */
export type VeleroGenerateInput = zod.infer<VeleroSchemas['input']>;
