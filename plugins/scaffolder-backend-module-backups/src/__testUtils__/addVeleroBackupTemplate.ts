import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The real "Add Velero backup" template, parsed, for the tests. */
export const addVeleroBackupTemplate = parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../../examples/templates/add-velero-backup/template.yaml',
    ),
    'utf8',
  ),
);
