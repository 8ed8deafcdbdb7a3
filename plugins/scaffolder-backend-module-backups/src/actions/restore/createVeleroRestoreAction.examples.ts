import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

function example(description: string, input: Record<string, unknown>) {
  return {
    description,
    example: yaml.stringify({
      steps: [
        {
          id: 'restore',
          action: 'backups:velero:restore',
          name: 'Restore from Velero backup',
          input,
        },
      ],
    }),
  };
}

export const examples: TemplateExample[] = [
  example(
    "Restore Odoo's newest daily backup in place and wait for it to end",
    {
      entityRef: 'component:default/odoo',
      backupName: 'odoo-daily-20261123030000',
      wait: true,
    },
  ),
  example(
    'Restore into business-system-restore beside the app, without volume data, and do not wait',
    {
      entityRef: 'component:default/odoo',
      backupName: 'odoo-daily-20261123030000',
      targetNamespace: 'business-system-restore',
      restorePVs: false,
    },
  ),
  example(
    'Restore a partly failed backup in place over what exists, with Flux left running, waiting up to an hour',
    {
      entityRef: 'component:default/odoo',
      backupName: 'odoo-daily-20261122030000',
      acknowledgePartiallyFailed: true,
      existingResourcePolicy: 'update',
      suspendGitOps: false,
      wait: true,
      waitTimeoutMinutes: 60,
    },
  ),
];
