/**
 * The many-sockets figure's gateway, run as a child process so that its CPU and memory are not the
 * client's: the replay server (cli/replay/server.ts) on 127.0.0.1, replaying a burst of mix events all
 * at once to every client that connects. It prints `{"url": ...}` once listening; the parent ends it by
 * closing its stdin.
 *
 * Usage: node --import tsx bench/many-sockets-server.ts <events>
 */
import { buildSchedule } from '../cli/replay/schedule.js';
import { startReplay } from '../cli/replay/server.js';
import { mixFrames } from './frames.js';

const events = Number(process.argv[2] ?? 100);
const hello = `0${JSON.stringify({ sid: 'bench', upgrades: [], pingInterval: 25_000, pingTimeout: 5_000 })}`;
const capture = [hello, ...mixFrames(events).map((frame) => frame.frame)].map((data) => ({ direction: 'in' as const, data, time: 0 }));
const server = await startReplay({ schedule: buildSchedule(capture, Infinity) });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.stdin.pause()));
