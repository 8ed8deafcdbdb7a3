import type {
  RestoreCreated,
  RestoreListItem,
  RestorePlan,
  RestorePlanRequest,
} from '@internal/plugin-backups-common';
import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/** Odoo's entity routes, wherever discovery puts the backups backend. */
export const odooRoutes = '*/api/backups/v1/entities/default/component/odoo';

/** The backend's plan for a request about Odoo (namespace business-system). */
export function odooPlan(request: RestorePlanRequest, id: string): RestorePlan {
  const source = 'business-system';
  const target = request.targetNamespace ?? source;
  const inPlace = target === source;
  const policy = request.existingResourcePolicy ?? 'none';
  return {
    id,
    hash: `hash-${id}`,
    expiresAt: '2026-11-23T08:15:00Z',
    cluster: 'demo',
    entityRef: 'component:default/odoo',
    restore: {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: {
        name: '(derived from the Idempotency-Key when the restore is requested)',
        namespace: 'velero',
      },
      spec: { backupName: request.backupName, includedNamespaces: [source] },
    },
    backup: {
      name: request.backupName,
      phase: 'Completed',
      startTimestamp: '2026-11-23T03:00:00Z',
    },
    sourceNamespace: source,
    targetNamespace: target,
    inPlace,
    existingResourcePolicy: policy,
    contents: [
      {
        resource: 'apps/v1/Deployment',
        kind: 'Deployment',
        count: 1,
        names: [`${source}/odoo`],
      },
      {
        resource: 'v1/PersistentVolumeClaim',
        kind: 'PersistentVolumeClaim',
        count: 1,
        names: [`${source}/odoo-data`],
      },
    ],
    existing: inPlace
      ? [
          {
            resource: 'apps/v1/Deployment',
            kind: 'Deployment',
            name: 'odoo',
            action: policy === 'update' ? 'update' : 'skip',
          },
        ]
      : [],
    volumes: request.restorePVs === false ? [] : ['odoo-data'],
    gitops: {
      managedBy: [],
      suspend: false,
      explanation: `No Flux object manages ${target}.`,
    },
    warnings: inPlace
      ? [
          `1 object(s) already exist in ${target} and will be skipped (existingResourcePolicy: none).`,
        ]
      : [],
  };
}

type Refusal = (request: Request) => Response | undefined;

/**
 * A backups backend as the restore routes answer: plans (plan-1, plan-2, …),
 * one Restore per Idempotency-Key, and its phases in the order given, the
 * last one kept.
 */
export function fakeBackups(server: SetupServer) {
  const plans: Array<{
    body: RestorePlanRequest;
    authorization: string | null;
  }> = [];
  const creates: Array<{ key: string | null; planId: string }> = [];
  const restores = new Map<string, RestoreCreated>();
  let phases: Array<Partial<RestoreListItem>> = [{ phase: 'New' }];
  let lists = 0;
  let refusePlan: Refusal = () => undefined;
  let refuseCreate: Refusal = () => undefined;
  let refuseList: Refusal = () => undefined;
  server.use(
    http.post(`${odooRoutes}/restore-plans`, async ({ request }) => {
      const refusal = refusePlan(request);
      if (refusal) return refusal;
      const body = (await request.json()) as RestorePlanRequest;
      plans.push({ body, authorization: request.headers.get('authorization') });
      return HttpResponse.json(odooPlan(body, `plan-${plans.length}`));
    }),
    http.post(`${odooRoutes}/restores`, async ({ request }) => {
      const refusal = refuseCreate(request);
      if (refusal) return refusal;
      const key = request.headers.get('idempotency-key');
      const { planId } = (await request.json()) as { planId: string };
      creates.push({ key, planId });
      const repeat = restores.get(key!);
      if (repeat) return HttpResponse.json(repeat, { status: 200 });
      const restore = {
        cluster: 'demo',
        namespace: 'velero',
        name: `odoo-daily-r-${restores.size + 1}`,
        phase: 'New',
      };
      restores.set(key!, restore);
      return HttpResponse.json(restore, { status: 201 });
    }),
    http.get(`${odooRoutes}/restores`, ({ request }) => {
      const refusal = refuseList(request);
      if (refusal) return refusal;
      const now = phases[Math.min(lists, phases.length - 1)];
      lists += 1;
      return HttpResponse.json({
        items: [...restores.values()].map(r => ({ ...r, ...now })),
      });
    }),
  );
  return {
    plans,
    creates,
    get lists() {
      return lists;
    },
    phases: (sequence: Array<Partial<RestoreListItem>>) => {
      phases = sequence;
    },
    refusePlan: (answer: Refusal) => {
      refusePlan = answer;
    },
    refuseCreate: (answer: Refusal) => {
      refuseCreate = answer;
    },
    refuseList: (answer: Refusal) => {
      refuseList = answer;
    },
  };
}

/** An error as Backstage's error handler sends it. */
export function backendError(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'POST', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}
