import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. The
// charts render at their initialDimension in tests.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
}

// The whole repository's suites run in parallel on CI's two cores, where rendering a
// page with MUI and recharts can take seconds: wait longer before giving up. These are
// limits on waiting, not assertions on speed.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
