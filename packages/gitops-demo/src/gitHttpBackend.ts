import { ChildProcess, spawn } from 'node:child_process';
import { IncomingMessage, ServerResponse } from 'node:http';
import { gitEnv } from './gitEnv';

/** How long one git request may run before its process is killed. */
const REQUEST_TIMEOUT_MS = 120_000;
const MAX_HEADER_BYTES = 64 * 1024;

/** The smart HTTP endpoints, relative to a repository: nothing of the dumb protocol. */
export const SMART_HTTP_PATH =
  /^\/[A-Za-z0-9._-]+\.git\/(?:info\/refs|git-upload-pack|git-receive-pack)$/;

/** Splits CGI output headers (`Status: 200 OK`, `Content-Type: …`) from the body. */
function parseCgiHeaders(head: string) {
  let status = 200;
  const headers: Array<[string, string]> = [];
  for (const line of head.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 500;
    else headers.push([name, value]);
  }
  return { status, headers };
}

/**
 * Runs `git http-backend` as a CGI program for one request: the request body
 * is streamed to its stdin (gzip bodies as such, with `HTTP_CONTENT_ENCODING`,
 * which http-backend inflates), and its stdout, after the CGI headers, is
 * streamed back. Returns the process, which the caller may kill.
 */
export function gitHttpBackend(
  projectRoot: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathInfo: string,
  query: string,
): ChildProcess {
  const encoding = req.headers['content-encoding'];
  const env = gitEnv(projectRoot, {
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: pathInfo,
    QUERY_STRING: query,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    ...(req.headers['content-type'] && {
      CONTENT_TYPE: req.headers['content-type'],
    }),
    ...(req.headers['content-length'] && {
      CONTENT_LENGTH: req.headers['content-length'],
    }),
    ...(encoding && { HTTP_CONTENT_ENCODING: encoding }),
    ...(typeof req.headers['git-protocol'] === 'string' && {
      HTTP_GIT_PROTOCOL: req.headers['git-protocol'],
    }),
  });
  const child = spawn('git', ['http-backend'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: REQUEST_TIMEOUT_MS,
  });

  let head = Buffer.alloc(0);
  let streaming = false;
  const stderr: Buffer[] = [];
  const fail = (status: number, message: string) => {
    if (res.headersSent) res.destroy();
    else res.writeHead(status, { 'content-type': 'text/plain' }).end(message);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    let body = chunk;
    if (!streaming) {
      head = Buffer.concat([head, chunk]);
      const end = /\r?\n\r?\n/.exec(head.toString('latin1'));
      if (!end) {
        if (head.length > MAX_HEADER_BYTES) {
          child.kill();
          fail(502, 'git http-backend sent no headers\n');
        }
        return;
      }
      streaming = true;
      const { status, headers } = parseCgiHeaders(
        head.subarray(0, end.index).toString('latin1'),
      );
      res.statusCode = status;
      for (const [name, value] of headers) res.setHeader(name, value);
      body = head.subarray(end.index + end[0].length);
    }
    if (!res.write(body)) {
      child.stdout.pause();
      res.once('drain', () => child.stdout.resume());
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64) stderr.push(chunk);
  });
  child.on('error', error => fail(500, `git http-backend: ${error.message}\n`));
  child.on('close', code => {
    if (streaming) res.end();
    else
      fail(
        502,
        `git http-backend exited with ${code}: ${Buffer.concat(stderr)}\n`,
      );
  });
  // A client that goes away stops its git process.
  res.on('close', () => {
    if (!res.writableFinished) child.kill();
  });
  child.stdin.on('error', () => child.kill());
  req.pipe(child.stdin);
  return child;
}
