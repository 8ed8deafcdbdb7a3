export type FieldRequirement = {
  field: string;
  op: 'eq' | 'neq';
  value: string;
};

const SUPPORTED = new Set(['metadata.name', 'metadata.namespace']);

/** Field selectors on metadata.name and metadata.namespace, as every kind supports. */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  return selector
    .split(',')
    .map(t => t.trim())
    .filter(Boolean)
    .map(term => {
      const m = term.match(/^([\w.]+)\s*(==|=|!=)\s*(.*)$/);
      if (!m) throw new Error(`invalid selector: '${term}'`);
      if (!SUPPORTED.has(m[1])) {
        throw new Error(`field label not supported: ${m[1]}`);
      }
      return { field: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] };
    });
}

export function matchesFields(
  requirements: FieldRequirement[],
  metadata: { name?: string; namespace?: string },
): boolean {
  return requirements.every(r => {
    const actual =
      (r.field === 'metadata.name' ? metadata.name : metadata.namespace) ?? '';
    return r.op === 'eq' ? actual === r.value : actual !== r.value;
  });
}
