export { QueueSamples } from './QueueSamples';
export type { QueueSamplesProps } from './QueueSamples';
