import { keepWorstPerBucket } from './keepWorstPerBucket';

describe('keepWorstPerBucket', () => {
  const at = (t: number, v: number | null) => ({ t, v });
  const merge = (items: Array<{ t: number; v: number | null }>) =>
    keepWorstPerBucket(items, {
      time: i => i.t,
      value: i => i.v,
      from: 0,
      width: 10,
    });

  it('keeps the largest value of each bucket, oldest first', () => {
    expect(
      merge([at(12, 1), at(1, 5), at(3, 7), at(15, 2), at(30, null)]),
    ).toEqual([at(3, 7), at(15, 2), at(30, null)]);
  });

  it('prefers any value to a missing one, and the first of equal ones', () => {
    expect(merge([at(1, null), at(2, 0), at(3, 0)])).toEqual([at(2, 0)]);
  });
});
