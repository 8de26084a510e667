/**
 * `warraq normalize`: repairs Arabic text from stdin to stdout, line for line (the same number of lines); with `--report`, every change
 * is written to stderr as one JSON object a line.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { normalize, lineColumn } from '../../text/normalize.ts';
import { lazyLexicon } from '../../store/lexicon.ts';
import { lazyQuran } from '../../store/quran.ts';
import { WordCounts } from '../../text/evidence.ts';

const command: Command = {
  summary: 'repair Arabic text from stdin to stdout (--report: every change as JSON on stderr)',
  usage: `Usage: warraq normalize [--report] [--quotes guillemets|curly|keep] [--digits keep|latn|arab] [--no-repair]

Reads plain text on stdin and writes the normalized text on stdout, line for line (the same
number of lines). With --report, each change is written to stderr as one JSON object a line:
{"line":1,"column":5,"before":" ","after":"ّ","rule":"split-word"}.`,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { report: { type: 'boolean' }, quotes: { type: 'string' }, digits: { type: 'string' }, 'no-repair': { type: 'boolean' } },
    });
    const quotes = (values.quotes ?? 'guillemets') as 'guillemets' | 'curly' | 'keep';
    const digits = (values.digits ?? 'keep') as 'keep' | 'latn' | 'arab';
    if (!['guillemets', 'curly', 'keep'].includes(quotes) || !['keep', 'latn', 'arab'].includes(digits)) {
      process.stderr.write(`warraq normalize: bad option value.\n${command.usage}\n`);
      return 2;
    }
    let input = '';
    process.stdin.setEncoding('utf8');
    for await (const chunk of process.stdin) input += chunk;
    const evidence = new WordCounts().add(input);
    const { text, changes } = normalize(input, {
      quotes,
      digits,
      repairSplitWords: !values['no-repair'],
      lexicon: lazyLexicon,
      quran: lazyQuran,
      evidence,
    });
    process.stdout.write(text);
    if (values.report) {
      const lines = changes.map((c) => JSON.stringify({ ...lineColumn(input, c.offset), before: c.before, after: c.after, rule: c.rule }));
      process.stderr.write(lines.length ? `${lines.join('\n')}\n` : '');
    }
    return 0;
  },
};
export default command;
