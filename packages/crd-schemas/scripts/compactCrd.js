/* Shared by the derive script and the in-memory VolSync loader. */
const KEEP = new Set([
  'type',
  'properties',
  'items',
  'required',
  'enum',
  'additionalProperties',
  'nullable',
  'format',
  'anyOf',
  'oneOf',
  'allOf',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
]);

function compactSchema(node) {
  if (Array.isArray(node)) return node.map(compactSchema);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const key of Object.keys(node).sort()) {
    if (!KEEP.has(key)) continue;
    const value = node[key];
    if (key === 'properties') {
      out.properties = {};
      for (const name of Object.keys(value).sort())
        out.properties[name] = compactSchema(value[name]);
    } else if (
      ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf'].includes(key)
    ) {
      out[key] = compactSchema(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function compactCrd(crd) {
  const { group, names, scope, versions } = crd.spec;
  return {
    group,
    kind: names.kind,
    plural: names.plural,
    singular: names.singular,
    scope,
    ...(names.shortNames ? { shortNames: names.shortNames } : {}),
    versions: versions.map(v => ({
      name: v.name,
      served: v.served,
      storage: v.storage,
      ...(v.served ? { schema: compactSchema(v.schema.openAPIV3Schema) } : {}),
    })),
  };
}

module.exports = { compactCrd, compactSchema };
