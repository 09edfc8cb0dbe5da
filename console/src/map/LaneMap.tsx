import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { useEffect, useState } from 'preact/hooks';
import statesUrl from 'us-atlas/states-albers-10m.json?url';
import type { Schemas } from '../api/client';
import { arcPath, MAP_HEIGHT, MAP_WIDTH, project } from './geometry';
import { laneEnds, laneTitle } from '../pages/laneText';

export interface Atlas {
  states: string[];
  borders: string;
}

let atlasLoad: Promise<Atlas> | null = null;

/** The states' outlines, shipped with the build as a static asset (no tiles, nothing from the internet). */
export function loadAtlas(): Promise<Atlas> {
  atlasLoad ??= fetch(statesUrl)
    .then((response) => {
      if (!response.ok) {
        throw new Error(`The map outline could not be loaded (${response.status})`);
      }
      return response.json() as Promise<Topology<{ states: GeometryCollection; nation: GeometryCollection }>>;
    })
    .then((us) => {
      const path = geoPath();
      const states = feature(us, us.objects.states);
      return {
        states: states.features.map((state) => path(state) ?? ''),
        borders: path(mesh(us, us.objects.states, (a, b) => a !== b)) ?? '',
      };
    });
  atlasLoad.catch(() => {
    atlasLoad = null;
  });
  return atlasLoad;
}

/** A match's way through its stops (empty at, pickup, delivery, end), highlighted beside the lanes. */
export interface MatchRoute {
  matchId: string;
  stops: Schemas['GeoPoint'][];
  title: string;
}

interface LaneMapProps {
  lanes: Schemas['Lane'][];
  selectedLaneId?: string;
  onOpen?: (laneId: string) => void;
  matchRoutes?: MatchRoute[];
}

/**
 * Own lanes as arcs on a map of the US: trucks in blue, loads in orange, the selected lane thicker; a lane's
 * matches as green routes through their stops.
 */
export function LaneMap({ lanes, selectedLaneId, onOpen, matchRoutes = [] }: LaneMapProps) {
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    loadAtlas().then(setAtlas, (error: Error) => setFailure(error.message));
  }, []);

  const drawn = lanes.flatMap((lane) => {
    const [from, to] = laneEnds(lane);
    const start = project(from.longitudeDegrees, from.latitudeDegrees);
    const end = project(to.longitudeDegrees, to.latitudeDegrees);
    return start && end ? [{ lane, start, end }] : [];
  });
  const offMap = lanes.length - drawn.length;
  const routes = matchRoutes.flatMap((route) => {
    const points = route.stops.map((stop) => project(stop.longitudeDegrees, stop.latitudeDegrees));
    return points.every((point) => point !== null) ? [{ route, points: points as [number, number][] }] : [];
  });
  const trucks = drawn.filter(({ lane }) => lane.kind === 'CAPACITY').length;
  const summary =
    `Map of the United States with ${drawn.length} of your lanes as arcs: ${trucks} trucks, ${drawn.length - trucks} loads` +
    (routes.length ? `, and the routes of ${routes.length} match(es).` : '.');

  return (
    <figure class="lane-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label={summary}
        data-lanes-drawn={drawn.length}
        data-states-drawn={atlas?.states.length ?? 0}
      >
        <g class="states">
          {atlas?.states.map((d, index) => <path key={index} d={d} />)}
          {atlas && <path class="borders" d={atlas.borders} />}
        </g>
        <g class="match-routes">
          {routes.map(({ route, points }) => (
            <g key={route.matchId} class="match-route" data-match-id={route.matchId}>
              <title>{route.title}</title>
              <path class="arc" d={points.slice(1).map((point, index) => arcPath(points[index]!, point)).join('')} />
              {points.slice(1, -1).map((point, index) => (
                <circle key={index} cx={point[0]} cy={point[1]} r={3.5} />
              ))}
            </g>
          ))}
        </g>
        <g class="lanes">
          {drawn.map(({ lane, start, end }) => (
            <g
              key={lane.laneId}
              class={`lane lane-${lane.kind.toLowerCase()}${lane.laneId === selectedLaneId ? ' lane-selected' : ''}`}
              data-lane-id={lane.laneId}
              onClick={onOpen ? () => onOpen(lane.laneId) : undefined}
            >
              <title>{laneTitle(lane)}</title>
              <path class="arc" d={arcPath(start, end)} />
              <circle class="start" cx={start[0]} cy={start[1]} r={4} />
              <circle class="end" cx={end[0]} cy={end[1]} r={4} />
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <span class="legend legend-capacity" aria-hidden="true" /> trucks <span class="legend legend-load" aria-hidden="true" /> loads
        {routes.length > 0 && (
          <>
            {' '}
            <span class="legend legend-match" aria-hidden="true" /> match routes
          </>
        )}
        {offMap > 0 && <> · {offMap} lane(s) outside the US are in the list only</>}
        {failure && <span role="alert"> · {failure}</span>}
      </figcaption>
    </figure>
  );
}
