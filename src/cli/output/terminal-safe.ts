// ESC-introduced sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, and two-byte escapes),
// their single-byte C1 forms, then any other control character except tab and newline.
const escapeSequence =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text that is safe to print on a terminal: stored text (a title, an imported chat message) can
 * carry escape sequences that would recolour, retitle or rewrite the reader's terminal, or hide
 * lines. They are removed; tab and newline are kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(escapeSequence, '').replace(controlCharacter, '');
}
