// Usage: npm run -s classify -- FILE   (FILE `-` = stdin)
// Each input line is JSON {"text", "history"?} or plain text; each output line is JSON {intent, confidence, intents,
// matched}, in order (the contract other tools read; classify() itself also returns second, urgent, followUp…).
import { classify } from '@/lib/engine/classify';
import { fileArgument, readLines } from '@/scripts/read-lines';

function parseInput(line: string): { text: string; history: string[] } {
  if (line.trimStart().startsWith('{')) {
    try {
      const value = JSON.parse(line) as { text?: unknown; history?: unknown };
      if (typeof value.text === 'string') {
        const history = Array.isArray(value.history) ? value.history.filter((h) => typeof h === 'string') : [];
        return { text: value.text, history };
      }
    } catch {
      // Not JSON after all: a plain message that happens to start with “{”.
    }
  }
  return { text: line, history: [] };
}

const file = fileArgument('usage: npm run -s classify -- FILE   (FILE - = stdin)');
const out: string[] = [];
for (const line of readLines(file)) {
  const { text, history } = parseInput(line);
  const { intent, confidence, intents, matched } = classify(text, history);
  out.push(JSON.stringify({ intent, confidence, intents, matched }));
}
process.stdout.write(out.length > 0 ? `${out.join('\n')}\n` : '');
