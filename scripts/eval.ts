// Usage: npm run eval -- FILE [--errors]
// FILE is labelled JSONL ({"text", "label", "also"?, "history"?}, label an intent id or null; a prediction listed in
// `also` counts as right). Prints per-intent precision, recall and F1, macro-F1, the share of null messages given an
// intent, and a confusion table; --errors lists every miss.
import { classify } from '@/lib/engine/classify';
import { evaluate, formatReport, parseLabelledLine } from '@/lib/engine/evaluate';
import { fileArgument, readLines } from '@/scripts/read-lines';

const file = fileArgument('usage: npm run eval -- FILE [--errors]');
const messages = readLines(file)
  .filter((line) => line.trim() !== '')
  .map(parseLabelledLine);
const outcomes = messages.map((m) => ({ label: m.label, also: m.also, predicted: classify(m.text, m.history).intent }));
console.log(formatReport(evaluate(outcomes)));

if (process.argv.includes('--errors')) {
  console.log('\nmisses (label → predicted: text)');
  messages.forEach((m, i) => {
    const { predicted } = outcomes[i];
    if (predicted !== m.label && !(predicted && m.also?.includes(predicted)))
      console.log(`${m.label ?? 'null'} → ${predicted ?? 'null'}: ${m.text}`);
  });
}
