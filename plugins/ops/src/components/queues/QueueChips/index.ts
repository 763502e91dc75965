export { PausedChip, SeverityChip, SpikeChip } from './QueueChips';
