/**
 * `guilded-gateway demo` (`npm start`): the sample capture replayed from a local gateway to GatewayClient,
 * each event printed as it arrives, then `validate` on the same capture. No network, no account.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GatewayClient } from '../../runtime/client.js';
import { parseCommandArgs } from '../arguments.js';
import { COMMANDS } from '../commands.js';
import { EventLog } from './event-log.js';
import { readCapture } from '../replay/capture.js';
import { formatDuration } from '../replay/format.js';
import { buildSchedule } from '../replay/schedule.js';
import { startReplay } from '../replay/server.js';
import { run as validate } from '../validate/command.js';

const SAMPLE = fileURLToPath(new URL('../../generated/samples/session.har', import.meta.url));
// Fast enough that the minute and a half of the sample takes a few seconds, slow enough to watch.
const SPEED = 20;
// Time allowed past the replay's own length before the demo gives up on missing events.
const GRACE_MS = 10_000;

/** Runs the demo; resolves to 0 when every event arrived and the capture validates. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.demo, args);
  if (typeof parsed === 'number') return parsed;
  const file = path.relative(process.cwd(), SAMPLE);
  let capture;
  try {
    capture = await readCapture(SAMPLE);
  } catch (error) {
    process.stderr.write(`cannot read the sample capture ${file} (${(error as Error).message}); run npm run generate\n`);
    return 1;
  }
  const schedule = buildSchedule(capture.frames, SPEED);
  const expected = schedule.frames.length;
  const write = (line = ''): void => {
    process.stdout.write(`${line}\n`);
  };
  const log = new EventLog(write, SPEED, Math.max(...schedule.frames.map((frame) => frame.name.length)));

  write('guilded-gateway demo');
  write(`A local gateway replays ${file}, a made-up user-socket session, to GatewayClient`);
  write(`${SPEED}x faster than recorded. Each line is a typed event as the client delivered it.`);
  write();

  const server = await startReplay({ schedule });
  const client = new GatewayClient({ cookie: 'hmac_signed_session=demo', url: server.url, validation: 'warn', reconnect: false });
  let received = 0;
  // After the last event the client closes itself, which ends the iteration below.
  const arrived = () => {
    if (++received === expected) void client.close();
  };
  client.on('hello', (hello) => {
    write(`gateway  ${server.url}: ${expected} events recorded over ${formatDuration(schedule.recordedMs)}`);
    write(`hello    ping every ${formatDuration(hello.pingInterval)}, dead after ${formatDuration(hello.pingTimeout)} more`);
  });
  client.on('open', () => log.opened());
  client.on('error', (error) => {
    log.error(error);
    if (error.code === 'INVALID_FRAME') arrived();
  });

  const deadline = setTimeout(() => void client.close(), schedule.recordedMs / SPEED + GRACE_MS);
  const startedAt = performance.now();
  try {
    const events = client.events();
    await client.connect();
    for await (const event of events) {
      log.event(event);
      // Under validation warn an invalid payload is followed by the event itself: count the frame once.
      if (event.name !== 'invalidPayload') arrived();
    }
  } finally {
    clearTimeout(deadline);
    await client.close();
    await server.close();
  }

  write();
  write(log.summary(received, expected, formatDuration(performance.now() - startedAt)));
  if (received < expected) {
    process.stderr.write('the replay ended before every event arrived\n');
    return 1;
  }
  write();
  write(`$ guilded-gateway validate ${file}`);
  return validate([file]);
}
