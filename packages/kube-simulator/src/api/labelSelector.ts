/** One requirement of a label selector, as the API server understands it. */
export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Splits on commas that are not inside a set, e.g. `a in (x,y),b`. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.map(t => t.trim()).filter(t => t.length > 0);
}

function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error(`invalid label key "${key}"`);
  return key;
}

function checkValue(value: string) {
  if (!VALUE.test(value)) throw new Error(`invalid label value: "${value}"`);
  return value;
}

/** Parses equality-based and set-based selectors; throws on bad syntax. */
export function parseLabelSelector(selector: string): Requirement[] {
  return splitTerms(selector).map(term => {
    let m = term.match(/^(\S+?)\s*(==|=|!=)\s*(\S*)$/);
    if (m) {
      return {
        key: checkKey(m[1]),
        op: m[2] === '!=' ? 'neq' : 'eq',
        value: checkValue(m[3]),
      };
    }
    m = term.match(/^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/);
    if (m) {
      const values = m[3]
        .split(',')
        .map(v => v.trim())
        .filter(Boolean)
        .map(checkValue);
      if (values.length === 0) throw new Error(`empty set in "${term}"`);
      return { key: checkKey(m[1]), op: m[2] as 'in' | 'notin', values };
    }
    m = term.match(/^(!?)(\S+)$/);
    if (m) {
      return { key: checkKey(m[2]), op: m[1] ? 'notexists' : 'exists' };
    }
    throw new Error(`unable to parse requirement: "${term}"`);
  });
}

export function matchesLabels(
  requirements: Requirement[],
  labels: Record<string, string> = {},
): boolean {
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.op) {
      case 'eq':
        return has && value === r.value;
      case 'neq':
        return !has || value !== r.value;
      case 'in':
        return has && r.values.includes(value);
      case 'notin':
        return !has || !r.values.includes(value);
      case 'exists':
        return has;
      default:
        return !has;
    }
  });
}
