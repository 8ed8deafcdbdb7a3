import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Back up Odoo daily at 03:00 UTC for 7 days, as the reference deployment does',
    example: yaml.stringify({
      steps: [
        {
          id: 'velero',
          action: 'backups:velero:generate',
          name: 'Add Velero backup',
          input: {
            appName: 'odoo',
            namespace: 'business-system',
            labelSelector: 'app.kubernetes.io/name=odoo',
            schedule: '0 3 * * *',
            ttl: '168h',
            cnpgCluster: 'odoo-pg',
          },
        },
      ],
    }),
  },
  {
    description:
      'Back up another app every six hours, kept for three days, in a repository whose Flux source root is kubernetes/',
    example: yaml.stringify({
      steps: [
        {
          id: 'velero',
          action: 'backups:velero:generate',
          name: 'Add Velero backup',
          input: {
            appName: 'crm',
            namespace: 'crm',
            labelSelector: 'app.kubernetes.io/name=crm',
            schedule: '0 */6 * * *',
            ttl: '72h',
            fluxSourceRoot: 'kubernetes',
          },
        },
      ],
    }),
  },
  {
    description:
      "Only lint an existing GitOps tree for the runbook's known mistakes",
    example: yaml.stringify({
      steps: [
        {
          id: 'lint',
          action: 'backups:velero:generate',
          name: 'Lint Velero GitOps',
          input: {
            appName: 'odoo',
            namespace: 'business-system',
            lintOnly: true,
          },
        },
      ],
    }),
  },
];
