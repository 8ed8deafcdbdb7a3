import { isGoDuration, parseGoDuration } from './parseGoDuration';

describe('parseGoDuration', () => {
  it.each([
    ['168h0m0s', 168 * 3600],
    ['720h', 720 * 3600],
    ['1m30.5s', 90.5],
    ['1h30m', 5400],
    ['.5h', 1800],
    ['1.5h', 5400],
    ['250ms', 0.25],
    ['0', 0],
    ['-1m', -60],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBeCloseTo(seconds, 6);
  });

  it.each(['7d', '1 hour', '26', 'h', '', '1h 30m', '1w', 'P1D'])(
    'rejects %j as Go does',
    text => {
      expect(parseGoDuration(text)).toBeUndefined();
      expect(isGoDuration(text)).toBe(false);
    },
  );
});
