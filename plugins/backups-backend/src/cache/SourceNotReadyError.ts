/**
 * Raised by the cache for a kind it cannot answer for: still warming up past
 * the warm-up bound (`pending`), or cut from the API server for longer than
 * the staleness bound (`stale`). The reader turns it into `unknown`, never
 * into an answer from old data.
 */
export class SourceNotReadyError extends Error {
  readonly name = 'SourceNotReadyError';
  readonly state: 'pending' | 'stale';
  /** When the data last matched the API server (stale only). */
  readonly syncedAt?: string;

  constructor(state: 'pending' | 'stale', message: string, syncedAt?: string) {
    super(message);
    this.state = state;
    this.syncedAt = syncedAt;
  }
}
