import { Route, Routes } from 'react-router-dom';
import { UserDetailPage } from '../UserDetailPage';
import { UserSearch } from './UserSearch';

/**
 * The Users tab of the Ops Console: the search at `/ops/users` and one user at
 * `/ops/users/:userId`.
 */
export function UsersPage() {
  return (
    <Routes>
      <Route path="/" element={<UserSearch />} />
      <Route path="/:userId" element={<UserDetailPage />} />
    </Routes>
  );
}
