import { createHash } from 'node:crypto';
import {
  labelSelectorFromObject,
  matchesLabelSelector,
} from '@internal/plugin-backups-common';
import { mergePatch } from '../api/patch';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { ResourceType } from '../api/resourceTypes';
import { generatedSuffix } from '../scenarios/fixtures/meta';
import { isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { listIncludes } from './planVeleroBackup';
import { BackupArchive, resourceKey } from './veleroBackupArchive';
import { includedBy } from './veleroGlob';
import { addResult, logLine, LogLevel, resultCount } from './veleroLog';
import { RestoreArchive } from './VeleroObjectStorage';
import {
  applyResourceModifiers,
  ResourceModifiers,
} from './veleroResourceModifiers';

export const BACKUP_NAME_LABEL = 'velero.io/backup-name';
export const RESTORE_NAME_LABEL = 'velero.io/restore-name';
const VOLUME_SNAPSHOT_NAME = 'velero.io/volume-snapshot-name';
const SNAPSHOT_API = 'snapshot.storage.k8s.io/v1';

/**
 * Velero's default restore order (restore priorities, cmd/server/server.go);
 * the other resources follow in alphabetical order.
 */
const PRIORITIES = [
  'customresourcedefinitions',
  'namespaces',
  'storageclasses',
  'volumesnapshotclass.snapshot.storage.k8s.io',
  'volumesnapshotcontents.snapshot.storage.k8s.io',
  'volumesnapshots.snapshot.storage.k8s.io',
  'datauploads.velero.io',
  'persistentvolumes',
  'persistentvolumeclaims',
  'serviceaccounts',
  'secrets',
  'configmaps',
  'limitranges',
  'pods',
  'replicasets.apps',
  'clusterclasses.cluster.x-k8s.io',
  'endpoints',
  'services',
];

/** Metadata the restore drops before creating an object (restore.go resetMetadata). */
const RESET_METADATA = [
  'generateName',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'managedFields',
];

/** Annotations the CSI PVC restore action removes (restore/actions/csi/pvc_action.go). */
const PVC_BINDING_ANNOTATIONS = [
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'volume.kubernetes.io/storage-provisioner',
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/selected-node',
  VOLUME_SNAPSHOT_NAME,
];

export type ItemAction = 'created' | 'updated' | 'skipped' | 'failed';

/**
 * label.GetValidName: a name of up to 63 characters as it is, a longer one
 * cut to 57 and followed by the first 6 hex digits of its sha256.
 */
export function validLabelValue(name: string): string {
  if (name.length <= 63) return name;
  return `${name.slice(0, 57)}${createHash('sha256')
    .update(name)
    .digest('hex')
    .slice(0, 6)}`;
}

type Step = {
  type: ResourceType;
  /** `plural.group`, or `plural` for the core group. */
  resource: string;
  item: KubeObject;
  /** Where it goes; undefined for cluster-scoped items. */
  targetNamespace?: string;
};

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

function groupResourceOf(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** JSON with sorted keys, for equality as equality.Semantic.DeepEqual sees it. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, v[k]]),
        )
      : v,
  );
}

/** An RFC 7386 merge patch that turns `from` into `to` (Velero's generatePatch). */
function createMergePatch(from: any, to: any): any {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(from ?? {}))
    if (!(key in (to ?? {}))) patch[key] = null;
  for (const [key, value] of Object.entries(to ?? {})) {
    const before = from?.[key];
    if (canonical(before) === canonical(value)) continue;
    const bothObjects =
      value &&
      before &&
      typeof value === 'object' &&
      typeof before === 'object' &&
      !Array.isArray(value) &&
      !Array.isArray(before);
    patch[key] = bothObjects ? createMergePatch(before, value) : value;
  }
  return patch;
}

/** resetMetadataAndStatus: what the restore compares and creates. */
function resetForRestore(o: KubeObject): KubeObject {
  const copy = clone(o);
  for (const field of RESET_METADATA) delete copy.metadata[field];
  delete copy.status;
  return copy;
}

/**
 * The API server's answer to a patch that changes immutable fields of a
 * Pod or a PVC, the only kinds a restore meets for which it matters.
 */
function immutableChange(
  kind: string,
  name: string,
  before: KubeObject,
  after: KubeObject,
): string | undefined {
  if (kind === 'Pod') {
    const strip = (spec: any) => ({
      ...spec,
      containers: (spec?.containers ?? []).map((c: any) => ({
        ...c,
        image: undefined,
      })),
    });
    if (canonical(strip(before.spec)) !== canonical(strip(after.spec)))
      return `Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`;
  }
  if (kind === 'PersistentVolumeClaim') {
    const strip = (spec: any) => ({ ...spec, resources: undefined });
    if (canonical(strip(before.spec)) !== canonical(strip(after.spec)))
      return `PersistentVolumeClaim "${name}" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims`;
  }
  return undefined;
}

/**
 * One Velero restore (velero pkg/restore/restore.go, as of 1.15): the
 * backup's items in restore order, filtered by the Restore's namespaces,
 * resources, label selector and includeClusterResources; each one
 * created in its target namespace with Velero's labels, or compared with
 * the object already there and skipped, warned about (`none`) or patched
 * (`update`). The controller runs the steps over a few ticks.
 */
export class VeleroRestoreRun {
  readonly steps: Step[];
  readonly #restore: KubeObject;
  readonly #backup: KubeObject;
  readonly #store: ObjectStore;
  readonly #registry: ResourceRegistry;
  readonly #now: () => Date;
  readonly #podVolumeBackups: KubeObject[];
  readonly #modifiers?: ResourceModifiers;
  readonly #restored = new Map<string, ItemAction>();
  readonly #namespaces = new Set<string>();
  readonly #resourcesLogged = new Set<string>();
  readonly #warnings = {} as RestoreArchive['results']['warnings'];
  readonly #errors = {} as RestoreArchive['results']['errors'];
  readonly #log: string[] = [];
  /** PVCs created Pending, for the provisioner to bind. */
  readonly createdClaims: Array<{ namespace: string; name: string }> = [];
  #processed = 0;

  constructor(options: {
    restore: KubeObject;
    backup: KubeObject;
    archive: BackupArchive;
    store: ObjectStore;
    registry: ResourceRegistry;
    now: () => Date;
    podVolumeBackups: KubeObject[];
    modifiers?: ResourceModifiers;
  }) {
    this.#restore = options.restore;
    this.#backup = options.backup;
    this.#store = options.store;
    this.#registry = options.registry;
    this.#now = options.now;
    this.#podVolumeBackups = options.podVolumeBackups;
    this.#modifiers = options.modifiers;
    this.steps = this.#select(options.archive.items);
    this.#line(
      'info',
      'starting restore',
      'pkg/controller/restore_controller.go:568',
    );
  }

  get #spec() {
    return this.#restore.spec ?? {};
  }

  #line(
    level: LogLevel,
    msg: string,
    source: string,
    fields: Record<string, string | number | undefined> = {},
  ) {
    this.#log.push(
      logLine(isoSeconds(this.#now()), level, msg, {
        logSource: source,
        restore: `${this.#restore.metadata.namespace}/${
          this.#restore.metadata.name
        }`,
        ...fields,
      }),
    );
  }

  /** addRestoreLabels: the labels every restored object carries. */
  #labels() {
    return {
      [BACKUP_NAME_LABEL]: validLabelValue(this.#backup.metadata.name),
      [RESTORE_NAME_LABEL]: validLabelValue(this.#restore.metadata.name),
    };
  }

  #target(namespace: string): string {
    return this.#spec.namespaceMapping?.[namespace] ?? namespace;
  }

  /** getOrderedResourceCollection and the per-item checks before restoreItem. */
  #select(items: KubeObject[]): Step[] {
    const spec = this.#spec;
    const namespaceFilter = (ns: string) =>
      includedBy(spec.includedNamespaces, spec.excludedNamespaces, ns);
    const resourceIncluded = (type: ResourceType) =>
      (!spec.includedResources?.length ||
        spec.includedResources.includes('*') ||
        listIncludes(spec.includedResources, type)) &&
      !listIncludes(spec.excludedResources, type);
    const everyNamespace =
      !spec.includedNamespaces?.length ||
      (spec.includedNamespaces.length === 1 &&
        spec.includedNamespaces[0] === '*');
    const clusterScoped =
      spec.includeClusterResources === true ||
      (spec.includeClusterResources === undefined &&
        everyNamespace &&
        !spec.excludedNamespaces?.length);
    const selectors = [
      ...(spec.labelSelector ? [spec.labelSelector] : []),
      ...(spec.orLabelSelectors ?? []),
    ].map(s => labelSelectorFromObject(s));
    const selected = (o: KubeObject) =>
      selectors.length === 0 ||
      selectors.some(s => matchesLabelSelector(s, o.metadata.labels));
    const steps: Step[] = [];
    for (const item of items) {
      const type = this.#registry.byKind(item.apiVersion, item.kind);
      if (!type || !resourceIncluded(type)) continue;
      const resource = groupResourceOf(type);
      if (item.kind === 'Namespace') {
        if (namespaceFilter(item.metadata.name))
          steps.push({ type, resource, item });
        continue;
      }
      if (!type.namespaced) {
        // PVs come back by dynamic provisioning (from their snapshot or
        // for a pod volume restore), snapshot contents by the VolumeSnapshot action.
        if (
          !clusterScoped ||
          item.kind === 'PersistentVolume' ||
          item.kind === 'VolumeSnapshotContent' ||
          !selected(item)
        )
          continue;
        steps.push({ type, resource, item });
        continue;
      }
      const ns = item.metadata.namespace ?? '';
      if (!namespaceFilter(ns) || !selected(item)) continue;
      steps.push({ type, resource, item, targetNamespace: this.#target(ns) });
    }
    const rank = (r: string) => {
      const i = PRIORITIES.indexOf(r);
      return i < 0 ? PRIORITIES.length : i;
    };
    return steps.sort(
      (a, b) =>
        rank(a.resource) - rank(b.resource) ||
        (rank(a.resource) === PRIORITIES.length
          ? a.resource.localeCompare(b.resource)
          : 0),
    );
  }

  get totalItems(): number {
    return Math.max(
      this.#restored.size + this.steps.length - this.#processed,
      0,
    );
  }

  get itemsRestored(): number {
    return this.#restored.size;
  }

  get done(): boolean {
    return this.#processed >= this.steps.length;
  }

  /** Restores the next `count` steps. */
  run(count: number) {
    const end = Math.min(this.steps.length, this.#processed + count);
    for (; this.#processed < end; this.#processed++) {
      const step = this.steps[this.#processed];
      if (step.item.kind === 'Namespace') {
        this.#ensureNamespace(this.#target(step.item.metadata.name), step.item);
        continue;
      }
      if (step.targetNamespace) this.#ensureNamespace(step.targetNamespace);
      this.#restoreItem(step);
      this.#line(
        'info',
        `Restored ${this.#restored.size} items out of an estimated total of ${
          this.totalItems
        } (estimate will change throughout the restore)`,
        'pkg/restore/restore.go:779',
        {
          name: step.item.metadata.name,
          namespace: step.targetNamespace ?? '',
          progress: '',
          resource: step.resource,
        },
      );
    }
  }

  /**
   * EnsureNamespaceExistsAndIsReady with the backed-up Namespace's labels
   * and annotations, or a bare one; a created Namespace counts as restored.
   */
  #ensureNamespace(name: string, backedUp?: KubeObject) {
    if (this.#namespaces.has(name)) return;
    this.#namespaces.add(name);
    if (this.#store.get('v1', 'Namespace', undefined, name)) return;
    this.#store.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        labels: {
          ...backedUp?.metadata.labels,
          'kubernetes.io/metadata.name': name,
        },
        ...(backedUp?.metadata.annotations
          ? { annotations: backedUp.metadata.annotations }
          : {}),
      },
      spec: backedUp?.spec ?? { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    this.#restored.set(`v1/Namespace||${name}`, 'created');
    this.#line(
      'info',
      `Created namespace ${name}`,
      'pkg/util/kube/utils.go:120',
      {
        namespace: name,
      },
    );
  }

  /** The restore item actions that change the object before it is created. */
  #applyActions(
    step: Step,
    obj: KubeObject,
    exists: boolean,
  ): KubeObject | 'skip' {
    const spec = this.#spec;
    const restorePVs = spec.restorePVs !== false;
    const namespace = step.targetNamespace;
    if (obj.kind === 'Pod') {
      delete obj.spec?.nodeName;
      delete obj.spec?.priority;
      const volumes = this.#podVolumeBackups.filter(
        p =>
          p.spec?.pod?.name === obj.metadata.name &&
          p.spec?.pod?.namespace === step.item.metadata.namespace,
      );
      if (volumes.length > 0 && obj.spec) {
        obj.spec.initContainers = [
          {
            name: 'restore-wait',
            image: 'velero/velero:v1.15.0',
            command: ['/velero-restore-helper'],
            args: [this.#restore.metadata.uid ?? ''],
            volumeMounts: volumes.map(p => ({
              name: p.spec.volume,
              mountPath: `/restores/${p.spec.volume}`,
            })),
          },
          ...(obj.spec.initContainers ?? []),
        ];
      }
    }
    if (obj.kind === 'Service' && obj.spec) {
      if (obj.spec.clusterIP !== 'None') {
        delete obj.spec.clusterIP;
        delete obj.spec.clusterIPs;
      }
      for (const port of obj.spec.ports ?? []) delete port.nodePort;
    }
    if (obj.kind === 'PersistentVolumeClaim' && !exists) {
      const snapshot = obj.metadata.annotations?.[VOLUME_SNAPSHOT_NAME];
      for (const a of PVC_BINDING_ANNOTATIONS)
        delete obj.metadata.annotations?.[a];
      delete obj.spec.volumeName;
      delete obj.spec.dataSource;
      delete obj.spec.dataSourceRef;
      if (restorePVs && snapshot) {
        const source = {
          apiGroup: 'snapshot.storage.k8s.io',
          kind: 'VolumeSnapshot',
          name: snapshot,
        };
        obj.spec.dataSource = source;
        obj.spec.dataSourceRef = source;
      }
    }
    if (obj.kind === 'VolumeSnapshot') {
      if (!restorePVs) return 'skip';
      if (!exists) {
        const contentName = `${obj.metadata.name}-${generatedSuffix(
          `${this.#restore.metadata.uid}/${namespace}/${obj.metadata.name}`,
        )}`;
        this.#store.put({
          apiVersion: SNAPSHOT_API,
          kind: 'VolumeSnapshotContent',
          metadata: {
            name: contentName,
            generateName: `${obj.metadata.name}-`,
            labels: {
              [RESTORE_NAME_LABEL]: validLabelValue(
                this.#restore.metadata.name,
              ),
            },
          },
          spec: {
            deletionPolicy: 'Retain',
            driver: obj.metadata.annotations?.['velero.io/csi-driver-name'],
            volumeSnapshotRef: {
              apiVersion: SNAPSHOT_API,
              kind: 'VolumeSnapshot',
              namespace,
              name: obj.metadata.name,
            },
            source: {
              snapshotHandle:
                obj.metadata.annotations?.[
                  'velero.io/csi-volumesnapshot-handle'
                ],
            },
          },
        });
        obj.spec = {
          source: { volumeSnapshotContentName: contentName },
          volumeSnapshotClassName: obj.spec?.volumeSnapshotClassName,
        };
      }
    }
    return obj;
  }

  #restoreItem(step: Step) {
    const { item, targetNamespace: namespace, resource } = step;
    const name = item.metadata.name;
    const key = `${resourceKey(item)}|${namespace ?? ''}|${name}`;
    if (this.#restored.has(key)) return;
    const resourceLogKey = `${resource}|${namespace ?? ''}`;
    if (!this.#resourcesLogged.has(resourceLogKey)) {
      this.#resourcesLogged.add(resourceLogKey);
      this.#line(
        'info',
        namespace
          ? `Restoring resource '${resource}' into namespace '${namespace}'`
          : `Restoring cluster level resource '${resource}'`,
        'pkg/restore/restore.go:1257',
      );
    }
    const warnings: string[] = [];
    const errors: string[] = [];
    const finish = (action?: ItemAction) => {
      for (const w of warnings) {
        addResult(this.#warnings, namespace ?? '', w);
        this.#line('warning', w, 'pkg/restore/restore.go:1605', { namespace });
      }
      for (const e of errors) {
        addResult(this.#errors, namespace ?? '', e);
        this.#line('error', e, 'pkg/restore/restore.go:1720', { namespace });
      }
      this.#restored.set(
        key,
        action ?? (warnings.length || errors.length ? 'failed' : 'skipped'),
      );
    };
    if (
      item.kind === 'Pod' &&
      ['Succeeded', 'Failed'].includes(item.status?.phase)
    ) {
      this.#line(
        'info',
        `Not restoring pod because it's completed`,
        'pkg/restore/restore.go:1208',
        { namespace, name },
      );
      return;
    }
    const live = this.#store.get(item.apiVersion, item.kind, namespace, name);
    let obj = resetForRestore(item);
    if (namespace) obj.metadata.namespace = namespace;
    const acted = this.#applyActions(step, obj, live !== undefined);
    if (acted === 'skip') {
      finish('skipped');
      return;
    }
    obj = acted;
    if (this.#modifiers) {
      const modified = applyResourceModifiers(
        this.#modifiers,
        obj,
        resource,
        item.metadata.namespace,
      );
      obj = {
        ...modified.object,
        metadata: { ...modified.object.metadata, namespace },
      };
      errors.push(...modified.errors);
    }
    obj.metadata.labels = { ...obj.metadata.labels, ...this.#labels() };
    this.#line(
      'info',
      `Attempting to restore ${item.kind}: ${name}`,
      'pkg/restore/restore.go:1493',
      {
        namespace,
        name,
        resource,
      },
    );
    if (!live) {
      this.#store.put({ ...obj, ...this.#initialStatus(obj) });
      if (obj.kind === 'PersistentVolumeClaim' && namespace)
        this.createdClaims.push({ namespace, name });
      finish('created');
      return;
    }
    const fromCluster = resetForRestore(live);
    const withoutLabels = clone(fromCluster);
    fromCluster.metadata.labels = {
      ...fromCluster.metadata.labels,
      ...this.#labels(),
    };
    const policy = this.#spec.existingResourcePolicy;
    const patchLive = (patch: unknown) => {
      const next = mergePatch(live, patch) as KubeObject;
      const refused = immutableChange(item.kind, name, live, next);
      if (refused) return refused;
      this.#store.put(next);
      return undefined;
    };
    if (canonical(fromCluster) !== canonical(obj)) {
      if (policy === 'update') {
        const refused = patchLive(createMergePatch(withoutLabels, obj));
        if (!refused) {
          this.#line(
            'info',
            `${item.kind} ${namespace ?? ''}/${name} successfully updated`,
            'pkg/restore/restore.go:2429',
          );
          finish('updated');
          return;
        }
        warnings.push(refused);
        const labelsRefused = patchLive(
          createMergePatch(withoutLabels, fromCluster),
        );
        if (labelsRefused) errors.push(labelsRefused);
      } else {
        warnings.push(
          `could not restore, ${item.kind} "${name}" already exists. Warning: the in-cluster version is different than the backed-up version`,
        );
      }
      finish();
      return;
    }
    if (policy === 'update')
      patchLive(createMergePatch(withoutLabels, fromCluster));
    this.#line(
      'info',
      `Restore of ${item.kind}, ${name} skipped: it already exists in the cluster and is the same as the backed up version`,
      'pkg/restore/restore.go:1641',
      { namespace },
    );
    finish();
  }

  /** What the API server and the first controllers write on a new object. */
  #initialStatus(obj: KubeObject): Partial<KubeObject> {
    if (obj.kind === 'PersistentVolumeClaim')
      return { status: { phase: 'Pending' } };
    if (obj.kind === 'Pod')
      return { status: { phase: 'Pending', qosClass: 'Burstable' } };
    return {};
  }

  /** The counts and files runValidatedRestore ends with. */
  finish(): { warnings: number; errors: number; archive: RestoreArchive } {
    this.#line(
      'info',
      'restore completed',
      'pkg/controller/restore_controller.go:628',
    );
    const resourceList: Record<string, string[]> = {};
    for (const [key, action] of this.#restored) {
      const [resource, namespace, name] = key.split('|');
      (resourceList[resource] ??= []).push(
        `${namespace ? `${namespace}/` : ''}${name}(${action})`,
      );
    }
    for (const entries of Object.values(resourceList)) entries.sort();
    return {
      warnings: resultCount(this.#warnings),
      errors: resultCount(this.#errors),
      archive: {
        restoreName: this.#restore.metadata.name,
        log: [...this.#log],
        results: { errors: this.#errors, warnings: this.#warnings },
        resourceList,
      },
    };
  }
}
