/**
 * Progress on long work: a counter redrawn in place on a terminal, a plain line every 10% in CI
 * or when output is piped (so logs stay readable).
 */
export function createProgress(unit: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY) && !process.env.CI;
  let lastTenth = -1;
  let drawn = false;
  return {
    update: (done: number, total: number) => {
      if (total < 50) return;
      if (tty) {
        if (done % 25 === 0 || done === total) {
          const width = 30;
          const filled = Math.round((done / total) * width);
          stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`);
          drawn = true;
        }
      } else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== lastTenth) {
          lastTenth = tenth;
          stream.write(`${done}/${total} ${unit}\n`);
        }
      }
    },
    done: () => {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
