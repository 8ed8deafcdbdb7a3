import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAllYaml } from '@kubernetes/client-node';
import type { RequestLogEntry } from '../api/RequestLog';
import { checkRbac, formatRbacCheck, RbacDocument } from './checkRbac';

const USAGE = `Usage: node scripts/check-rbac.js [--rbac deploy/rbac.yaml] [--logs DIR]
       [--identity backups] [--service-account NAMESPACE/NAME]

Checks the request logs the Kubernetes API simulator wrote (KUBE_SIMULATOR_REQUEST_LOG_DIR,
the default for --logs) against the RBAC of --rbac: fails when a request of --identity is
not allowed, or a rule is never used.`;

/** Every JSON line of every *.jsonl file in a folder. */
export function readRequestLogs(dir: string): {
  entries: RequestLogEntry[];
  files: number;
  problems: string[];
} {
  const problems: string[] = [];
  const entries: RequestLogEntry[] = [];
  const files = readdirSync(dir).filter(
    f => f.endsWith('.jsonl') && statSync(join(dir, f)).isFile(),
  );
  for (const file of files) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        try {
          const entry = JSON.parse(line);
          if (typeof entry?.identity !== 'string' || !entry.verb)
            throw new Error('not a request');
          entries.push(entry);
        } catch {
          problems.push(`${file}:${index + 1} is not a request log line`);
        }
      });
  }
  return { entries, files: files.length, problems };
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** The check as a command: prints the report, returns the exit code. */
export async function main(
  argv: string[],
  options: {
    /** The repository: where deploy/rbac.yaml is by default. */
    root: string;
    /** Where relative --rbac and --logs paths start. Default: the process's. */
    cwd?: string;
    out?: (text: string) => void;
  } = { root: process.cwd() },
): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const out = options.out ?? ((text: string) => process.stdout.write(text));
  if (argv.includes('--help') || argv.includes('-h')) {
    out(`${USAGE}\n`);
    return 0;
  }
  const rbacOption = option(argv, 'rbac');
  const rbacFile = rbacOption
    ? resolve(cwd, rbacOption)
    : resolve(options.root, 'deploy/rbac.yaml');
  const logs =
    option(argv, 'logs') ?? process.env.KUBE_SIMULATOR_REQUEST_LOG_DIR;
  const identity = option(argv, 'identity') ?? 'backups';
  const saText = option(argv, 'service-account');
  if (!logs) {
    out(
      `No log folder: give --logs DIR or set KUBE_SIMULATOR_REQUEST_LOG_DIR.\n\n${USAGE}\n`,
    );
    return 2;
  }
  const logDir = resolve(cwd, logs);
  if (!existsSync(logDir)) {
    out(
      `RBAC check FAILED: the log folder ${logDir} does not exist (no test wrote a request log).\n`,
    );
    return 1;
  }
  let serviceAccount: { namespace: string; name: string } | undefined;
  if (saText) {
    const [namespace, name, extra] = saText.split('/');
    if (!namespace || !name || extra !== undefined) {
      out(`--service-account takes NAMESPACE/NAME.\n`);
      return 2;
    }
    serviceAccount = { namespace, name };
  }
  let documents: RbacDocument[];
  try {
    documents = (loadAllYaml(readFileSync(rbacFile, 'utf8')) as unknown[])
      .filter(Boolean)
      .map(d => d as RbacDocument);
  } catch (error) {
    out(
      `RBAC check FAILED: cannot read ${rbacFile}: ${
        (error as Error).message
      }\n`,
    );
    return 1;
  }
  const { entries, files, problems } = readRequestLogs(logDir);
  const result = checkRbac({ documents, entries, identity, serviceAccount });
  result.problems.push(...problems);
  result.ok = result.ok && problems.length === 0;
  out(
    `Read ${rbacFile} and ${
      entries.length
    } logged requests in ${files} files of ${logDir}.\n${formatRbacCheck(
      result,
    )}\n`,
  );
  return result.ok ? 0 : 1;
}
