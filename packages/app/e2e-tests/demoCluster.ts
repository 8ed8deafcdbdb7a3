import { APIRequestContext, expect } from '@playwright/test';

// The demo cluster (the Kubernetes API simulator) as an operator sees it,
// with Backstage's Kubernetes plugin's identity, not the backups plugin's.
export const CLUSTER = process.env.KUBE_API_URL ?? 'http://127.0.0.1:8001';
export const AUTH = { Authorization: 'Bearer simulator-token' };

/** An object as the tests read it from the demo cluster. */
export type ClusterObject = {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, any>;
  status?: { phase?: string };
};

export async function clusterGet(request: APIRequestContext, path: string) {
  const res = await request.get(`${CLUSTER}${path}`, { headers: AUTH });
  expect(res.ok(), `GET ${path}`).toBe(true);
  return res.json();
}

export async function clusterList(request: APIRequestContext, path: string) {
  return (await clusterGet(request, path)).items as ClusterObject[];
}

/** The Completed odoo-daily backups, oldest first. */
export async function completedBackups(request: APIRequestContext) {
  const backups = await clusterList(
    request,
    '/apis/velero.io/v1/namespaces/velero/backups?labelSelector=velero.io%2Fschedule-name%3Dodoo-daily',
  );
  return backups
    .filter(b => b.status?.phase === 'Completed')
    .map(b => b.metadata.name)
    .sort();
}

/** The newest Completed odoo-daily backup. */
export async function newestBackup(request: APIRequestContext) {
  return (await completedBackups(request)).pop()!;
}
