import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One request as the authorizer saw it. Resource requests carry the RBAC
 * verb, group ('' for core), resource and, where they apply, subresource,
 * namespace and name; non-resource requests (discovery, /version) carry
 * `nonResourceURL` and the lower-case HTTP method as verb.
 */
export type RequestLogEntry = {
  /** The token's identity; `anonymous` without a token, `invalid-token` for an unknown one. */
  identity: string;
  verb: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  nonResourceURL?: string;
  /** The HTTP status answered; 499 when the client went away before an answer. */
  status: number;
};

/** Entries kept in memory; the file, when there is one, keeps them all. */
const MEMORY_LIMIT = 20_000;

/** The requests one simulator answered, in memory and, optionally, as JSON lines in a file. */
export class RequestLog {
  readonly #entries: RequestLogEntry[] = [];
  #file?: string;

  /** The file entries are appended to, if any. */
  get file(): string | undefined {
    return this.#file;
  }

  /** From now on, also appends to `requests-<pid>-<port>.jsonl` in `dir` (none: no file). */
  writeTo(dir: string | undefined, port: number) {
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    this.#file = join(dir, `requests-${process.pid}-${port}.jsonl`);
  }

  record(entry: RequestLogEntry) {
    this.#entries.push(entry);
    if (this.#entries.length > MEMORY_LIMIT) this.#entries.shift();
    // Synchronous, so that nothing is lost when a test worker exits.
    if (this.#file) appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
  }

  entries(): RequestLogEntry[] {
    return this.#entries.map(e => ({ ...e }));
  }

  clear() {
    this.#entries.splice(0, this.#entries.length);
  }
}
