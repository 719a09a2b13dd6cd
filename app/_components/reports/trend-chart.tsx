type Props = { points: { label: string; value: number }[]; title: string; description: string; id: string };

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 8, bottom: 40, left: 40 };

/**
 * A bar chart drawn on the server as SVG: one bar per month with its value written above it,
 * so that it reads without colour; the title and description name it for screen readers, and
 * the page gives the same figures in a table.
 */
export function TrendChart({ points, title, description, id }: Props) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, points.length);
  const barWidth = slot * 0.6;
  // SVG's y axis points down: a bar of height h starts at baseline − h.
  const baseline = MARGIN.top + plotHeight;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="trend-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} stroke="currentColor" />
      <text x={MARGIN.left - 6} y={MARGIN.top + 4} textAnchor="end" fontSize="12" fill="currentColor">
        {max}
      </text>
      <text x={MARGIN.left - 6} y={baseline} textAnchor="end" fontSize="12" fill="currentColor">
        0
      </text>
      {points.map((point, index) => {
        const height = (point.value / max) * plotHeight;
        const x = MARGIN.left + index * slot + (slot - barWidth) / 2;
        return (
          <g key={point.label}>
            <rect x={x} y={baseline - height} width={barWidth} height={height} fill="#1d4ed8" stroke="#0f172a" />
            <text x={x + barWidth / 2} y={baseline - height - 4} textAnchor="middle" fontSize="12" fill="currentColor">
              {point.value}
            </text>
            <text x={x + barWidth / 2} y={baseline + 16} textAnchor="middle" fontSize="11" fill="currentColor">
              {point.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
