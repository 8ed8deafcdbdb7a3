import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { GitopsRemote } from './gitopsRemote';

/** The branches of a remote and its default branch, from its smart HTTP ref advertisement. */
export type RemoteBranches = {
  branches: Map<string, string>;
  defaultBranch?: string;
};

/** The pkt-lines of a smart HTTP response: 4 hex digits of length, then the data. */
function pktLines(body: Buffer): string[] {
  const lines: string[] = [];
  for (let at = 0; at + 4 <= body.length; ) {
    const length = parseInt(body.toString('latin1', at, at + 4), 16);
    if (Number.isNaN(length)) break;
    if (length < 4) {
      at += 4;
      continue;
    }
    lines.push(body.toString('utf8', at + 4, at + length).replace(/\n$/, ''));
    at += length;
  }
  return lines;
}

/**
 * `GET <repo>/info/refs?service=git-upload-pack`, the request every git
 * client starts a fetch with, read for the branch heads and the `symref=HEAD:`
 * capability that names the default branch.
 */
export async function listRemoteBranches(
  remote: GitopsRemote,
): Promise<RemoteBranches> {
  const { username, password } = remote.auth;
  const response = await fetch(
    `${remote.url.replace(/\/$/, '')}/info/refs?service=git-upload-pack`,
    {
      headers: {
        'user-agent': 'git/backstage-backups',
        ...(password && {
          authorization: `Basic ${Buffer.from(
            `${username}:${password}`,
          ).toString('base64')}`,
        }),
      },
      signal: AbortSignal.timeout(30_000),
    },
  ).catch(error => {
    throw new ServiceUnavailableError(
      `The GitOps repository ${remote.url} cannot be reached: ${error.message}`,
    );
  });
  if (response.status === 404 || response.status === 401)
    throw new NotFoundError(
      `No git repository at ${remote.url} (HTTP ${response.status})`,
    );
  if (!response.ok)
    throw new ServiceUnavailableError(
      `The GitOps repository ${remote.url} answered HTTP ${response.status}`,
    );
  const branches = new Map<string, string>();
  let defaultBranch: string | undefined;
  for (const line of pktLines(Buffer.from(await response.arrayBuffer()))) {
    const match = /^([0-9a-f]{40,64}) refs\/heads\/([^\0]+)(?:\0(.*))?$/.exec(
      line,
    );
    if (match) branches.set(match[2], match[1]);
    const head = /(?:^|[\0 ])symref=HEAD:refs\/heads\/(\S+)/.exec(line);
    if (head) defaultBranch = head[1];
  }
  return { branches, defaultBranch };
}
