import { expect, test } from 'vitest';
import { formatDay, formatDayShort, formatFigure, formatRange, formatTimeIn } from './report-format';

test('figures: counts with separators, shares as percent, minutes and seconds to one decimal', () => {
  expect(formatFigure(12_345, 'count')).toBe('12,345');
  expect(formatFigure(0.3216, 'share')).toBe('32.2 %');
  expect(formatFigure(0, 'share')).toBe('0.0 %');
  expect(formatFigure(12.25, 'minutes')).toBe('12.3 min');
  expect(formatFigure(1234.5, 'minutes')).toBe('1,235 min');
  expect(formatFigure(42, 'seconds')).toBe('42.0 s');
  expect(formatFigure(265.7, 'seconds')).toBe('266 s');
});

test('days are calendar dates of the report zone, never shifted by the browser zone', () => {
  expect(formatDay('2026-03-29')).toBe('Sun 29 Mar');
  expect(formatDayShort('2026-12-01')).toBe('1 Dec');
  expect(formatRange('2026-03-01', '2026-03-30')).toBe('1 Mar – 30 Mar 2026');
  expect(formatRange('2025-12-20', '2026-01-05')).toBe('20 Dec 2025 – 5 Jan 2026');
  expect(formatRange('2026-03-29', '2026-03-29')).toBe('29 Mar 2026');
});

test('a moment as wall-clock time in the report zone', () => {
  const at = Date.parse('2026-03-28T23:30:05Z');
  expect(formatTimeIn(at, 'UTC')).toBe('23:30');
  expect(formatTimeIn(at, 'Europe/Berlin', true)).toBe('00:30:05');
});
