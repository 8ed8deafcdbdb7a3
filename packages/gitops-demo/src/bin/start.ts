import { resolve } from 'node:path';
import { GitopsDemoServer } from '../GitopsDemoServer';
import { PACKAGE_DIR } from '../seedRepository';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The ignored `.cache/` folder at the root of the monorepo. */
const DEFAULT_DIR = resolve(PACKAGE_DIR, '../../.cache/gitops-demo');

async function main() {
  const port = Number(arg('port') ?? process.env.GITOPS_DEMO_PORT ?? 8002);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: ${arg('port')} is not a port number\n`);
    process.exit(2);
  }
  const dir = resolve(arg('dir') ?? DEFAULT_DIR);
  const server = await GitopsDemoServer.start({ port, dir });
  process.stdout.write(
    `gitops-demo listening on ${server.url}: proposals at ${server.url}/, clone ${server.repoUrl} (a fresh repository in ${server.repositoryPath})\n`,
  );
  const shutdown = () => server.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch(error => {
  process.stderr.write(`gitops-demo failed to start: ${error}\n`);
  process.exit(1);
});
