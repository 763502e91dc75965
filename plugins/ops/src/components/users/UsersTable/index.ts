export { UsersTable } from './UsersTable';
export { UserStatusChip } from './UserStatusChip';
