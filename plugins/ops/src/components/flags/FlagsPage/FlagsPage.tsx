import { Route, Routes } from 'react-router-dom';
import { FlagDetailPage } from '../FlagDetailPage';
import { FlagsList } from './FlagsList';

/**
 * The Flags tab of the Ops Console: the flags list at `/ops/flags` and one
 * flag at `/ops/flags/:key`.
 */
export function FlagsPage() {
  return (
    <Routes>
      <Route path="/" element={<FlagsList />} />
      <Route path="/:key" element={<FlagDetailPage />} />
    </Routes>
  );
}
