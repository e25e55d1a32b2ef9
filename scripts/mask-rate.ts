// Usage: npm run -s mask-rate [-- --show N]
// How often the feedback masker changes real buyer messages (../shared/corpus/*.jsonl, deduplicated by text).
// Real personal data is rare there (the sources replaced it with placeholders such as [数字x] and <num>), so most
// changes are false positives: judge them with --show N, which prints N changed messages to this terminal only.
// Prints counts; the corpus text itself must never be copied into the project.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { maskPersonal } from '@/lib/feedback/mask';
import { readLines } from '@/scripts/read-lines';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const files = existsSync(corpus) ? readdirSync(corpus).filter((name) => name.endsWith('.jsonl')) : [];
if (files.length === 0) {
  console.error(`no corpus: expected ${corpus}*.jsonl (the shared buyer-message corpus, outside the project)`);
  process.exit(2);
}

const texts = new Set<string>();
for (const name of files) {
  for (const line of readLines(`${corpus}${name}`)) {
    const text = (JSON.parse(line) as { text?: unknown }).text;
    if (typeof text === 'string') texts.add(text);
  }
}

const changed = [...texts].map((text) => ({ text, masked: maskPersonal(text) })).filter((m) => m.masked !== m.text);
const percent = ((100 * changed.length) / texts.size).toFixed(2);
console.log(
  `${texts.size} distinct buyer messages in ${files.length} files; the masker changes ${changed.length} (${percent}%)`,
);

const showIndex = process.argv.indexOf('--show');
const show = showIndex === -1 ? 0 : Number(process.argv[showIndex + 1] ?? 20);
for (const { text, masked } of changed.slice(0, show)) console.log(`${text}\n  → ${masked}`);
