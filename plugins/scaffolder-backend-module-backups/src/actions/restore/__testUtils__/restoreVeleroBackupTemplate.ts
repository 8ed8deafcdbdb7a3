import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/** The real "Restore from Velero backup" template, parsed, for the tests. */
export const restoreVeleroBackupTemplate = parse(
  readFileSync(
    resolve(
      __dirname,
      '../../../../../../examples/templates/restore-velero-backup/template.yaml',
    ),
    'utf8',
  ),
);
