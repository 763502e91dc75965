// Log bodies come from any process: they may hold terminal colour codes or
// other control characters. They are rendered as React text (never markup);
// these helpers also drop the escape sequences so only their text shows.

/* eslint-disable no-control-regex */
/** CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`) and two-character escapes. */
const ESCAPE_SEQUENCES =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]?/g;
/** C0 and C1 control characters other than tab and newline. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/**
 * The text of a log body without ANSI escape sequences and control characters
 * (tabs and newlines stay): `"\u001b[31mred\u001b[0m"` gives `"red"`.
 */
export function logBodyText(body: string): string {
  return body.replace(ESCAPE_SEQUENCES, '').replace(CONTROL_CHARACTERS, '');
}

/** The first line of a log body as text, for one-line rows. */
export function logBodyFirstLine(body: string): string {
  const text = logBodyText(body);
  const newline = text.indexOf('\n');
  return newline === -1 ? text : `${text.slice(0, newline)} …`;
}
