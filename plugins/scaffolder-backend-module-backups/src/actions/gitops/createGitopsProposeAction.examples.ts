import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Propose the workspace's change to the demo's GitOps repository on a new branch",
    example: yaml.stringify({
      steps: [
        {
          id: 'propose',
          action: 'backups:gitops:propose',
          name: 'Propose the change',
          input: {
            repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
            baseBranch: 'main',
            branchName: 'backups/velero-odoo',
            title: 'Add Velero backup for odoo',
            description: 'Adds a daily Velero backup of business-system.',
          },
        },
      ],
    }),
  },
];
