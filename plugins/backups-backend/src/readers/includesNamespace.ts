function globMatches(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const regex = pattern
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${regex}$`).test(value);
}

/**
 * Whether a Velero backup spec (a Schedule's `spec.template`, or a Backup's
 * `spec`) includes a namespace, as Velero decides it: an empty
 * `includedNamespaces` means all namespaces, entries are globs (`*`, `app-*`),
 * and `excludedNamespaces` wins. Velero 1.15 has no namespace label selector
 * (the Backup's `labelSelector` filters objects, not namespaces).
 */
export function includesNamespace(
  spec: { includedNamespaces?: string[]; excludedNamespaces?: string[] },
  namespace: string,
): boolean {
  const included = spec?.includedNamespaces ?? [];
  const excluded = spec?.excludedNamespaces ?? [];
  if (excluded.some(p => globMatches(p, namespace))) return false;
  return included.length === 0 || included.some(p => globMatches(p, namespace));
}
