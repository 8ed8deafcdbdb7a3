#!/usr/bin/env node
/*
 * Derives compact CRD schemas from the upstream CRD files in ../shared/crds:
 * structure, types, enums, required fields and the x-kubernetes-* markers that
 * change validation are kept; descriptions, CEL rules and defaults are dropped.
 * VolSync is AGPL-3.0: nothing derived from it is written (see README).
 *
 * Usage: node scripts/derive-crd-schemas.js [--from DIR] [--to DIR]
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { compactCrd } = require('./compactCrd');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const repoRoot = path.resolve(__dirname, '../../..');
const from = path.resolve(
  arg('from', path.join(repoRoot, '..', 'shared', 'crds')),
);
const to = path.resolve(arg('to', path.join(__dirname, '..', 'schemas')));
const SKIP = new Set(['volsync']);

if (!fs.existsSync(from)) {
  console.error(`No CRD directory at ${from}`);
  process.exit(1);
}
fs.mkdirSync(to, { recursive: true });
let count = 0;
for (const dir of fs.readdirSync(from).sort()) {
  const full = path.join(from, dir);
  if (!fs.statSync(full).isDirectory() || SKIP.has(dir)) continue;
  for (const file of fs
    .readdirSync(full)
    .filter(f => f.endsWith('.yaml'))
    .sort()) {
    const crd = YAML.parse(fs.readFileSync(path.join(full, file), 'utf8'));
    const compact = compactCrd(crd);
    const out = path.join(to, `${compact.group}_${compact.plural}.json`);
    fs.writeFileSync(out, `${JSON.stringify(compact)}\n`);
    count += 1;
  }
}
console.log(
  `wrote ${count} compact schemas to ${
    path.relative(process.cwd(), to) || '.'
  }`,
);
