/**
 * gobwas/glob without separators, as Velero's IncludesExcludes matches
 * namespaces and resources (util/collections/includes_excludes.go): `*` any
 * run of characters, `?` one character, `[abc]`, `[a-z]` and `[!abc]` one of
 * (or none of) a set, `{a,b}` one of the alternatives; anything else literal.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let alternatives = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) {
        source += '\\[';
        continue;
      }
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      const set = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
      source += `[${negated ? '^' : ''}${set}]`;
      i = end;
    } else if (c === '{') {
      alternatives++;
      source += '(?:';
    } else if (c === '}' && alternatives > 0) {
      alternatives--;
      source += ')';
    } else if (c === ',' && alternatives > 0) source += '|';
    else source += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(alternatives)}$`);
}

export function globMatches(pattern: string, value: string): boolean {
  try {
    return globToRegExp(pattern).test(value);
  } catch {
    return pattern === value;
  }
}

/**
 * IncludesExcludes.ShouldInclude: an exclude match wins; an empty include
 * list, or one holding `*`, includes everything.
 */
export function includedBy(
  includes: string[] | undefined,
  excludes: string[] | undefined,
  value: string,
): boolean {
  if ((excludes ?? []).some(p => globMatches(p, value))) return false;
  const list = includes ?? [];
  return (
    list.length === 0 ||
    list.includes('*') ||
    list.some(p => globMatches(p, value))
  );
}

/** collections.ValidateIncludesExcludes, with Velero's messages. */
export function includesExcludesErrors(
  includes: string[] | undefined,
  excludes: string[] | undefined,
): string[] {
  const inc = new Set(includes ?? []);
  const exc = [...new Set(excludes ?? [])].sort();
  const errors: string[] = [];
  if (inc.size > 1 && inc.has('*'))
    errors.push(
      "includes list must either contain '*' only, or a non-empty list of items",
    );
  if (exc.includes('*')) errors.push("excludes list cannot contain '*'");
  for (const item of exc)
    if (inc.has(item))
      errors.push(
        `excludes list cannot contain an item in the includes list: ${item}`,
      );
  return errors;
}
