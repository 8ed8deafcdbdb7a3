import { InputError } from '@backstage/errors';
import { resolveOptions } from '../actions/resolveOptions';
import { VeleroBackupOptions } from '../generate/VeleroBackupOptions';
import { validateOptions } from './validateOptions';

const odoo = resolveOptions(
  { appName: 'odoo', namespace: 'business-system' },
  undefined,
);
const check = (changes: Partial<VeleroBackupOptions>) => () =>
  validateOptions({ ...odoo, ...changes });

describe('validateOptions', () => {
  it('accepts the seed', () => {
    expect(check({})).not.toThrow();
  });

  it.each([
    '0 3 * * *',
    'CRON_TZ=Europe/Paris 0 3 * * *',
    'TZ=UTC 0 3 * * *',
    '@daily',
    '@every 6h',
    '0 3 ? * MON',
    '0 */6 * * *',
    '30 2 1 jan,jul *',
    '0 0 29 2 *',
  ])('accepts the schedule %p, as robfig/cron v3 ParseStandard does', cron => {
    expect(check({ schedule: cron })).not.toThrow();
  });

  it.each([
    ['0 3 * * 7', /"7" is outside 0-6 in the day of week field/],
    ['0 3 * *', /expected 5 fields .*found 4/],
    ['0 0 3 * * *', /found 6/],
    ['0 0 30 2 *', /never runs/],
    ['0 0 31 4,6,9,11 *', /never runs/],
    ['@fortnightly', /unknown descriptor/],
    ['@every 1d', /is not a Go duration/],
    ['*/0 * * * *', /step .* must be positive/],
  ])('refuses the schedule %p', (cron, message) => {
    expect(check({ schedule: cron })).toThrow(InputError);
    expect(check({ schedule: cron })).toThrow(
      new RegExp(`schedule: "${cron.replace(/[*?]/g, '\\$&')}": `),
    );
    expect(check({ schedule: cron })).toThrow(message);
  });

  it.each(['168h', '72h30m', '1.5h', '0', '90m'])('accepts the ttl %p', ttl => {
    expect(check({ ttl })).not.toThrow();
  });

  it.each(['7d', '1w', '7 days', '', 'h'])('refuses the ttl %p', ttl => {
    expect(check({ ttl })).toThrow(`ttl: "${ttl}" is not a Go duration`);
  });

  it('refuses a negative ttl', () => {
    expect(check({ ttl: '-1h' })).toThrow('ttl: "-1h" must not be negative');
  });

  it.each([
    'app.kubernetes.io/name=odoo',
    'app.kubernetes.io/name=odoo,tier in (web,db)',
    'tier notin (dev),!legacy',
    'backup',
  ])('accepts the label selector %p', labelSelector => {
    expect(check({ labelSelector })).not.toThrow();
  });

  it.each([
    ['replicas>2', /no Gt or Lt operator/],
    ['a=b,a=c', /must equal both/],
    ['a in b', /expected '\('/],
    ['-a=b', /not a valid label key/],
    ['', /has no requirement/],
  ])('refuses the label selector %p', (labelSelector, message) => {
    expect(check({ labelSelector })).toThrow(
      `labelSelector: "${labelSelector}": `,
    );
    expect(check({ labelSelector })).toThrow(message);
  });

  it.each(['appName', 'namespace'] as const)(
    'refuses an empty or missing %s',
    field => {
      expect(check({ [field]: '' })).toThrow(`${field}: must not be empty`);
      expect(check({ [field]: undefined })).toThrow(
        `${field}: must not be empty`,
      );
    },
  );

  it('blames a bad appName once, not again in the default scheduleName', () => {
    const o = resolveOptions({ appName: '', namespace: 'ns' }, undefined);
    expect(() => validateOptions(o)).toThrow(/appName: must not be empty$/);
    expect(() =>
      validateOptions({ ...o, appName: 'odoo', scheduleName: '-x' }),
    ).toThrow(/scheduleName: "-x" is not a DNS-1123 label/);
  });

  it('names every bad field in one error', () => {
    expect(
      check({
        appName: '',
        schedule: '0 0 30 2 *',
        ttl: '7d',
        labelSelector: 'a>1',
      }),
    ).toThrow(/appName: .*; schedule: .*; ttl: .*; labelSelector: /);
  });
});
