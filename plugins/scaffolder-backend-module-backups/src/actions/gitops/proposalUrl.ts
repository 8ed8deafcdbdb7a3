import { GitopsRemote } from './gitopsRemote';

/**
 * Where to see a proposal: on GitHub, the compare page that opens a pull
 * request; elsewhere the page beside the repository, `<dir of repoUrl>/?branch=`,
 * which the demo repository's server shows (packages/gitops-demo).
 */
export function proposalUrl(
  remote: GitopsRemote,
  base: string,
  branch: string,
): string {
  if (remote.forge === 'github') {
    const url = new URL(remote.url);
    const repo = url.pathname.replace(/\.git$/, '').replace(/\/$/, '');
    const ref = (name: string) =>
      name.split('/').map(encodeURIComponent).join('/');
    return `${url.origin}${repo}/compare/${ref(base)}...${ref(
      branch,
    )}?expand=1`;
  }
  return new URL(
    `./?branch=${encodeURIComponent(branch)}`,
    remote.url,
  ).toString();
}
