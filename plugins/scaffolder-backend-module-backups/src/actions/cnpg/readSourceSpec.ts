import { parseAllDocuments } from 'yaml';
import { cnpgInputError } from './cnpgInputError';
import { listYaml } from '../../workspace/listYaml';

/** What a recovery keeps of the source's spec: its volumes and its PostgreSQL image. */
const KEPT = ['storage', 'walStorage', 'imageName', 'imageCatalogRef'];

/**
 * The kept fields of the source Cluster's spec, from its manifest below `dir`
 * in the GitOps checkout; empty when no manifest there names it.
 */
export async function readSourceSpec(
  workspace: string,
  dir: string,
  source: { name: string; namespace: string },
): Promise<Record<string, unknown>> {
  for (const file of await listYaml(workspace, dir)) {
    for (const doc of parseAllDocuments(file.content)) {
      if (doc.errors.length) continue;
      const m = doc.toJS();
      if (
        m?.apiVersion === 'postgresql.cnpg.io/v1' &&
        m.kind === 'Cluster' &&
        m.metadata?.name === source.name &&
        [undefined, source.namespace].includes(m.metadata?.namespace)
      )
        return Object.fromEntries(
          KEPT.filter(key => m.spec?.[key] !== undefined).map(key => [
            key,
            m.spec[key],
          ]),
        );
    }
  }
  return {};
}

/**
 * The source's kept fields with the storage size given, if any. CNPG refuses a
 * Cluster without a storage size, and a guessed one could be too small for
 * the data, so one of the two must say it.
 */
export async function recoverySpec(
  workspace: string,
  dir: string,
  source: { name: string; namespace: string },
  storageSize: string | undefined,
): Promise<Record<string, unknown>> {
  const kept = await readSourceSpec(workspace, dir, source);
  const storage = (kept.storage ?? {}) as Record<string, unknown>;
  if (storageSize)
    return { ...kept, storage: { ...storage, size: storageSize } };
  if (storage.size || storage.pvcTemplate) return kept;
  throw cnpgInputError([
    `storageSize: no manifest below ${dir} gives the storage of Cluster ${source.name}; give the size of each instance's volume`,
  ]);
}
