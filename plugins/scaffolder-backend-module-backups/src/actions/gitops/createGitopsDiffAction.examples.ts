import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Show what the previous steps changed in the checked-out GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'diff',
          action: 'backups:gitops:diff',
          name: 'Show the change',
        },
      ],
    }),
  },
  {
    description:
      'Show the change of a repository checked out into a folder of the workspace',
    example: yaml.stringify({
      steps: [
        {
          id: 'diff',
          action: 'backups:gitops:diff',
          name: 'Show the change',
          input: { path: 'home-ops' },
        },
      ],
    }),
  },
];
