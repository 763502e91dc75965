import { FormEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { MIN_USER_QUERY_LENGTH, useUserSearch } from '../useUsers';
import { RevealToggle } from '../../shared/RevealToggle';
import { SearchField } from '../../shared/SearchField';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { UsersTable } from '../UsersTable';

/**
 * Global user search (`/ops/users?q=`): users of every tenant by email, name
 * or id; emails masked unless revealed (with `ops.users.pii.read`, audited).
 */
export function UserSearch() {
  const [searchParams, setSearchParams] = useSearchParams();
  const query = (searchParams.get('q') ?? '').trim();
  const [input, setInput] = useState(query);
  const [reveal, setReveal] = useState(false);
  const search = useUserSearch(query, reveal);
  // once reveal is switched off, unmasked data leaves the screen at once
  const result =
    search.value && (!search.value.revealed || reveal)
      ? search.value
      : undefined;
  const tooShort = input.trim().length < MIN_USER_QUERY_LENGTH;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) {
      setSearchParams({ q: input.trim() });
    }
  };

  return (
    <InfoCard
      title="Users"
      subheader="Across every tenant, by email, name or id"
      action={<RevealToggle revealed={reveal} onChange={setReveal} />}
    >
      <form onSubmit={submit} role="search" aria-label="Search users">
        <Box display="flex" alignItems="flex-start" mb={2} style={{ gap: 16 }}>
          <SearchField
            id="ops-users-search"
            label="Email, name or id"
            value={input}
            onChange={setInput}
            helperText={`At least ${MIN_USER_QUERY_LENGTH} characters`}
          />
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={tooShort}
          >
            Search
          </Button>
        </Box>
      </form>
      <Box height={4} mb={1}>
        {search.loading && query && <LinearProgress aria-label="Searching" />}
      </Box>
      {search.error && <ResponseErrorPanel error={search.error} />}
      {result && (
        <>
          <SourceStatusBanner sources={result.sources} />
          {result.users.length === 0 ? (
            <Typography color="textSecondary">
              No user matches “{result.query}”.
            </Typography>
          ) : (
            <>
              <Typography variant="body2" color="textSecondary" gutterBottom>
                {result.users.length} users match “{result.query}”.{' '}
                {result.revealed
                  ? 'Personal data is shown unmasked; this reveal was audited.'
                  : 'Emails are masked.'}
              </Typography>
              <UsersTable users={result.users} label="Users found" />
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}
