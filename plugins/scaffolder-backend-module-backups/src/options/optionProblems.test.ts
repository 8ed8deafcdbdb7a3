import {
  bucketProblem,
  kustomizationFileProblem,
  repoPathProblem,
  scheduleProblem,
  selectorProblem,
  ttlProblem,
} from './optionProblems';

describe('option problems', () => {
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
    expect(scheduleProblem(cron)).toBeUndefined();
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
    expect(scheduleProblem(cron)).toMatch(message);
  });

  it.each(['168h', '72h30m', '1.5h', '0', '90m'])('accepts the ttl %p', ttl => {
    expect(ttlProblem(ttl)).toBeUndefined();
  });

  it.each(['7d', '1w', '7 days', 'h'])('refuses the ttl %p', ttl => {
    expect(ttlProblem(ttl)).toMatch(/is not a Go duration/);
  });

  it('refuses a negative ttl', () => {
    expect(ttlProblem('-1h')).toBe('must not be negative');
  });

  it.each([
    'app.kubernetes.io/name=odoo',
    'app.kubernetes.io/name=odoo,tier in (web,db)',
    'tier notin (dev),!legacy',
    'backup',
  ])('accepts the label selector %p', selector => {
    expect(selectorProblem(selector)).toBeUndefined();
  });

  it.each([
    ['replicas>2', /no Gt or Lt operator/],
    ['a=b,a=c', /must equal both/],
    ['a in b', /expected '\('/],
    ['-a=b', /not a valid label key/],
    [' ', /has no requirement/],
  ])('refuses the label selector %p', (selector, message) => {
    expect(selectorProblem(selector)).toMatch(message);
  });

  it.each([
    ['hayden-velero-backups', 'gcp'],
    ['backups.example.com', 'gcp'],
    ['my-bucket', 'aws'],
  ])('accepts the bucket %p for the provider %p', (bucket, provider) => {
    expect(bucketProblem(bucket, provider)).toBeUndefined();
  });

  it.each([
    ['goog-backups', 'gcp', /GCS/],
    ['my..bucket', 'gcp', /GCS/],
    ['ab', 'gcp', /GCS/],
    ['my_bucket', 'aws', /not a valid bucket name/],
  ])(
    'refuses the bucket %p for the provider %p',
    (bucket, provider, message) => {
      expect(bucketProblem(bucket, provider)).toMatch(message);
    },
  );

  it.each(['kubernetes/apps/base', '.', 'a/./b', 'apps/v1.2/@team+x'])(
    'accepts the repository path %p',
    path => {
      expect(repoPathProblem(path)).toBeUndefined();
    },
  );

  it.each([
    ['/etc', /is absolute/],
    ['\\\\server\\share', /is absolute/],
    ['C:\\apps', /is absolute/],
    ['apps/../..', /'\.\.' segment/],
    ['..', /'\.\.' segment/],
    ['apps\\..\\x', /'\.\.' segment/],
    ['apps\n  - https://evil.example.com', /control character/],
    ['apps\0', /control character/],
    ['apps//base', /segments of/],
    ['apps/base/', /segments of/],
    ['apps/my base', /segments of/],
    ['apps/#x', /segments of/],
  ])('refuses the repository path %p', (path, message) => {
    expect(repoPathProblem(path)).toMatch(message);
  });

  it.each([
    ['kubernetes/apps/overlays/cluster-00/kustomization.yaml', true],
    ['overlay/kustomization.yml', true],
    ['.github/workflows/ci.yml', false],
    ['overlay/kustomization.yaml.bak', false],
    ['overlay/my-kustomization.yaml', false],
  ])('takes %p as a kustomization file: %p', (path, ok) => {
    expect(kustomizationFileProblem(path) === undefined).toBe(ok);
  });
});
