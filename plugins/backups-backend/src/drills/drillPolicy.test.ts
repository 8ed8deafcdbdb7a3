import { ConfigReader } from '@backstage/config';
import { readDrillConfig } from './drillConfig';
import { parseDrillPolicy, policyCovers } from './drillPolicy';

const defaults = readDrillConfig(new ConfigReader({}));

describe('parseDrillPolicy', () => {
  it('takes the config defaults when the entity has no annotation', () => {
    const { policy, problems } = parseDrillPolicy(undefined, defaults);
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      enabled: true,
      schedule: undefined,
      tiers: [{ kind: 'velero' }, { kind: 'cnpg' }, { kind: 'volsync' }],
      timeLimitSeconds: 1800,
      keepRunning: [],
    });
  });

  it('reads every key of the annotation', () => {
    const { policy, problems } = parseDrillPolicy(
      'schedule=0 4 * * 1; tiers=velero/odoo-daily, cnpg; timeLimit=45m; keepRunning=odoo,worker',
      defaults,
    );
    expect(problems).toEqual([]);
    expect(policy).toEqual({
      enabled: true,
      schedule: '0 4 * * 1',
      tiers: [{ kind: 'velero', name: 'odoo-daily' }, { kind: 'cnpg' }],
      timeLimitSeconds: 2700,
      keepRunning: ['odoo', 'worker'],
    });
    expect(policyCovers(policy, { kind: 'velero', name: 'odoo-daily' })).toBe(
      true,
    );
    expect(policyCovers(policy, { kind: 'velero', name: 'other' })).toBe(false);
    expect(policyCovers(policy, { kind: 'cnpg', name: 'odoo-pg' })).toBe(true);
    expect(policyCovers(policy, { kind: 'volsync', name: 'x' })).toBe(false);
  });

  it('turns drills off, and names what it ignores', () => {
    expect(parseDrillPolicy('off', defaults).policy.enabled).toBe(false);
    const { policy, problems } = parseDrillPolicy(
      'schedule=0 2 * * * *; tiers=restic; timeLimit=soon; colour=blue',
      defaults,
    );
    expect(policy.schedule).toBeUndefined();
    expect(policy.tiers).toEqual([
      { kind: 'velero' },
      { kind: 'cnpg' },
      { kind: 'volsync' },
    ]);
    expect(problems).toEqual([
      'backups.backstage.io/drill-policy: ignored "schedule=0 2 * * * *": expected schedule=<5-field cron, UTC> or schedule=none',
      'backups.backstage.io/drill-policy: ignored "restic": expected a tier to drill: velero or cnpg or volsync, or kind/name',
      'backups.backstage.io/drill-policy: ignored "timeLimit=soon": expected timeLimit=<duration>, e.g. 45m',
      'backups.backstage.io/drill-policy: ignored "colour=blue": expected schedule, tiers, timeLimit or keepRunning',
    ]);
  });

  it('refuses bad config at start', () => {
    expect(() =>
      readDrillConfig(
        new ConfigReader({ backups: { drills: { schedule: 'weekly' } } }),
      ),
    ).toThrow(/backups.drills.schedule/);
    expect(() =>
      readDrillConfig(
        new ConfigReader({ backups: { drills: { tiers: ['restic'] } } }),
      ),
    ).toThrow(/cannot be drilled/);
  });
});
