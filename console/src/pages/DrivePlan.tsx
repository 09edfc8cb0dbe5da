import type { Schemas } from '../api/client';
import { formatZoned } from '../api/zoned';
import { miles } from './laneText';

const ACTIVITY_NAMES: Record<Schemas['DriveActivity']['kind'], string> = {
  DRIVING: 'Driving',
  BREAK: 'Break',
  REST: 'Rest',
  WAITING: 'Waiting for a window',
  DWELL: 'Loading or unloading',
};

/**
 * A drive plan as a timeline: each stretch of driving (named by `legName` from its leg index), break, rest, wait
 * and dwell with when it starts, how long it lasts and its miles. The plan's instants are UTC; they are shown in
 * `zone` (the first stop's).
 */
export function DrivePlan({ activities, zone, legName }: {
  activities: Schemas['DriveActivity'][];
  zone: string | undefined;
  legName: (legIndex: number) => string;
}) {
  return (
    <ol class="drive-plan">
      {activities.map((activity, index) => (
        <li key={index} class={`activity activity-${activity.kind.toLowerCase()}`}>
          {ACTIVITY_NAMES[activity.kind]}
          {activity.kind === 'DRIVING' && activity.legIndex !== undefined ? ` ${legName(activity.legIndex)}` : ''}:{' '}
          {formatZoned(activity.startsAt, zone)}, {activity.durationMinutes} min
          {activity.miles !== undefined ? `, ${miles(activity.miles)}` : ''}
        </li>
      ))}
    </ol>
  );
}
