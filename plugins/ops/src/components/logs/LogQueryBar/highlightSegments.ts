import {
  LogQueryError,
  LogQueryTokenKind,
  tokenizeLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';

/** A run of query text with one token kind, inside or outside an error. */
export interface HighlightSegment {
  start: number;
  end: number;
  text: string;
  kind: LogQueryTokenKind;
  error: boolean;
}

/**
 * Splits a query into runs for the highlighting overlay: at every token
 * boundary and at every error boundary, so an error's span can be underlined
 * even when it starts or ends inside a token.
 */
export function highlightSegments(
  query: string,
  errors: LogQueryError[],
): HighlightSegment[] {
  const tokens = tokenizeLogQuery(query);
  const cuts = new Set<number>([0, query.length]);
  for (const token of tokens) {
    cuts.add(token.start);
    cuts.add(token.end);
  }
  for (const error of errors) {
    cuts.add(Math.min(error.start, query.length));
    cuts.add(Math.min(error.end, query.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  let tokenIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    while (tokenIndex < tokens.length && tokens[tokenIndex].end <= start) {
      tokenIndex++;
    }
    segments.push({
      start,
      end,
      text: query.slice(start, end),
      kind: tokens[tokenIndex]?.kind ?? 'whitespace',
      error: errors.some(e => e.start < end && e.end > start),
    });
  }
  return segments;
}
