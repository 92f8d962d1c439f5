/** A value the front matter holds: scalars, lists and maps (insertion order kept). */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | YamlValue[]
  | { [key: string]: YamlValue };

const reserved = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
const plain = /^[A-Za-z_][A-Za-z0-9_ .,/()'+-]*$/;

/** A string as a plain scalar when that is unambiguous, else JSON-quoted (valid YAML too). */
function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  return plain.test(value) && !reserved.test(value) && !value.endsWith(' ')
    ? value
    : JSON.stringify(value);
}

const isMap = (value: YamlValue): value is { [key: string]: YamlValue } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function emit(value: YamlValue, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isMap(item) && Object.keys(item).length > 0) {
        const lines: string[] = [];
        emit(item, `${indent}  `, lines);
        out.push(`${indent}- ${(lines[0] ?? '').trimStart()}`, ...lines.slice(1));
      } else if (Array.isArray(item) || isMap(item)) {
        out.push(`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`);
      } else {
        out.push(`${indent}- ${scalar(item)}`);
      }
    }
    return;
  }
  if (isMap(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (
        (Array.isArray(item) && item.length > 0) ||
        (isMap(item) && Object.keys(item).length > 0)
      ) {
        out.push(`${indent}${scalar(key)}:`);
        emit(item, `${indent}  `, out);
      } else if (Array.isArray(item)) {
        out.push(`${indent}${scalar(key)}: []`);
      } else if (isMap(item)) {
        out.push(`${indent}${scalar(key)}: {}`);
      } else {
        out.push(`${indent}${scalar(key)}: ${scalar(item)}`);
      }
    }
    return;
  }
  out.push(`${indent}${scalar(value)}`);
}

/**
 * Block-style YAML for the front matter, deterministic and fast: maps and lists as blocks,
 * strings plain when nothing could misread them, otherwise as JSON strings (which YAML reads
 * as double-quoted scalars). Any YAML reader reads it back to the same values.
 */
export function emitYaml(value: YamlValue): string {
  const out: string[] = [];
  emit(value, '', out);
  return `${out.join('\n')}\n`;
}
