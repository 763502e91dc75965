export { UptimeStrip } from './UptimeStrip';
export type { UptimeStripProps } from './UptimeStrip';
