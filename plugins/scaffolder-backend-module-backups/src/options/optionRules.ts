import {
  kustomizationFileProblem,
  repoPathProblem,
  scheduleProblem,
  selectorProblem,
  ttlProblem,
} from './optionProblems';

// The rules of veleroOptionsSchema's string options. Each regex's source is also
// the `pattern` of the template's form field that fills the option.

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(?:\\.${LABEL})*`;
/** `git check-ref-format --branch`: no `..`, `@{`, `//`, control character, space or `~^:?*[\`; no leading `-`, `/` or `.`; no trailing `/` or `.`; no component ending in `.lock`. */
const GIT_REF =
  // eslint-disable-next-line no-control-regex
  /^(?!-|HEAD$|@$|\/|.*\/$|.*\/\/|.*\.$|.*\.\.|.*@\{|(?:.*\/)?\.|.*\.lock(?:\/|$))[^\x00-\x20\x7f~^:?*[\\]+$/;

/** How a string option is checked: a bound, a shape (regex) and a meaning (a parser). */
export type Rule = {
  max: number;
  pattern?: RegExp;
  what?: string;
  problem?: (value: string) => string | undefined;
};

const label: Rule = {
  max: 63,
  pattern: new RegExp(`^${LABEL}$`),
  what: "a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)",
};
export const subdomain: Rule = {
  max: 253,
  pattern: new RegExp(`^${SUBDOMAIN}$`),
  what: 'a DNS-1123 subdomain',
};
const kind: Rule = {
  max: 63,
  pattern: /^[A-Z][A-Za-z0-9]*$/,
  what: 'a Kubernetes kind such as ClusterSecretStore',
};
const imageTag: Rule = {
  max: 128,
  pattern: /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/,
  what: 'an image tag (letters, digits, _ . -)',
};
const repoPath: Rule = { max: 1024, problem: repoPathProblem };
const gitRef: Rule = {
  max: 255,
  pattern: GIT_REF,
  what: 'a git branch name (git check-ref-format rules)',
};

/** A resource of `includedResources`. */
export const resource: Rule = {
  max: 253,
  pattern: new RegExp(`^(?:\\*|${SUBDOMAIN})$`),
  what: 'resource names such as deployments or deployments.apps, or *',
};

/** Every string option: its rule and its description. */
export const STRINGS = {
  appName: [
    label,
    'App name; names the Schedule file and, by default, the Schedule (<appName>-daily)',
  ],
  namespace: [label, 'Namespace of the app to back up'],
  labelSelector: [
    { max: 1024, problem: selectorProblem },
    "Label selector of the app's resources, e.g. app.kubernetes.io/name=odoo; key=value terms become matchLabels, in/notin/key/!key become matchExpressions (default app.kubernetes.io/name=<appName>)",
  ],
  schedule: [
    {
      max: 128,
      pattern: /^(?:(?:CRON_TZ|TZ)=\S+ +)?(?:@\S+(?: +\S+)?|\S+(?: +\S+){4})$/,
      what: 'five cron fields or a descriptor such as @daily, after an optional CRON_TZ=<zone>',
      problem: scheduleProblem,
    },
    'Velero cron as robfig/cron v3 reads it: five fields, names, ?, @daily or @every 6h, optional CRON_TZ= prefix (default 0 3 * * *)',
  ],
  ttl: [
    {
      max: 64,
      pattern:
        /^(?:0|(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|ms|s|m|h))+)$/,
      what: 'a Go duration such as 168h or 72h30m (units h, m, s, ms, us, ns; no d, no sign)',
      problem: ttlProblem,
    },
    'Retention as a Go duration such as 168h or 72h30m; no d unit (default 168h)',
  ],
  scheduleName: [label, 'Schedule name (default <appName>-daily)'],
  veleroNamespace: [label, 'Namespace Velero runs in (default velero)'],
  storageLocation: [label, 'BackupStorageLocation name (default gcs)'],
  bucket: [
    {
      max: 222,
      pattern: /^[a-z0-9][a-z0-9._-]*[a-z0-9]$/,
      what: 'a bucket name (lowercase letters, digits, . _ -)',
    },
    'Bucket of the BackupStorageLocation',
  ],
  provider: [label, 'Object storage provider (default gcp)'],
  snapshotLocation: [
    label,
    'VolumeSnapshotLocation name (default csi-ceph-blockpool)',
  ],
  snapshotProvider: [
    {
      max: 253,
      pattern: new RegExp(`^(?:${SUBDOMAIN}/)?${LABEL}$`),
      what: 'a provider name such as velero.io/csi',
    },
    'VolumeSnapshotLocation provider (default velero.io/csi)',
  ],
  secretStoreKind: [
    kind,
    'Kind of the External Secrets store (default ClusterSecretStore)',
  ],
  secretStoreName: [
    subdomain,
    'Name of the External Secrets store (default onepassword)',
  ],
  secretKey: [
    subdomain,
    "Item key of Velero's credentials, also the Secret name (default velero-gcs)",
  ],
  veleroVersion: [imageTag, 'Velero image tag (default v1.15.0)'],
  gcpPluginVersion: [
    imageTag,
    'Object storage plugin image tag (default v1.11.0)',
  ],
  chartVersion: [imageTag, 'Velero Helm chart version (default 8.2.0)'],
  chartUrl: [
    {
      max: 1024,
      pattern: /^oci:\/\/[a-z0-9.-]+(?::[0-9]+)?(?:\/[a-z0-9._-]+)+$/,
      what: 'an oci:// URL of the chart',
    },
    'OCI URL of the Velero chart',
  ],
  basePath: [repoPath, 'GitOps base path (default kubernetes/apps/base)'],
  overlayKustomization: [
    {
      max: 1024,
      problem: p => repoPathProblem(p) ?? kustomizationFileProblem(p),
    },
    'Overlay kustomization.yaml to wire (default kubernetes/apps/overlays/cluster-00/kustomization.yaml)',
  ],
  fluxSourceKind: [kind, 'Kind of the Flux source (default GitRepository)'],
  fluxSourceName: [
    label,
    'Flux GitRepository the Kustomizations read (default flux-system)',
  ],
  fluxSourceRoot: [
    repoPath,
    "Path of the Flux source's root in the repository; Kustomization paths are relative to it (default .)",
  ],
  cnpgCluster: [
    label,
    "The app's CNPG Cluster, to label through spec.inheritedMetadata",
  ],
  hookContainer: [
    label,
    'Container that runs the backup hooks (default appName)',
  ],
  hookVolumes: [
    {
      max: 1024,
      pattern: new RegExp(`^${LABEL}(?:,${LABEL})*$`),
      what: 'volume names separated by commas',
    },
    'Pod volumes the hooks back up (default filestore)',
  ],
  appPath: [
    repoPath,
    "The app's kustomization directory, where labels and hooks are patched in (default <basePath>/<namespace>/<appName>/app, the seed's layout); without a kustomization there they only go to the pull request body",
  ],
  branchName: [
    gitRef,
    'Branch of the pull request (default backups/velero-<appName>)',
  ],
  targetBranchName: [
    gitRef,
    'Branch the pull request targets; checked as a git ref',
  ],
} satisfies Record<string, [Rule, string]>;
