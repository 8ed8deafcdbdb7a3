import { ServiceUnavailableError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { ClusterState, ClusterWriter } from '../cluster/ClusterState';
import { resources } from '../cluster/resources';

export type DownloadTarget = {
  kind:
    | 'BackupLog'
    | 'BackupResourceList'
    | 'BackupResults'
    | 'RestoreLog'
    | 'RestoreResults';
  name: string;
};

const POLL_MS = 250;

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(
        new ServiceUnavailableError(
          'Velero did not process the download request in time',
        ),
      );
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(
          new ServiceUnavailableError(
            'Velero did not process the download request in time',
          ),
        );
      },
      { once: true },
    );
  });
}

async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ServiceUnavailableError(
        `the download is larger than ${maxBytes} bytes`,
      );
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * What `velero backup logs` does: create a DownloadRequest, wait until Velero
 * has Processed it, fetch its signed URL server-side and gunzip the body,
 * both capped. The URL never leaves the backend.
 */
export async function fetchDownload(
  cluster: { state: ClusterState; writer: ClusterWriter },
  veleroNamespace: string,
  target: DownloadTarget,
  options: { signal: AbortSignal; maxBytes: number },
): Promise<string> {
  const name = `backstage-${target.kind.toLowerCase()}-${randomBytes(
    5,
  ).toString('hex')}`;
  await cluster.writer.create(
    resources.downloadRequests,
    veleroNamespace,
    {
      apiVersion: 'velero.io/v1',
      kind: 'DownloadRequest',
      metadata: {
        name,
        namespace: veleroNamespace,
        labels: { 'app.kubernetes.io/managed-by': 'backstage-backups' },
      },
      spec: { target },
    },
    { signal: options.signal },
  );
  for (;;) {
    const [request] = await cluster.state.list(resources.downloadRequests, {
      namespace: veleroNamespace,
      fieldSelector: `metadata.name=${name}`,
      signal: options.signal,
    });
    const url = request?.status?.downloadURL;
    if (request?.status?.phase === 'Processed' && typeof url === 'string') {
      const response = await fetch(url, { signal: options.signal });
      if (!response.ok)
        throw new ServiceUnavailableError(
          `the object store answered HTTP ${response.status} for ${target.kind} ${target.name}`,
        );
      const body = await readCapped(response, options.maxBytes);
      try {
        return gunzipSync(body, { maxOutputLength: options.maxBytes }).toString(
          'utf8',
        );
      } catch {
        throw new ServiceUnavailableError(
          `${target.kind} ${target.name} is not gzip, or larger than ${options.maxBytes} bytes`,
        );
      }
    }
    await sleep(POLL_MS, options.signal);
  }
}

/** Velero's BackupResourceList: `group/version/Kind` → `namespace/name` entries. */
export function parseResourceList(text: string): Record<string, string[]> {
  const parsed = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ServiceUnavailableError(
      'the backup resource list is not a JSON object',
    );
  const result: Record<string, string[]> = {};
  for (const [resource, names] of Object.entries(parsed)) {
    if (Array.isArray(names)) result[resource] = names.map(String);
  }
  return result;
}
