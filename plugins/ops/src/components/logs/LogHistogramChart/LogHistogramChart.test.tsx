import { act, fireEvent, render, screen } from '@testing-library/react';
import { LogHistogram } from '@opsconsole/backstage-plugin-ops-common';
import { dragTarget } from './dragTarget';
import { LogHistogramChart } from './LogHistogramChart';

const WIDTH = 600;
const start = Date.parse('2026-11-26T08:00:00Z');
const histogram: LogHistogram = {
  bucketSeconds: 60,
  buckets: Array.from({ length: 10 }, (_, i) => ({
    start: new Date(start + i * 60_000).toISOString(),
    counts: { info: i + 1 },
  })),
  sources: [],
};

// jsdom lays nothing out: the chart (and its responsive container) get a size,
// so recharts can tell which bar the pointer is over
const isChart = (element: HTMLElement) =>
  element.classList.contains('recharts-responsive-container') ||
  element.classList.contains('recharts-wrapper');
let spies: jest.SpyInstance[] = [];
beforeEach(() => {
  const rect = HTMLElement.prototype.getBoundingClientRect;
  const offsetWidth = Object.getOwnPropertyDescriptor(
    HTMLElement.prototype,
    'offsetWidth',
  )!.get!;
  spies = [
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function chartRect(this: HTMLElement) {
        return isChart(this)
          ? ({ left: 0, top: 0, width: WIDTH, height: 160 } as DOMRect)
          : rect.call(this);
      }),
    jest
      .spyOn(HTMLElement.prototype, 'offsetWidth', 'get')
      .mockImplementation(function chartWidth(this: HTMLElement) {
        return isChart(this) ? WIDTH : offsetWidth.call(this);
      }),
  ];
});
afterEach(() => spies.forEach(spy => spy.mockRestore()));

describe('dragTarget', () => {
  const bars = [10, 20, 30];
  const at = (x: number) => ({ x, plotLeft: 56, plotRight: 584 });

  it('is the bar under the pointer, and beside the bars the nearest end bar', () => {
    expect(dragTarget(bars, 20, at(300))).toBe(20);
    expect(dragTarget(bars, undefined, at(590))).toBe(30);
    expect(dragTarget(bars, undefined, at(20))).toBe(10);
    // above or below the bars, or unknown: no bar
    expect(dragTarget(bars, undefined, at(300))).toBeUndefined();
    expect(dragTarget(bars, undefined, undefined)).toBeUndefined();
    expect(dragTarget([], undefined, at(590))).toBeUndefined();
  });
});

describe('LogHistogramChart', () => {
  // the bars span 56..584 px (left margin + count axis .. right margin): 10 bars of 52.8 px
  const barX = (index: number) => 56 + (index + 0.5) * 52.8;
  const overBars = 60;
  const aboveBars = 2;
  const minute = (n: number) => new Date(start + n * 60_000).toISOString();

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Presses on bar 6 and moves over bar 7, then to each of `moves` in turn. */
  function dragFromBar6(moves: Array<[number, number]>) {
    const onZoom = jest.fn();
    render(<LogHistogramChart histogram={histogram} onZoom={onZoom} />);
    const chart = screen
      .getByTestId('log-histogram')
      .querySelector('.recharts-wrapper')!;
    const move = (clientX: number, clientY: number) =>
      act(() => {
        fireEvent.mouseMove(chart, { clientX, clientY });
        // past recharts' move throttle
        jest.advanceTimersByTime(100);
      });
    fireEvent.mouseDown(chart, { clientX: barX(6), clientY: overBars });
    move(barX(7), overBars);
    for (const [x, y] of moves) move(x, y);
    return {
      release: (clientX: number, clientY: number) =>
        act(() => {
          fireEvent.mouseUp(chart, { clientX, clientY });
        }),
      onZoom,
    };
  }

  it('takes the last bar in when the drag ends in the right margin', () => {
    const { release, onZoom } = dragFromBar6([[WIDTH - 5, overBars]]);
    release(WIDTH - 5, overBars);
    expect(onZoom).toHaveBeenCalledWith({
      kind: 'absolute',
      from: minute(6),
      to: minute(10),
    });
  });

  it('takes the first bar in when the drag ends in the left margin', () => {
    const { release, onZoom } = dragFromBar6([[20, overBars]]);
    release(20, overBars);
    expect(onZoom).toHaveBeenCalledWith({
      kind: 'absolute',
      from: minute(0),
      to: minute(7),
    });
  });

  it('keeps the end bar a move into the margin reached when released above the bars', () => {
    const { release, onZoom } = dragFromBar6([
      [WIDTH - 5, overBars],
      [barX(8), aboveBars],
    ]);
    release(barX(8), aboveBars);
    expect(onZoom).toHaveBeenCalledWith({
      kind: 'absolute',
      from: minute(6),
      to: minute(10),
    });
  });

  it('zooms to the bars dragged across', () => {
    const { release, onZoom } = dragFromBar6([[barX(8), overBars]]);
    release(barX(8), overBars);
    expect(onZoom).toHaveBeenCalledWith({
      kind: 'absolute',
      from: minute(6),
      to: minute(9),
    });
  });
});
