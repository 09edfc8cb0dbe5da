import { groupedBars, tickLabel } from './chart';

/** Series colours, each at least 3:1 against white (WCAG 2.2 1.4.11), told apart by the legend and the table too. */
const SERIES_COLOURS = ['#0b57d0', '#b7410e', '#1b7f3b', '#6b21a8', '#9a3412', '#be185d', '#374151'];

const WIDTH = 720;
const HEIGHT = 300;
const LEFT = 72;
const BOTTOM = 48;
const TOP = 16;

interface BarChartProps {
  /** Names the chart for screen readers and the table's caption. */
  title: string;
  groups: string[];
  series: string[];
  /** values[group][series]; null where a series has no value for a group. */
  values: (number | null)[][];
  format: (value: number) => string;
  unitLabel: string;
  /** The heading of the table's first column, what a group is. */
  groupHeading?: string;
}

/**
 * A grouped bar chart drawn as SVG, with a legend, each bar's value in its tooltip title, and the same figures
 * as a table beside it (the chart itself is one image for assistive technology: the table is what they read).
 */
export function BarChart({ title, groups, series, values, format, unitLabel, groupHeading = 'Member' }: BarChartProps) {
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const layout = groupedBars(values, plotWidth, plotHeight);
  // Up to 12 groups (members, rules) every label is drawn; more (a series of days or weeks) get every n-th label
  // that fits without overlapping, at about 7 px a character.
  const longestLabel = Math.max(1, ...groups.map((group) => Math.min(group.length, 18)));
  const labelsThatFit = Math.max(1, Math.floor(plotWidth / (longestLabel * 7 + 12)));
  const labelEvery = groups.length > 12 ? Math.ceil(groups.length / labelsThatFit) : 1;
  const colour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
  return (
    <figure class="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: a bar chart; the table below gives its figures.`}>
        <g transform={`translate(${LEFT},${TOP})`}>
          {layout.scale.ticks.map((tick) => (
            <g key={tick} class="tick">
              <line x1={0} x2={plotWidth} y1={layout.scale.at(tick)} y2={layout.scale.at(tick)} />
              <text x={-6} y={layout.scale.at(tick)} dy="0.32em" text-anchor="end">
                {tickLabel(tick)}
              </text>
            </g>
          ))}
          <text class="axis-unit" x={-LEFT + 4} y={-4}>
            {unitLabel}
          </text>
          {layout.bars.map((bar) => (
            <rect
              key={`${bar.group}-${bar.series}`}
              class="bar"
              data-group={groups[bar.group]}
              data-series={series[bar.series]}
              x={bar.x}
              y={bar.y}
              width={Math.max(1, bar.width - 2)}
              height={Math.max(bar.height, 0.5)}
              fill={colour(bar.series)}
            >
              <title>{`${groups[bar.group]}, ${series[bar.series]}: ${format(bar.value)}`}</title>
            </rect>
          ))}
          <line class="baseline" x1={0} x2={plotWidth} y1={layout.zeroY} y2={layout.zeroY} />
          {groups.map((group, index) =>
            // Many groups (a year of weeks): every n-th label, so that they do not overlap; the table has them all.
            index % labelEvery === 0 ? (
              <text key={group} class="group-label" x={layout.groupCentres[index]} y={plotHeight + 18} text-anchor="middle">
                {group.length > 18 ? `${group.slice(0, 17)}…` : group}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <figcaption>
        <ul class="chart-legend" aria-label="Legend">
          {series.map((name, index) => (
            <li key={name}>
              <span class="swatch" style={{ background: colour(index) }} aria-hidden="true" /> {name}
            </li>
          ))}
        </ul>
      </figcaption>
      <table class="lanes chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{groupHeading}</th>
            {series.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group, groupIndex) => (
            <tr key={group}>
              <th scope="row">{group}</th>
              {series.map((name, seriesIndex) => {
                const value = values[groupIndex]?.[seriesIndex];
                return <td key={name}>{value === null || value === undefined ? '—' : format(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
