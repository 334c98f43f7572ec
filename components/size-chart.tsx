import { memo } from 'react';
import { Bar, BarChart } from 'recharts';
import type { SizeBar } from '@/lib/board/summary';

const sameBars = (a: { bars: SizeBar[] }, b: { bars: SizeBar[] }) =>
  a.bars.length === b.bars.length && a.bars.every((bar, i) => bar.count === b.bars[i]?.count);

/**
 * Conferences by size as small bars, in the order of the numbers written beside them. Decorative:
 * the numbers are the text. No axis or labels inside the chart: measuring their text would force a
 * layout of the whole board each time a count changes.
 */
export const SizeChart = memo(function SizeChart({ bars }: { bars: SizeBar[] }) {
  return (
    <div aria-hidden="true">
      <BarChart
        width={110}
        height={44}
        data={bars}
        margin={{ top: 2, right: 0, bottom: 0, left: 0 }}
        barCategoryGap={3}
        // Decorative: without this recharts makes the chart a tab stop of its own.
        accessibilityLayer={false}
      >
        <Bar
          dataKey="count"
          fill="var(--dial)"
          radius={[2, 2, 0, 0]}
          isAnimationActive={false}
          minPointSize={1}
        />
      </BarChart>
    </div>
  );
}, sameBars);
