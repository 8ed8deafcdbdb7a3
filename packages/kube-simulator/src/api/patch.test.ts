import { jsonPatch, mergePatch } from './patch';

describe('patches', () => {
  it('merge patch replaces, merges and removes with null', () => {
    expect(
      mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] }),
    ).toEqual({ a: 1, b: { d: 3, e: 4 }, f: [1] });
  });

  it('json patch adds, replaces, removes and tests', () => {
    const doc = { spec: { paused: false, list: ['a'] } };
    expect(
      jsonPatch(doc, [
        { op: 'test', path: '/spec/paused', value: false },
        { op: 'replace', path: '/spec/paused', value: true },
        { op: 'add', path: '/spec/list/-', value: 'b' },
        { op: 'remove', path: '/spec/list/0' },
      ]),
    ).toEqual({ spec: { paused: true, list: ['b'] } });
    expect(() =>
      jsonPatch(doc, [{ op: 'test', path: '/spec/paused', value: true }]),
    ).toThrow(/test operation failed/);
  });
});
