/**
 * jsdom lays nothing out (every element is 0 × 0), so a virtualized list would
 * render no rows. Call in a test file to give elements a viewport-like size
 * for its tests.
 */
export function mockElementSize(size = { width: 1200, height: 600 }) {
  let restore: Array<() => void> = [];
  beforeAll(() => {
    restore = [
      jest
        .spyOn(Element.prototype, 'clientHeight', 'get')
        .mockReturnValue(size.height),
      jest
        .spyOn(Element.prototype, 'clientWidth', 'get')
        .mockReturnValue(size.width),
    ].map(spy => () => spy.mockRestore());
  });
  afterAll(() => restore.forEach(undo => undo()));
}

/**
 * jsdom lays nothing out: gives recharts' responsive containers (only them: a
 * sized legend would take the whole chart height) a size so the charts draw.
 * Call in a test file.
 */
export function mockChartContainerSize(size = { width: 600, height: 240 }) {
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    const original = HTMLElement.prototype.getBoundingClientRect;
    spy = jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function rect(this: HTMLElement) {
        return this.classList.contains('recharts-responsive-container')
          ? (size as DOMRect)
          : original.call(this);
      });
  });
  afterEach(() => spy?.mockRestore());
}
