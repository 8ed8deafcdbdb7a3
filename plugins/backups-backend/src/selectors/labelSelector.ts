/** A Kubernetes LabelSelector object, as in a Velero Schedule's template. */
export type LabelSelectorObject = {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
};

/** Renders a LabelSelector object as the string form used in URLs and annotations. */
export function formatLabelSelector(
  selector: LabelSelectorObject | undefined,
): string | undefined {
  if (!selector) return undefined;
  const terms = [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector.matchExpressions ?? []).map(e => {
      switch (e.operator) {
        case 'In':
          return `${e.key} in (${(e.values ?? []).join(',')})`;
        case 'NotIn':
          return `${e.key} notin (${(e.values ?? []).join(',')})`;
        case 'Exists':
          return e.key;
        default:
          return `!${e.key}`;
      }
    }),
  ];
  return terms.length ? terms.join(',') : undefined;
}

function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += char;
  }
  terms.push(current.trim());
  return terms.filter(Boolean);
}

/** Whether labels satisfy a selector string (equality and set-based terms). */
export function matchesLabelSelector(
  selector: string | undefined,
  labels: Record<string, string> = {},
): boolean {
  if (!selector) return true;
  return splitTerms(selector).every(term => {
    let m = term.match(/^(\S+?)\s*(==|=|!=)\s*(\S*)$/);
    if (m) return m[2] === '!=' ? labels[m[1]] !== m[3] : labels[m[1]] === m[3];
    m = term.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (m) {
      const values = m[3].split(',').map(v => v.trim());
      const has = m[1] in labels && values.includes(labels[m[1]]);
      return m[2] === 'in' ? has : !has;
    }
    return term.startsWith('!') ? !(term.slice(1) in labels) : term in labels;
  });
}
