import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Check out main of the demo's GitOps repository, which scripts/start.sh serves on 127.0.0.1:8002",
    example: yaml.stringify({
      steps: [
        {
          id: 'checkout',
          action: 'backups:gitops:checkout',
          name: 'Check out the GitOps repository',
          input: {
            repoUrl: 'http://127.0.0.1:8002/odoo-gitops.git',
            branch: 'main',
          },
        },
      ],
    }),
  },
  {
    description:
      'Check out the default branch of a GitHub repository into a folder of the workspace, with the token of integrations.github',
    example: yaml.stringify({
      steps: [
        {
          id: 'checkout',
          action: 'backups:gitops:checkout',
          name: 'Check out the GitOps repository',
          input: {
            repoUrl: 'https://github.com/hayden/home-ops.git',
            targetPath: 'home-ops',
          },
        },
      ],
    }),
  },
];
