import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { useEffect, useState } from 'preact/hooks';
import statesUrl from 'us-atlas/states-albers-10m.json?url';
import type { Schemas } from '../api/client';
import { arcPath, MAP_HEIGHT, MAP_WIDTH, project } from './geometry';
import { laneEnds, laneTitle } from '../pages/laneText';
import type { ChainSegment } from '../packages/chain';

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

/** A reload package's chain (empty at, each load's pickup and delivery, end), its loaded and empty legs apart. */
export interface PackageRoute {
  packageId: string;
  segments: ChainSegment[];
  title: string;
}

interface LaneMapProps {
  lanes: Schemas['Lane'][];
  selectedLaneId?: string;
  onOpen?: (laneId: string) => void;
  matchRoutes?: MatchRoute[];
  packageRoutes?: PackageRoute[];
  selectedPackageId?: string;
}

/**
 * Own lanes as arcs on a map of the US: trucks in blue, loads in orange, the selected lane thicker; a lane's
 * matches as green routes through their stops; a truck's reload packages as chains, loaded legs solid and empty
 * legs dashed, the selected one over the others.
 */
export function LaneMap({ lanes, selectedLaneId, onOpen, matchRoutes = [], packageRoutes = [], selectedPackageId }: LaneMapProps) {
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
  const chains = packageRoutes.flatMap((route) => {
    const segments = route.segments.map((segment) => ({
      segment,
      from: project(segment.from.longitudeDegrees, segment.from.latitudeDegrees),
      to: project(segment.to.longitudeDegrees, segment.to.latitudeDegrees),
    }));
    return segments.every(({ from, to }) => from && to)
      ? [{ route, segments: segments as { segment: ChainSegment; from: [number, number]; to: [number, number] }[] }]
      : [];
  });
  // The selected package is drawn last, over the others.
  chains.sort((a, b) => Number(a.route.packageId === selectedPackageId) - Number(b.route.packageId === selectedPackageId));
  const trucks = drawn.filter(({ lane }) => lane.kind === 'CAPACITY').length;
  const summary =
    `Map of the United States with ${drawn.length} of your lanes as arcs: ${trucks} trucks, ${drawn.length - trucks} loads` +
    (routes.length ? `, and the routes of ${routes.length} match(es)` : '') +
    (chains.length ? `, and ${chains.length} reload package(s) as chains of loaded (solid) and empty (dashed) legs` : '') +
    '.';

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
        <g class="package-routes">
          {chains.map(({ route, segments }) => (
            <g
              key={route.packageId}
              class={`package-route${route.packageId === selectedPackageId ? ' package-selected' : ''}`}
              data-package-id={route.packageId}
            >
              <title>{route.title}</title>
              {segments.map(({ segment, from, to }) => (
                <path
                  key={segment.hop}
                  class={`arc ${segment.loaded ? 'leg-loaded' : 'leg-empty'}`}
                  data-hop={segment.hop}
                  d={arcPath(from, to)}
                />
              ))}
              {segments.slice(1).map(({ segment, from }) => (
                <circle key={segment.hop} class={segment.loaded ? 'stop-pickup' : 'stop-delivery'} cx={from[0]} cy={from[1]} r={3.5} />
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
        {chains.length > 0 && (
          <>
            {' '}
            <span class="legend legend-package-loaded" aria-hidden="true" /> package, loaded{' '}
            <span class="legend legend-package-empty" aria-hidden="true" /> package, empty
          </>
        )}
        {offMap > 0 && <> · {offMap} lane(s) outside the US are in the list only</>}
        {failure && <span role="alert"> · {failure}</span>}
      </figcaption>
    </figure>
  );
}
