import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (input: Record<string, string>) =>
  yaml.stringify({
    steps: [
      {
        id: 'manifest',
        action: 'backups:cnpg:recovery-manifest',
        name: 'Write the recovery Cluster',
        input,
      },
    ],
  });

export const examples: TemplateExample[] = [
  {
    description:
      "Recover Odoo's database to 10:15 UTC into odoo-pg-pitr-202611301015, next to odoo-pg's manifest",
    example: step({
      entityRef: 'component:default/odoo',
      namespace: 'business-system',
      cluster: 'odoo-pg',
      targetTime: '2026-11-30T10:15:00Z',
    }),
  },
  {
    description:
      'Recover to a local time, under a chosen name and directory, with a larger volume',
    example: step({
      entityRef: 'component:default/odoo',
      namespace: 'business-system',
      cluster: 'odoo-pg',
      targetTime: '2026-11-30T11:15:00+01:00',
      name: 'odoo-pg-before-migration',
      targetPath: 'kubernetes/apps/base/business-system/odoo-recovery',
      storageSize: '40Gi',
    }),
  },
];
