/** A short reason from an API error (client-node's ApiException carries the Status as body). */
export function describeError(error: unknown): string {
  const e = error as { code?: number; body?: unknown; message?: string };
  if (typeof e?.code === 'number') {
    let message: string | undefined;
    try {
      const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
      message = (body as { message?: string })?.message;
    } catch {
      message = undefined;
    }
    return `the API server answered ${e.code}${message ? `: ${message}` : ''}`;
  }
  return e?.message ?? String(error);
}
