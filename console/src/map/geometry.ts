import { geoAlbersUsa } from 'd3-geo';

// us-atlas's states-albers-10m is already projected with this projection into a 975 x 610 frame, so the
// states are drawn as they are and only the lanes' points are projected.
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;
const projection = geoAlbersUsa().scale(1300).translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);

export type Point = [number, number];

/** Where a place is on the map; null outside the US lower 48, Alaska and Hawaii. */
export function project(longitudeDegrees: number, latitudeDegrees: number): Point | null {
  return projection([longitudeDegrees, latitudeDegrees]) as Point | null;
}

/**
 * An arc from `from` to `to`: a quadratic curve bowed to the left of the direction of travel by a fifth of
 * its length, so that a lane and its way back are two arcs, not one line.
 */
export function arcPath(from: Point, to: Point): string {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const bow = 0.2;
  const controlX = (x1 + x2) / 2 + dy * bow;
  const controlY = (y1 + y2) / 2 - dx * bow;
  const round = (value: number) => Math.round(value * 10) / 10;
  return `M${round(x1)},${round(y1)}Q${round(controlX)},${round(controlY)} ${round(x2)},${round(y2)}`;
}
