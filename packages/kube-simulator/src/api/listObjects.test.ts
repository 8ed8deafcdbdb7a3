import { KubeObject } from '../store/KubeObject';
import { listPage, selectorFilter } from './listObjects';
import { StatusError } from './status';

function pod(name: string, labels: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'business-system', labels },
  };
}

describe('selectorFilter', () => {
  const odoo = pod('odoo', { app: 'odoo', tier: 'db' });

  it.each([
    ['app=odoo', true],
    ['app==odoo', true],
    ['app!=odoo', false],
    ['app in (odoo,crm)', true],
    ['app notin (odoo)', false],
    ['tier', true],
    ['!tier', false],
    ['app=odoo,tier in (db)', true],
    ['missing!=x', true],
    ['', true],
  ])('labelSelector %j → %s', (labelSelector, expected) => {
    expect(selectorFilter({ labelSelector })(odoo)).toBe(expected);
  });

  it('applies label and field selectors together', () => {
    const matches = selectorFilter({
      labelSelector: 'app=odoo',
      fieldSelector: 'metadata.name=odoo,metadata.namespace!=velero',
    });
    expect(matches(odoo)).toBe(true);
    expect(matches(pod('other', { app: 'odoo' }))).toBe(false);
  });

  it.each(['app in (', 'a b c', '-a=b', 'a=b c=d'])(
    'answers 400 BadRequest for the malformed label selector %j',
    labelSelector => {
      let thrown: unknown;
      try {
        selectorFilter({ labelSelector });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(StatusError);
      expect((thrown as StatusError).status).toMatchObject({
        kind: 'Status',
        code: 400,
        reason: 'BadRequest',
        message: expect.stringMatching(/^unable to parse requirement: /),
      });
      expect((thrown as StatusError).status.message).not.toMatch(
        /Invalid label selector/,
      );
    },
  );

  it('answers 400 for an unsupported field selector', () => {
    expect(() => selectorFilter({ fieldSelector: 'spec.nodeName=a' })).toThrow(
      StatusError,
    );
  });
});

describe('listPage', () => {
  it('filters before paging', () => {
    const objects = ['a', 'b', 'c', 'd'].map(n =>
      pod(n, { keep: n === 'b' ? 'no' : 'yes' }),
    );
    const first = listPage(objects, { labelSelector: 'keep=yes', limit: 2 }, 7);
    expect(first.items.map(o => o.metadata.name)).toEqual(['a', 'c']);
    expect(first.metadata.remainingItemCount).toBe(1);
    const second = listPage(
      objects,
      {
        labelSelector: 'keep=yes',
        limit: 2,
        continueToken: first.metadata.continue as string,
      },
      7,
    );
    expect(second.items.map(o => o.metadata.name)).toEqual(['d']);
  });
});
