import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { fakeBackups } from './__testUtils__/fakeBackups';
import { createVeleroRestoreAction } from './createVeleroRestoreAction';

type BadInput = { why: string; field: string; input: Record<string, unknown> };

const corpus: BadInput[] = parse(
  readFileSync(
    resolve(__dirname, '../../__fixtures__/bad-inputs/restore-action.yaml'),
    'utf8',
  ),
);

type Repeat = { prefix?: string; repeat: string; times: number };

/** The corpus's values written out: repeats expanded, `null` left out. */
function expand(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => {
        if (typeof value !== 'object' || !('repeat' in value!))
          return [key, value];
        const { prefix = '', repeat, times } = value as Repeat;
        return [key, prefix + repeat.repeat(times)];
      }),
  );
}

const valid = {
  entityRef: 'component:default/odoo',
  backupName: 'odoo-daily-20261123030000',
};

describe('backups:velero:restore refuses the bad-input corpus', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const action = createVeleroRestoreAction({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
  });
  const requests: string[] = [];
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${request.url}`);
  });

  beforeEach(() => {
    requests.length = 0;
    fakeBackups(server);
  });

  function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext({ input: input as any });
    return action.handler(ctx);
  }

  it('holds at least 30 cases, each naming a field', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const c of corpus) expect(c.field).toEqual(expect.any(String));
  });

  it('accepts the valid input the cases are laid over', async () => {
    await run(valid);
    expect(requests.map(r => r.split(' ')[0])).toEqual(['POST', 'POST']);
  });

  it.each(corpus.map(c => [c.why, c] as const))('%s', async (_why, c) => {
    const error = await run(expand({ ...valid, ...c.input })).catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`\\s${c.field}[:,]`));
    expect(requests).toEqual([]);
  });
});
