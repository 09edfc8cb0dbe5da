import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../api/client';
import type { Problem } from '../api/problem';
import { LaneMap } from '../map/LaneMap';
import { ProblemAlert } from '../ui/ProblemAlert';
import { equipmentName, kindName, laneRoute, laneWhen } from './laneText';
import { PostLaneForm, type LaneKind } from './PostLaneForm';

const PAGE_SIZE = 100;

export function Lanes({ partner }: { partner: Schemas['Partner'] }) {
  const postable: LaneKind[] = [
    ...(partner.roles.includes('CARRIER') ? (['CAPACITY'] as const) : []),
    ...(partner.roles.includes('SHIPPER') ? (['LOAD'] as const) : []),
  ];
  const [lanes, setLanes] = useState<Schemas['Lane'][] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [posting, setPosting] = useState<LaneKind | null>(null);
  const [posted, setPosted] = useState<string>('');
  const postedRef = useRef<HTMLParagraphElement>(null);

  async function load(cursor?: string) {
    const outcome = await call(api.GET('/lanes', { params: { query: { limit: PAGE_SIZE, cursor } } }));
    if (outcome.ok) {
      setProblem(null);
      setLanes((current) => (cursor ? [...(current ?? []), ...outcome.data.items] : outcome.data.items));
      setNextCursor(outcome.data.nextCursor);
    } else {
      setProblem(outcome.problem);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  function onPosted(lane: Schemas['Lane']) {
    setPosting(null);
    setPosted(`${kindName(lane)} posted: ${laneRoute(lane)}. Matching runs in the background.`);
    void load();
  }

  useEffect(() => {
    if (posted) {
      postedRef.current?.focus();
    }
  }, [posted]);

  return (
    <main id="main">
      <h1>Your lanes</h1>
      <ProblemAlert problem={problem} />
      <p role="status" tabIndex={-1} ref={postedRef} class={posted ? 'notice' : undefined}>
        {posted}
      </p>
      {postable.length > 0 && (
        <div class="actions">
          {postable.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-expanded={posting === kind}
              aria-controls="post-lane"
              onClick={() => {
                setPosted('');
                setPosting(posting === kind ? null : kind);
              }}
            >
              {kind === 'CAPACITY' ? 'Post a truck' : 'Post a load'}
            </button>
          ))}
        </div>
      )}
      {posting && (
        <section id="post-lane" aria-labelledby="post-lane-heading">
          <h2 id="post-lane-heading">{posting === 'CAPACITY' ? 'Post a truck' : 'Post a load'}</h2>
          <PostLaneForm key={posting} kind={posting} onPosted={onPosted} />
        </section>
      )}
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">On the map</h2>
        <LaneMap lanes={lanes ?? []} onOpen={(laneId) => (window.location.hash = `#/lanes/${laneId}`)} />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">List</h2>
        {lanes === null ? (
          <p>Loading your lanes…</p>
        ) : lanes.length === 0 ? (
          <p>You have no lanes yet.</p>
        ) : (
          <table class="lanes">
            <caption class="visually-hidden">Your lanes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Route</th>
                <th scope="col">When</th>
                <th scope="col">Equipment</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {lanes.map((lane) => (
                <tr key={lane.laneId} data-lane-id={lane.laneId}>
                  <td>{kindName(lane)}</td>
                  <td>
                    <a href={`#/lanes/${lane.laneId}`}>{laneRoute(lane)}</a>
                  </td>
                  <td>{laneWhen(lane)}</td>
                  <td>{equipmentName(lane.equipment)}</td>
                  <td>{lane.status.toLowerCase()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextCursor && (
          <button type="button" onClick={() => load(nextCursor)}>
            Show more lanes
          </button>
        )}
      </section>
    </main>
  );
}
