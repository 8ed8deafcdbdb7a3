import type { ClusterSnapshot } from '../../snapshot/ClusterSnapshot';
import { coerce, SemVer } from 'semver';

/** The Velero server's version, from its image tag (velero/velero:v1.15.0); undefined if unknown. */
export function veleroVersion(snapshot: ClusterSnapshot): SemVer | undefined {
  const image = snapshot.velero?.server?.deployment?.image;
  const name = image?.split('@')[0] ?? '';
  const tag = name.slice(name.lastIndexOf(':') + 1);
  if (!name.includes(':') || tag.includes('/')) return undefined;
  return coerce(tag) ?? undefined;
}
