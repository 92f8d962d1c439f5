import { describe, expect, it } from 'vitest';
import { median, nearestRankPercentile, upperMedian, upperRankPercentile } from './statistics.ts';

/** 84 search timings in ms, 1 to 84, shuffled as a round of runs leaves them. */
const eightyFourRuns = Array.from({ length: 84 }, (_, i) => ((i * 37) % 84) + 1);

describe('median', () => {
  it('is 0 for a round that measured nothing', () => {
    expect(median([])).toBe(0);
  });

  it('is the one timing of a single round', () => {
    expect(median([412])).toBe(412);
  });

  it('is the middle timing of an odd count, whatever their order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  it('is the mean of the two middle timings of an even count', () => {
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it('leaves the timings it was given in their order', () => {
    const timings = [3, 1, 2];
    median(timings);
    expect(timings).toEqual([3, 1, 2]);
  });
});

describe('upperMedian', () => {
  it('is 0 for a round that measured nothing', () => {
    expect(upperMedian([])).toBe(0);
  });

  it('is the one timing of a single round', () => {
    expect(upperMedian([412])).toBe(412);
  });

  it('is the middle timing of an odd count', () => {
    expect(upperMedian([30, 10, 20])).toBe(20);
  });

  it('is the upper of the two middle timings of an even count, never their mean', () => {
    expect(upperMedian([40, 10, 30, 20])).toBe(30);
  });
});

describe('nearestRankPercentile', () => {
  it('is 0 for a round that measured nothing', () => {
    expect(nearestRankPercentile([], 0.95)).toBe(0);
  });

  it('is the one timing of a single run at every fraction', () => {
    expect(nearestRankPercentile([7.5], 0)).toBe(7.5);
    expect(nearestRankPercentile([7.5], 0.5)).toBe(7.5);
    expect(nearestRankPercentile([7.5], 1)).toBe(7.5);
  });

  it('takes the lower of the two middle timings at 0.5 of an even count', () => {
    expect(nearestRankPercentile([40, 10, 30, 20], 0.5)).toBe(20);
  });

  it('is the 80th of 84 runs at 0.95 (79.8 rounds up) and the 76th at 0.9 (75.6)', () => {
    expect(nearestRankPercentile(eightyFourRuns, 0.95)).toBe(80);
    expect(nearestRankPercentile(eightyFourRuns, 0.9)).toBe(76);
  });

  it('is the 95th of 100 runs at 0.95, the smallest with 95 at or below it', () => {
    const hundredRuns = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(nearestRankPercentile(hundredRuns, 0.95)).toBe(95);
  });

  it('is the smallest timing at 0 and the largest at 1', () => {
    expect(nearestRankPercentile(eightyFourRuns, 0)).toBe(1);
    expect(nearestRankPercentile(eightyFourRuns, 1)).toBe(84);
  });
});

describe('upperRankPercentile', () => {
  it('is NaN for a round that measured nothing', () => {
    expect(upperRankPercentile([], 0.95)).toBeNaN();
  });

  it('is the one timing of a single run at every fraction', () => {
    expect(upperRankPercentile([7.5], 0)).toBe(7.5);
    expect(upperRankPercentile([7.5], 0.99)).toBe(7.5);
    expect(upperRankPercentile([7.5], 1)).toBe(7.5);
  });

  it('is the upper median at 0.5', () => {
    expect(upperRankPercentile([40, 10, 30, 20], 0.5)).toBe(30);
    expect(upperRankPercentile([30, 10, 20], 0.5)).toBe(upperMedian([30, 10, 20]));
  });

  it('agrees with the nearest rank at 0.95 of 84 runs, where 0.95 × 84 is not whole', () => {
    expect(upperRankPercentile(eightyFourRuns, 0.95)).toBe(80);
  });

  it('takes the 96th of 100 runs at 0.95, one above the nearest rank', () => {
    const hundredRuns = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(upperRankPercentile(hundredRuns, 0.95)).toBe(96);
  });

  it('is the smallest timing at 0 and the largest at 1', () => {
    expect(upperRankPercentile(eightyFourRuns, 0)).toBe(1);
    expect(upperRankPercentile(eightyFourRuns, 1)).toBe(84);
  });
});
