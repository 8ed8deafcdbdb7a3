import { matchesLabels, parseLabelSelector } from './labelSelector';

describe('label selectors', () => {
  const labels = { app: 'odoo', tier: 'db' };
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
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseLabelSelector('app in (')).toThrow();
    expect(() => parseLabelSelector('a b c')).toThrow();
  });
});
