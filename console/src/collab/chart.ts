// The console draws its own charts as SVG (issue 13: no chart library). This is the arithmetic behind them,
// kept free of the DOM so that it is unit tested: a linear scale over "nice" ticks that always shows zero, and
// the bars of a grouped bar chart (one group per member, one bar per series) going up or down from zero.

export interface Scale {
  /** The domain, widened to nice round numbers and always including zero. */
  min: number;
  max: number;
  ticks: number[];
  /** A value's position in pixels, `range[0]` at `min` and `range[1]` at `max`. */
  at: (value: number) => number;
}

/** The step among 1, 2, 5 × 10^k that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) {
    return 1;
  }
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** A linear scale over `values` (and zero), with about `tickCount` ticks, onto the pixel range `[from, to]`. */
export function linearScale(values: number[], range: [number, number], tickCount = 5): Scale {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (low === high) {
    high = 1;
  }
  const step = niceStep(high - low, tickCount);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let tick = low; tick <= high + step / 2; tick += step) {
    // Rounded to the step's precision, so that 0.1 + 0.2 shows as 0.3.
    ticks.push(Number(tick.toPrecision(12)));
  }
  const [from, to] = range;
  return { min: low, max: high, ticks, at: (value) => from + ((value - low) / (high - low)) * (to - from) };
}

export interface Bar {
  group: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GroupedBarLayout {
  scale: Scale;
  bars: Bar[];
  /** The centre of each group, for its label. */
  groupCentres: number[];
  /** Where zero is, for the baseline. */
  zeroY: number;
}

/**
 * Vertical grouped bars: `values[group][series]` in a plot of `width` × `height` px. A missing value (null, a
 * rule that refused) has no bar. Bars rise from zero for positive values and hang from it for negative ones.
 */
export function groupedBars(values: (number | null)[][], width: number, height: number): GroupedBarLayout {
  const all = values.flat().filter((value): value is number => value !== null);
  const scale = linearScale(all, [height, 0]);
  const groups = values.length;
  const seriesCount = Math.max(1, ...values.map((row) => row.length));
  const groupWidth = groups > 0 ? width / groups : width;
  const barWidth = (groupWidth * 0.8) / seriesCount;
  const zeroY = scale.at(0);
  const bars: Bar[] = [];
  values.forEach((row, group) => {
    row.forEach((value, series) => {
      if (value === null) {
        return;
      }
      const y = scale.at(value);
      bars.push({
        group,
        series,
        value,
        x: group * groupWidth + groupWidth * 0.1 + series * barWidth,
        y: Math.min(y, zeroY),
        width: barWidth,
        height: Math.abs(zeroY - y),
      });
    });
  });
  return { scale, bars, groupCentres: values.map((_, group) => group * groupWidth + groupWidth / 2), zeroY };
}

/** A tick's label: thousands separated, at most two decimals. */
export function tickLabel(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}
