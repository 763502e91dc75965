export { ToolbarRow } from './ToolbarRow';
