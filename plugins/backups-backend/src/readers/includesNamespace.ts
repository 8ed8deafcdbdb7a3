import picomatch from 'picomatch';

const matchers = new Map<string, (value: string) => boolean>();

/** gobwas/glob's `*`, `?` and `[...]`, as Velero matches namespace names. */
export function globMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!/[*?[]/.test(pattern)) return pattern === value;
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, nobrace: true, noextglob: true });
    matchers.set(pattern, matcher);
  }
  return matcher(value);
}

/**
 * Whether a Velero backup spec (a Schedule's `spec.template`, or a Backup's
 * own `spec`) includes a namespace, as Velero's IncludesExcludes decides it:
 * an exclude match wins, and an empty include list or `*` means all.
 * Velero before 1.18 does not expand other include patterns; the verdict
 * says so separately (see `globIncludes`).
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

/** Include patterns other than `*` that need glob expansion. */
export function globIncludes(spec: {
  includedNamespaces?: string[];
}): string[] {
  return (spec?.includedNamespaces ?? []).filter(
    p => p !== '*' && /[*?[]/.test(p),
  );
}
