import { ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { LOG_LEVEL_COLORS } from '../logLevels';
import { LogLineCells, LogLineHeader } from './LogLineCells';
import { LOG_ROW_HEIGHT, useLogRowStyles } from './logRowStyles';

/** First guess of an expanded row's height, before it is measured. */
const EXPANDED_ROW_ESTIMATE = 320;

const useStyles = makeStyles(theme => ({
  scroller: {
    overflowY: 'auto',
    overflowX: 'hidden',
    contain: 'strict',
    border: `1px solid ${theme.palette.divider}`,
    borderTop: 'none',
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    boxSizing: 'border-box',
    borderLeft: '3px solid transparent',
  },
  clickable: {
    cursor: 'pointer',
    '&:hover': {
      background: theme.palette.action.hover,
    },
  },
  expanded: {
    background: theme.palette.action.selected,
  },
  details: {
    display: 'block',
    padding: theme.spacing(1, 2, 2, 4),
    background: theme.palette.background.default,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  toggle: {
    padding: 2,
  },
}));

export interface LogListProps {
  /** The records, in display order (newest first). */
  records: LogRecord[];
  /** What an expanded row shows below its line. */
  renderDetails: (record: LogRecord) => ReactNode;
  /** Height of the scrolling area in pixels (default 600). */
  height?: number;
  /** Called when the last record comes into view (to load older ones). */
  onEndReached?: () => void;
}

/**
 * The log records as a virtualized table: only the rows in view are in the
 * document, so it stays smooth with 100,000 records. Collapsed rows have one
 * fixed height; a row expands on click to show its details, and expanded rows
 * are measured.
 */
export function LogList(props: LogListProps) {
  const { records, renderDetails, height = 600, onEndReached } = props;
  const classes = useStyles();
  const rowClasses = useLogRowStyles();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  // stable between renders: a new key function makes the virtualizer lay out
  // every record again, which at 100,000 records would cost each scroll frame
  const getItemKey = useCallback(
    (index: number) => records[index].id,
    [records],
  );
  const estimateSize = useCallback(
    (index: number) =>
      expanded.has(records[index].id) ? EXPANDED_ROW_ESTIMATE : LOG_ROW_HEIGHT,
    [records, expanded],
  );
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 20,
  });

  const toggle = useCallback(
    (id: string) =>
      setExpanded(previous => {
        const next = new Set(previous);
        if (!next.delete(id)) {
          next.add(id);
        }
        return next;
      }),
    [],
  );

  // sizes are cached per record: forget them when a row opens or closes
  useEffect(() => virtualizer.measure(), [expanded, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (onEndReached && records.length > 0 && lastIndex >= records.length - 1) {
      onEndReached();
    }
  }, [lastIndex, records.length, onEndReached]);

  return (
    <div
      role="table"
      aria-label="Log records"
      aria-rowcount={records.length + 1}
    >
      <div role="rowgroup">
        <LogLineHeader />
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className={classes.scroller}
        style={{ height }}
        data-testid="log-list-scroller"
      >
        <div
          style={{
            height: virtualizer.getTotalSize(),
            position: 'relative',
          }}
        >
          {items.map(item => {
            const record = records[item.index];
            const isExpanded = expanded.has(record.id);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-expanded={isExpanded}
                data-index={item.index}
                ref={isExpanded ? virtualizer.measureElement : undefined}
                className={`${classes.row} ${
                  isExpanded ? classes.expanded : ''
                }`}
                style={{
                  transform: `translateY(${item.start}px)`,
                  borderLeftColor: LOG_LEVEL_COLORS[record.level],
                }}
              >
                {/* the toggle button is the keyboard path; a click anywhere on
                    the line is a mouse shortcut to it */}
                {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
                <div
                  className={`${rowClasses.line} ${classes.clickable}`}
                  onClick={() => toggle(record.id)}
                >
                  <span role="cell">
                    <IconButton
                      className={classes.toggle}
                      size="small"
                      aria-label={isExpanded ? 'Hide details' : 'Show details'}
                      aria-expanded={isExpanded}
                    >
                      {isExpanded ? (
                        <ExpandMoreIcon fontSize="small" />
                      ) : (
                        <ChevronRightIcon fontSize="small" />
                      )}
                    </IconButton>
                  </span>
                  <LogLineCells record={record} />
                </div>
                {isExpanded && (
                  <div role="cell" className={classes.details}>
                    {renderDetails(record)}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
