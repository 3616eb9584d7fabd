/**
 * Loaded with `--import` into a measured child: when it exits, it writes `{"wallMs", "maxRssKb"}` as
 * one JSON line to file descriptor 3, apart from the child's own output.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = { wallMs: performance.now(), maxRssKb: process.resourceUsage().maxRSS };
  writeSync(3, `${JSON.stringify(usage)}\n`);
});
