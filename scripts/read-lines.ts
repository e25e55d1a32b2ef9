import { readFileSync } from 'node:fs';

/** The lines of FILE, or of stdin when FILE is `-`; a trailing newline does not make an extra line. */
export function readLines(file: string): string[] {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The first command-line argument that is not an option, or exit with the usage line. */
export function fileArgument(usage: string): string {
  const file = process.argv.slice(2).find((arg) => arg === '-' || !arg.startsWith('--'));
  if (!file) {
    console.error(usage);
    process.exit(2);
  }
  return file;
}
