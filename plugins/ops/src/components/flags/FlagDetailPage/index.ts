export { FlagDetailPage } from './FlagDetailPage';
