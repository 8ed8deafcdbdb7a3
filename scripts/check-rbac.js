#!/usr/bin/env node
/*
 * Checks deploy/rbac.yaml against what the backups plugin really asked the
 * Kubernetes API simulator for (its request logs): fails when a request is
 * not allowed by the rules, or a rule is never used.
 *
 *   node scripts/check-rbac.js [--logs DIR] [--rbac deploy/rbac.yaml]
 *       [--identity backups] [--service-account NAMESPACE/NAME]
 *
 * --logs defaults to KUBE_SIMULATOR_REQUEST_LOG_DIR. The logic lives in
 * packages/kube-simulator/src/rbac, with its tests.
 */
const { resolve } = require('node:path');

require('@backstage/cli/config/nodeTransform.cjs');
const { main } = require('../packages/kube-simulator/src/rbac/runRbacCheck');

main(process.argv.slice(2), { root: resolve(__dirname, '..') }).then(
  code => process.exit(code),
  error => {
    process.stderr.write(`check-rbac failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
