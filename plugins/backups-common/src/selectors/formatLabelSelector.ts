import { LabelRequirement, LabelSelector } from './LabelSelector';

/** One requirement in the string form: `a=b`, `a!=b`, `a in (b,c)`, `!a`. */
export function formatRequirement(r: LabelRequirement): string {
  switch (r.operator) {
    case 'In':
      return r.values.length === 1
        ? `${r.key}=${r.values[0]}`
        : `${r.key} in (${r.values.join(',')})`;
    case 'NotIn':
      return r.values.length === 1
        ? `${r.key}!=${r.values[0]}`
        : `${r.key} notin (${r.values.join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
    case 'Gt':
      return `${r.key}>${r.values[0]}`;
    default:
      return `${r.key}<${r.values[0]}`;
  }
}

/** The string form used in URLs, annotations and the tab; undefined when it selects everything. */
export function formatLabelSelector(
  selector: LabelSelector | undefined,
): string | undefined {
  if (!selector || selector.requirements.length === 0) return undefined;
  return selector.requirements.map(formatRequirement).join(',');
}
