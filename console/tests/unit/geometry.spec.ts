import { expect, test } from '@playwright/test';
import { arcPath, MAP_HEIGHT, MAP_WIDTH, project } from '../../src/map/geometry';

test('US cities fall inside the map, west to the left of east', () => {
  const memphis = project(-90.049, 35.1495)!;
  const losAngeles = project(-118.2437, 34.0522)!;
  const newYork = project(-74.006, 40.7128)!;
  for (const [x, y] of [memphis, losAngeles, newYork]) {
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(MAP_WIDTH);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(MAP_HEIGHT);
  }
  expect(losAngeles[0]).toBeLessThan(memphis[0]);
  expect(memphis[0]).toBeLessThan(newYork[0]);
});

test('a place outside the US is not on the map', () => {
  expect(project(4.8357, 45.764)).toBeNull(); // Lyon
});

test('an arc starts and ends at its places and bows off the straight line', () => {
  expect(arcPath([0, 0], [100, 0])).toBe('M0,0Q50,-20 100,0');
  // The way back bows to the other side, so the two lanes are two arcs.
  expect(arcPath([100, 0], [0, 0])).toBe('M100,0Q50,20 0,0');
});
