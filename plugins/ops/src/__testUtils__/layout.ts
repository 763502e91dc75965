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
