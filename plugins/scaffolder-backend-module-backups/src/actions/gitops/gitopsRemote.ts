import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** A repository on GitHub (pull requests through `publish:github:pull-request`) or any other git remote. */
export type Forge = 'github' | 'git';

/** How the GitOps actions reach a repository: its forge and the credentials to use. */
export type GitopsRemote = {
  url: string;
  forge: Forge;
  auth: { username: string; password: string };
  /** `host?owner=…&repo=…`, as the `publish:github:*` actions take it; GitHub only. */
  githubRepoUrl?: string;
};

/** The user name a token goes with over git HTTP, per integration type. */
const TOKEN_USERS = { github: 'x-access-token', gitlab: 'oauth2' } as const;

function integrationHosts(config: Config | undefined) {
  return (Object.keys(TOKEN_USERS) as Array<keyof typeof TOKEN_USERS>).flatMap(
    type =>
      (config?.getOptionalConfigArray(`integrations.${type}`) ?? []).map(
        entry => ({
          type,
          host: entry.getString('host'),
          token: entry.getOptionalString('token'),
        }),
      ),
  );
}

/**
 * Where a repository URL may lead, and with which credentials. Only hosts
 * configured under `integrations.github` or `integrations.gitlab` (github.com
 * always), and the host of `backups.scaffolder.gitops.repository`, are
 * reached: a template cannot point the backend at any other server. A token
 * comes from the host's integration; the demo repository takes none.
 */
export function gitopsRemote(
  config: Config | undefined,
  repoUrl: string,
): GitopsRemote {
  const url = new URL(repoUrl);
  const integrations = integrationHosts(config);
  const integration = integrations.find(i => i.host === url.host);
  const configured = config?.getOptionalString(
    'backups.scaffolder.gitops.repository',
  );
  const allowed =
    integration ||
    url.host === 'github.com' ||
    (configured && new URL(configured).host === url.host);
  if (!allowed)
    throw new InputError(
      `repoUrl: the host ${url.host} is neither under integrations.github or integrations.gitlab nor that of backups.scaffolder.gitops.repository`,
    );
  const isGithub = url.host === 'github.com' || integration?.type === 'github';
  const auth = integration?.token
    ? { username: TOKEN_USERS[integration.type], password: integration.token }
    : { username: '', password: '' };
  if (!isGithub) return { url: repoUrl, forge: 'git', auth };
  const segments = url.pathname
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  const [owner, repo] = segments;
  if (segments.length !== 2)
    throw new InputError(
      'repoUrl: a GitHub repository URL is https://<host>/<owner>/<repo>',
    );
  return {
    url: repoUrl,
    forge: 'github',
    auth,
    githubRepoUrl: `${url.host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
  };
}
