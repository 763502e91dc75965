export { UserDetailPage } from './UserDetailPage';
