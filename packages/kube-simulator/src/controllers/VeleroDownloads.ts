import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { isoSeconds } from '../scenarios/fixtures/time';
import { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { objectKey, VeleroObjectStorage } from './VeleroObjectStorage';

const VELERO = 'velero.io/v1';
/** persistence.DownloadURLTTL: how long a signed URL, and the request, live. */
export const DOWNLOAD_URL_TTL_MS = 10 * 60 * 1000;
/** The path under the simulator's URL where signed URLs point. */
export const DOWNLOAD_PATH = '/download/';

type SignedUrl = {
  namespace: string;
  location: string;
  kind: string;
  name: string;
  expires: number;
};

function storageError(
  res: ServerResponse,
  code: number,
  error: string,
  message: string,
  details?: string,
) {
  res.writeHead(code, { 'Content-Type': 'application/xml; charset=UTF-8' });
  res.end(
    `<?xml version='1.0' encoding='UTF-8'?><Error><Code>${error}</Code><Message>${message}</Message>${
      details ? `<Details>${details}</Details>` : ''
    }</Error>`,
  );
}

/**
 * Velero's download-request controller and the object storage behind the
 * URLs it signs (velero controller/download_request_controller.go,
 * persistence/object_store.go, the GCP plugin's CreateSignedURL):
 * - a new DownloadRequest gets `status.expiration` (now + 10 min) at once;
 *   when its Restore, Backup or BackupStorageLocation does not exist it
 *   keeps no phase and no URL (Velero logs the error and does not retry);
 *   otherwise it becomes `Processed` with a `downloadURL` signed for 10
 *   minutes, and its expiration restarts then;
 * - every period (1 min, Velero's defaultDownloadRequestSyncPeriod) the
 *   expired requests are deleted, whatever their phase;
 * - the URL answers without a bearer token, as a signed URL does: the gzip
 *   file as stored (`application/x-gzip`, no Content-Encoding), 400
 *   ExpiredToken after its 10 minutes, 404 NoSuchKey when the file was
 *   never uploaded, 404 NoSuchBucket while the location is Unavailable.
 */
export class VeleroDownloads {
  readonly #store: ObjectStore;
  readonly #storage: VeleroObjectStorage;
  readonly #now: () => Date;
  readonly #baseUrl: () => string;
  readonly #signed = new Map<string, SignedUrl>();

  constructor(options: {
    store: ObjectStore;
    storage: VeleroObjectStorage;
    now: () => Date;
    baseUrl: () => string;
  }) {
    this.#store = options.store;
    this.#storage = options.storage;
    this.#now = options.now;
    this.#baseUrl = options.baseUrl;
  }

  /** downloadRequestReconciler.Reconcile. */
  process(request: KubeObject) {
    const current = this.#store.get(
      VELERO,
      'DownloadRequest',
      request.metadata.namespace,
      request.metadata.name,
    );
    if (!current) return;
    const now = this.#now().getTime();
    const expiration = Date.parse(current.status?.expiration ?? '');
    if (expiration < now) {
      this.#delete(current);
      return;
    }
    const phase = current.status?.phase ?? '';
    if (phase !== '' && phase !== 'New') return;
    const namespace = current.metadata.namespace;
    const target = current.spec?.target ?? {};
    const expires = isoSeconds(now + DOWNLOAD_URL_TTL_MS);
    const unresolved = () => {
      this.#store.put({
        ...current,
        status: { ...current.status, expiration: expires },
      });
    };
    let backupName: string = target.name;
    if (String(target.kind).startsWith('Restore')) {
      const restore = this.#store.get(
        VELERO,
        'Restore',
        namespace,
        target.name,
      );
      if (!restore) {
        unresolved();
        return;
      }
      backupName = restore.spec?.backupName;
    }
    const backup = backupName
      ? this.#store.get(VELERO, 'Backup', namespace, backupName)
      : undefined;
    if (!backup) {
      unresolved();
      return;
    }
    const location = this.#store.get(
      VELERO,
      'BackupStorageLocation',
      namespace,
      backup.spec?.storageLocation ?? '',
    );
    if (!location) {
      unresolved();
      return;
    }
    const token = randomBytes(24).toString('hex');
    this.#signed.set(token, {
      namespace: namespace ?? '',
      location: location.metadata.name,
      kind: target.kind,
      name: target.name,
      expires: now + DOWNLOAD_URL_TTL_MS,
    });
    this.#store.put({
      ...current,
      status: {
        ...current.status,
        phase: 'Processed',
        downloadURL: `${this.#baseUrl()}${DOWNLOAD_PATH}${token}`,
        expiration: expires,
      },
    });
  }

  /** The periodical enqueue of expired requests, which the reconciler deletes. */
  deleteExpired() {
    const now = this.#now().getTime();
    for (const request of this.#store.list(VELERO, 'DownloadRequest')) {
      const expiration = Date.parse(request.status?.expiration ?? '');
      if (expiration < now) this.#delete(request);
    }
    // An expired URL keeps answering ExpiredToken for an hour, then 403.
    for (const [token, url] of this.#signed)
      if (url.expires < now - 3_600_000) this.#signed.delete(token);
  }

  #delete(request: KubeObject) {
    this.#store.delete(
      VELERO,
      'DownloadRequest',
      request.metadata.namespace,
      request.metadata.name,
    );
  }

  /** Answers a request for a signed URL; false when the path is not one. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (!pathname.startsWith(DOWNLOAD_PATH)) return false;
    const token = pathname.slice(DOWNLOAD_PATH.length);
    const url = this.#signed.get(token);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      storageError(
        res,
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
      );
      return true;
    }
    const now = this.#now().getTime();
    if (!url) {
      storageError(
        res,
        403,
        'SignatureDoesNotMatch',
        'Access denied.',
        'The request signature we calculated does not match the signature you provided.',
      );
      return true;
    }
    if (url.expires < now) {
      storageError(
        res,
        400,
        'ExpiredToken',
        'Invalid argument.',
        `The provided token has expired. Request signature expired at: ${isoSeconds(
          url.expires,
        )}`,
      );
      return true;
    }
    const location = this.#store.get(
      VELERO,
      'BackupStorageLocation',
      url.namespace,
      url.location,
    );
    const bucket: string =
      location?.spec?.objectStorage?.bucket ?? url.location;
    if (!location || location.status?.phase === 'Unavailable') {
      storageError(
        res,
        404,
        'NoSuchBucket',
        'The specified bucket does not exist.',
      );
      return true;
    }
    const body = this.#storage.file(url.kind, url.name, now);
    if (!body) {
      storageError(
        res,
        404,
        'NoSuchKey',
        'The specified key does not exist.',
        `No such object: ${bucket}/${objectKey(url.kind, url.name)}`,
      );
      return true;
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-gzip',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}
