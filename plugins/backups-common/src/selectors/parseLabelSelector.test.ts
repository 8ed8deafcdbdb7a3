import { formatLabelSelector } from './formatLabelSelector';
import { labelSelectorFromObject } from './labelSelectorFromObject';
import { MAX_LABEL_SELECTOR_LENGTH } from './LabelSelector';
import {
  matchesLabelSelector,
  unmetRequirements,
} from './matchesLabelSelector';
import { parseLabelSelector } from './parseLabelSelector';
import { toLabelSelectorObject } from './toLabelSelectorObject';

const odoo = { 'app.kubernetes.io/name': 'odoo', tier: 'web', replicas: '3' };

describe('parseLabelSelector', () => {
  it.each([
    ['app.kubernetes.io/name=odoo', true],
    ['app.kubernetes.io/name==odoo', true],
    ['app.kubernetes.io/name!=odoo', false],
    ['tier in (web, db)', true],
    ['tier notin (web)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['missing!=x', true],
    ['replicas>2', true],
    ['replicas<2', false],
    ['app.kubernetes.io/name=odoo,tier in (web),!missing', true],
    ['', true],
    ['  tier  =  web  ', true],
  ])('%j matches the Odoo labels: %s', (text, expected) => {
    expect(matchesLabelSelector(parseLabelSelector(text), odoo)).toBe(expected);
  });

  it('reads "in ()" as the empty value, like Kubernetes', () => {
    const selector = parseLabelSelector('tier in ()');
    expect(selector.requirements[0].values).toEqual(['']);
    expect(matchesLabelSelector(selector, { tier: '' })).toBe(true);
  });

  it.each([
    ['a=b,', /expected a label key/],
    ['a in b', /expected '\('/],
    ['a in (b', /expected ',' or '\)'/],
    ['a b', /expected an operator/],
    ['=b', /expected a label key/],
    ['a>b', /integer/],
    ['-a=b', /not a valid label key/],
    ['a=-b', /not a valid label value/],
    ['UPPER.example.com/x=y', /invalid prefix/],
    [`a=${'x'.repeat(64)}`, /not a valid label value/],
    ['a=b c=d', /expected ','/],
  ])('rejects %j', (text, message) => {
    expect(() => parseLabelSelector(text)).toThrow(message);
  });

  it('bounds the length and stays linear on long input', () => {
    expect(() =>
      parseLabelSelector('a'.repeat(MAX_LABEL_SELECTOR_LENGTH + 1)),
    ).toThrow(/longer than/);
    const long = Array.from({ length: 300 }, (_, i) => `k${i}=v`).join(',');
    expect(parseLabelSelector(long).requirements).toHaveLength(300);
  });

  it('never matches inherited keys such as constructor or __proto__', () => {
    expect(matchesLabelSelector(parseLabelSelector('constructor'), {})).toBe(
      false,
    );
    expect(matchesLabelSelector(parseLabelSelector('!constructor'), {})).toBe(
      true,
    );
    expect(matchesLabelSelector(parseLabelSelector('toString!=x'), {})).toBe(
      true,
    );
    // "__proto__" is no valid key name, so it never reaches the matcher.
    expect(() => parseLabelSelector('__proto__')).toThrow(/not a valid/);
    const polluted = JSON.parse('{"__proto__": {"x": "y"}}');
    expect(matchesLabelSelector(parseLabelSelector('x=y'), polluted)).toBe(
      false,
    );
  });

  it('round-trips through the string form', () => {
    const text = 'app.kubernetes.io/name=odoo,tier in (db,web),!x,y!=z,n>1';
    expect(formatLabelSelector(parseLabelSelector(text))).toBe(text);
    expect(formatLabelSelector(parseLabelSelector(''))).toBeUndefined();
  });
});

describe('labelSelectorFromObject', () => {
  it('turns matchLabels and matchExpressions into requirements', () => {
    const selector = labelSelectorFromObject({
      matchLabels: { 'app.kubernetes.io/name': 'odoo' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'db'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(formatLabelSelector(selector)).toBe(
      'app.kubernetes.io/name=odoo,tier in (web,db),!legacy',
    );
    expect(matchesLabelSelector(selector, odoo)).toBe(true);
    expect(unmetRequirements(selector, { tier: 'web' })).toEqual([
      { key: 'app.kubernetes.io/name', operator: 'In', values: ['odoo'] },
    ]);
  });

  it('selects everything when absent or empty, as Velero does', () => {
    expect(labelSelectorFromObject(undefined).requirements).toEqual([]);
    expect(matchesLabelSelector(labelSelectorFromObject({}), {})).toBe(true);
  });

  it.each([
    [{ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] }],
    [{ matchExpressions: [{ key: 'a', operator: 'In' }] }],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] }],
    [{ matchExpressions: [{ key: 'a', operator: 'constructor', values: [] }] }],
    [{ matchLabels: { 'bad key': 'b' } }],
  ])('rejects %j', object => {
    expect(() => labelSelectorFromObject(object as any)).toThrow(
      /Invalid label selector/,
    );
  });
});

describe('toLabelSelectorObject', () => {
  it('writes key=value terms as matchLabels and set-based ones as matchExpressions', () => {
    const text = 'app.kubernetes.io/name=odoo,tier in (web,db),!legacy,backup';
    const object = toLabelSelectorObject(parseLabelSelector(text));
    expect(object).toEqual({
      matchLabels: { 'app.kubernetes.io/name': 'odoo' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'db'] },
        { key: 'legacy', operator: 'DoesNotExist' },
        { key: 'backup', operator: 'Exists' },
      ],
    });
    expect(formatLabelSelector(labelSelectorFromObject(object))).toBe(
      'app.kubernetes.io/name=odoo,tier in (web,db),!legacy,backup',
    );
  });

  it('refuses what a LabelSelector object cannot hold', () => {
    expect(() => toLabelSelectorObject(parseLabelSelector('n>1'))).toThrow(
      /no Gt or Lt operator/,
    );
    expect(() => toLabelSelectorObject(parseLabelSelector('a=b,a=c'))).toThrow(
      /selects nothing/,
    );
  });
});
