import { useEffect, useState } from 'preact/hooks';
import { loadAtlas, type Atlas } from '../map/LaneMap';
import { arcPath, MAP_HEIGHT, MAP_WIDTH, project, type Point } from '../map/geometry';

export interface TrailPlace {
  latitude: number;
  longitude: number;
  label: string;
}

/**
 * A booking on the US map: the pickup and the delivery, the truck's last known position between them, the way
 * behind it solid and the way ahead dashed. Before the first report, the way from pickup to delivery, dashed.
 */
export function TrailMap({ pickup, delivery, truck, nextStop }: {
  pickup: TrailPlace;
  delivery: TrailPlace;
  truck?: TrailPlace;
  nextStop?: 'PICKUP' | 'DELIVERY';
}) {
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadAtlas().then(setAtlas, (error: Error) => setFailure(error.message));
  }, []);

  const at = (place: TrailPlace) => project(place.longitude, place.latitude);
  const from = at(pickup);
  const to = at(delivery);
  const here = truck ? at(truck) : null;
  const segments: { from: Point; to: Point; done: boolean }[] = [];
  if (from && to) {
    if (here && nextStop === 'PICKUP') {
      segments.push({ from: here, to: from, done: false }, { from, to, done: false });
    } else if (here && nextStop === 'DELIVERY') {
      segments.push({ from, to: here, done: true }, { from: here, to, done: false });
    } else if (here) {
      segments.push({ from, to, done: true });
    } else {
      segments.push({ from, to, done: false });
    }
  }
  const summary =
    `Map of the United States: the pickup at ${pickup.label}, the delivery at ${delivery.label}` +
    (truck ? `, and the truck last seen at ${truck.label}.` : '; no position reported yet.');

  return (
    <figure class="lane-map trail-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label={summary} data-truck-drawn={here ? 1 : 0}>
        <g class="states">
          {atlas?.states.map((d, index) => <path key={index} d={d} />)}
          {atlas && <path class="borders" d={atlas.borders} />}
        </g>
        <g class="trail">
          {segments.map((segment, index) => (
            <path key={index} class={segment.done ? 'trail-done' : 'trail-ahead'} d={arcPath(segment.from, segment.to)} />
          ))}
          {from && <circle class="trail-stop" cx={from[0]} cy={from[1]} r={5}><title>Pickup: {pickup.label}</title></circle>}
          {to && <circle class="trail-stop" cx={to[0]} cy={to[1]} r={5}><title>Delivery: {delivery.label}</title></circle>}
          {here && <circle class="trail-truck" cx={here[0]} cy={here[1]} r={6}><title>The truck: {truck?.label}</title></circle>}
        </g>
      </svg>
      <figcaption>
        <span class="legend" aria-hidden="true" /> the way behind <span class="legend legend-ahead" aria-hidden="true" /> the way ahead
        {failure && <span role="alert"> · {failure}</span>}
      </figcaption>
    </figure>
  );
}
