import { APIRequestContext, expect, Page } from '@playwright/test';
import { signIn } from './backupsPage';

const BACKEND = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** The demo's GitOps repository (packages/gitops-demo), served by scripts/e2e.sh. */
export const GITOPS_DEMO = 'http://127.0.0.1:8002';

/** A branch of the demo repository as `GET /api/branches` lists it. */
export type DemoBranch = { name: string; commit: string; diff: string };

export async function demoBranches(request: APIRequestContext) {
  const res = await request.get(`${GITOPS_DEMO}/api/branches`);
  expect(res.ok()).toBe(true);
  return (await res.json()).branches as DemoBranch[];
}

/** Signs in, opens the template list and chooses a template by its title. */
export async function chooseTemplate(page: Page, title: string) {
  await signIn(page);
  await page.goto('/create');
  const choose = page.getByTestId('template-card-actions--create');
  // The innermost box that holds both the card's title and its button.
  const card = page
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    .filter({ has: choose })
    .last();
  await card.getByTestId('template-card-actions--create').click();
  await expect(page).toHaveURL(/\/create\/templates\/default\/[^/?]+/);
}

/** Types into an EntityPicker (by its parameter's name) and chooses the entity. */
export async function pickEntity(page: Page, field: string, name: string) {
  await page.locator(`#root_${field}`).fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

/** Submits the form's current step. */
export async function nextStep(page: Page, label: 'Next' | 'Review' = 'Next') {
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** On the review page: creates the task and returns its id. */
export async function createTask(page: Page) {
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/create\/tasks\/[^/?]+$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function backendGet(request: APIRequestContext, path: string) {
  const refresh = await request.get(`${BACKEND}/api/auth/guest/refresh`);
  expect(refresh.ok()).toBe(true);
  const { token } = (await refresh.json()).backstageIdentity;
  const res = await request.get(`${BACKEND}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.ok(), `GET ${path}`).toBe(true);
  return res.json();
}

/**
 * Waits until the task ends, expects it completed (with its log as the
 * message otherwise) and its outputs on the page. Returns each step's status.
 */
export async function expectTaskCompleted(
  page: Page,
  request: APIRequestContext,
  taskId: string,
  timeout = 90_000,
) {
  const path = `/api/scaffolder/v2/tasks/${encodeURIComponent(taskId)}`;
  await expect
    .poll(async () => (await backendGet(request, path)).status, { timeout })
    .not.toMatch(/^(open|processing)$/);
  const events = (await backendGet(request, `${path}/events`)) as Array<{
    type: string;
    body: { stepId?: string; status?: string; message?: string };
  }>;
  const steps = Object.fromEntries(
    events
      .filter(e => e.body.stepId && e.body.status)
      .map(e => [e.body.stepId!, e.body.status!]),
  );
  const log = events.map(e => e.body.message).join('\n');
  expect((await backendGet(request, path)).status, log).toBe('completed');
  await expect(page.getByTestId('output-box')).toBeVisible();
  return steps;
}
