import { validateManifest } from '@internal/crd-schemas';
import {
  labelSelectorFromObject,
  matchesLabelSelector,
  parseLabelSelector,
  toLabelSelectorObject,
} from '@internal/plugin-backups-common';
import { resolveOptions } from '../actions/resolveOptions';
import { veleroLabelSelector } from './labelSelectorObject';
import { scheduleManifest } from './veleroManifests';

describe('veleroLabelSelector', () => {
  it('keeps key=value terms as matchLabels, exactly as before', () => {
    expect(veleroLabelSelector('app.kubernetes.io/name=odoo')).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'odoo' },
    });
    expect(veleroLabelSelector('a==b, c = d')).toEqual({
      matchLabels: { a: 'b', c: 'd' },
    });
  });

  it('turns set-based requirements into matchExpressions', () => {
    expect(
      veleroLabelSelector('tier in (web,db),env notin (dev),a!=b,backup,!old'),
    ).toEqual({
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'db'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'a', operator: 'NotIn', values: ['b'] },
        { key: 'backup', operator: 'Exists' },
        { key: 'old', operator: 'DoesNotExist' },
      ],
    });
  });

  it.each([
    'app.kubernetes.io/name=odoo',
    'app=odoo,tier in (web,db),env notin (dev),backup,!old',
    'app=odoo,app in (odoo,crm)',
  ])('selects what the string %p selects', text => {
    const object = veleroLabelSelector(text);
    const labels: Array<Record<string, string>> = [
      {},
      { app: 'odoo' },
      { app: 'odoo', tier: 'web', backup: '' },
      { app: 'odoo', tier: 'db', backup: 'y', env: 'dev' },
      { app: 'odoo', tier: 'db', backup: 'y', old: 'x' },
      { 'app.kubernetes.io/name': 'odoo' },
    ];
    const selector = parseLabelSelector(text);
    for (const l of labels)
      expect(matchesLabelSelector(labelSelectorFromObject(object), l)).toBe(
        matchesLabelSelector(selector, l),
      );
  });

  it.each([
    ['replicas>2', /> and < \(in "replicas>2"\) have no Gt or Lt operator/],
    ['replicas<2', /no Gt or Lt operator/],
    ['a=b,a=c', /"a" must equal both "b" and "c", so it selects nothing/],
    ['a in (b', /expected ',' or '\)'/],
  ])('refuses %p with an InputError', (text, message) => {
    expect(() => veleroLabelSelector(text)).toThrow(message);
    expect(() => veleroLabelSelector(text)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });

  it('gives an empty object for a selector without requirements', () => {
    expect(toLabelSelectorObject({ requirements: [] })).toEqual({});
  });

  it('writes a Schedule that passes the Velero CRD schema', () => {
    const schedule = scheduleManifest(
      resolveOptions(
        {
          appName: 'odoo',
          namespace: 'business-system',
          labelSelector: 'app=odoo,tier in (web,db),backup,!old',
        },
        undefined,
      ),
    );
    expect(validateManifest(schedule).errors).toEqual([]);
    expect(validateManifest(schedule).schemaFound).toBe(true);
  });
});
