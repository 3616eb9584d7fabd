/**
 * Loaded with `--import` into a measured child: when it exits, it writes `{"wallMs", "cpuMs", "maxRssKb"}`
 * as one JSON line to file descriptor 3, apart from the child's own output.
 */
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  const usage = { wallMs: performance.now(), cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssKb: maxRSS };
  writeSync(3, `${JSON.stringify(usage)}\n`);
});
