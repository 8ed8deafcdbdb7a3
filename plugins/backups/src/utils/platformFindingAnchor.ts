/**
 * The element id of a platform finding, which the tiers' copies link to:
 * `platform-finding-<id>` with everything but letters, digits, `-` and `_`
 * replaced, prefixed with the cluster when the tab shows several.
 */
export function platformFindingAnchor(id: string, cluster?: string): string {
  const key = cluster ? `${cluster}-${id}` : id;
  return `platform-finding-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
