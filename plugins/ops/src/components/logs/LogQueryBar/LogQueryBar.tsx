import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import {
  LogQueryTokenKind,
  parseLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';
import { scopedQueryLengthError } from '../logQueries';
import { highlightSegments } from './highlightSegments';
import { LogQuerySyntaxHelp } from './LogQuerySyntaxHelp';

const TOKEN_COLORS: Record<LogQueryTokenKind, string | undefined> = {
  whitespace: undefined,
  negation: '#c62828',
  field: '#6a1b9a',
  operator: '#757575',
  value: '#2e7d32',
  text: undefined,
  phrase: '#ad6800',
  invalid: '#c62828',
};

const useStyles = makeStyles(theme => {
  const text = {
    fontFamily: 'monospace',
    fontSize: 14,
    lineHeight: '20px',
    letterSpacing: 'normal',
    padding: theme.spacing(1, 1.5),
    margin: 0,
    whiteSpace: 'pre' as const,
  };
  return {
    form: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(1),
    },
    box: {
      position: 'relative',
      flex: '1 1 360px',
      minWidth: 240,
      border: `1px solid ${theme.palette.divider}`,
      borderRadius: theme.shape.borderRadius,
      background: theme.palette.background.paper,
      '&:focus-within': {
        borderColor: theme.palette.primary.main,
      },
    },
    invalidBox: {
      borderColor: theme.palette.error.main,
    },
    highlight: {
      ...text,
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      bottom: 0,
      overflow: 'hidden',
      pointerEvents: 'none',
      color: theme.palette.text.primary,
      border: '1px solid transparent',
    },
    input: {
      ...text,
      position: 'relative',
      display: 'block',
      width: '100%',
      boxSizing: 'border-box',
      border: '1px solid transparent',
      outline: 'none',
      background: 'transparent',
      color: 'transparent',
      caretColor: theme.palette.text.primary,
      '&::placeholder': {
        color: theme.palette.text.hint,
      },
      '&::selection': {
        background: theme.palette.action.selected,
        color: 'transparent',
      },
    },
    error: {
      textDecoration: `wavy underline ${theme.palette.error.main}`,
      textDecorationSkipInk: 'none',
    },
    errors: {
      flexBasis: '100%',
      margin: 0,
      paddingLeft: theme.spacing(2),
      color: theme.palette.error.main,
      ...theme.typography.body2,
    },
    code: {
      fontFamily: 'monospace',
    },
  };
});

export interface LogQueryBarProps {
  /** The query in effect; the field shows it again when it changes. */
  value: string;
  /**
   * Called with a query that parses and, with the scope, fits the length
   * limit; a query with errors is never submitted.
   */
  onSubmit: (query: string) => void;
  /** A fixed part ANDed to every query (e.g. `service:mail-api`), shown as a chip. */
  scope?: string;
}

/**
 * The query field of the log viewer: the query language highlighted as you
 * type, problems underlined with their messages below, a syntax reference and
 * a Search button. Queries with errors are not submitted.
 */
export function LogQueryBar(props: LogQueryBarProps) {
  const { value, onSubmit, scope } = props;
  const classes = useStyles();
  const [draft, setDraft] = useState(value);
  const highlightRef = useRef<HTMLDivElement>(null);

  useEffect(() => setDraft(value), [value]);

  const parsed = useMemo(() => parseLogQuery(draft), [draft]);
  // what is sent is the scope and the query: that must fit the limit too
  const errors = useMemo(() => {
    const tooLong = scopedQueryLengthError(scope, draft);
    return [...(parsed.ok ? [] : parsed.errors), ...(tooLong ? [tooLong] : [])];
  }, [parsed, scope, draft]);
  const segments = useMemo(
    () => highlightSegments(draft, errors),
    [draft, errors],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (errors.length === 0) {
      onSubmit(draft.trim());
    }
  };

  return (
    <form
      className={classes.form}
      onSubmit={submit}
      role="search"
      aria-label="Log search"
    >
      {scope && (
        <Chip
          size="small"
          label={scope}
          className={classes.code}
          title={`Every query here is limited to ${scope}`}
        />
      )}
      <div
        className={`${classes.box} ${errors.length ? classes.invalidBox : ''}`}
      >
        <div ref={highlightRef} className={classes.highlight} aria-hidden>
          {segments.map(segment => (
            <span
              key={segment.start}
              data-kind={segment.kind}
              className={segment.error ? classes.error : undefined}
              style={{ color: TOKEN_COLORS[segment.kind] }}
            >
              {segment.text}
            </span>
          ))}
        </div>
        <input
          className={classes.input}
          aria-label="Log query"
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length ? 'log-query-errors' : undefined}
          placeholder='level>=warn service:mailer "connection refused" -healthcheck'
          spellCheck={false}
          autoComplete="off"
          value={draft}
          onChange={event => setDraft(event.target.value)}
          onScroll={event => {
            if (highlightRef.current) {
              highlightRef.current.scrollLeft = event.currentTarget.scrollLeft;
            }
          }}
        />
      </div>
      <LogQuerySyntaxHelp />
      <Button type="submit" variant="contained" color="primary">
        Search
      </Button>
      {errors.length > 0 && (
        <ul
          id="log-query-errors"
          className={classes.errors}
          aria-label="Query errors"
        >
          {errors.map(error => (
            <li key={`${error.start}-${error.end}-${error.message}`}>
              {error.end > error.start && (
                <>
                  <span className={`${classes.code} ${classes.error}`}>
                    {draft.slice(error.start, error.end)}
                  </span>
                  {': '}
                </>
              )}
              {error.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
