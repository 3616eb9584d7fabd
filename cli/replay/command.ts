/** `guilded-gateway replay <capture> [--port N] [--speed X]`: serve a capture as a local gateway. */
import { readCapture } from './capture.js';
import { describeReplayEvent, formatDuration } from './format.js';
import { GATEWAY_PATHS } from './handshake.js';
import { buildSchedule } from './schedule.js';
import { startReplay } from './server.js';
import { untilSignal } from '../until-signal.js';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';
import { detectFormat } from '../capture/detect.js';
import { describeFsError, singleInput } from '../capture/files.js';
import { captureProblem, formatProblem, type CaptureProblem } from '../capture/problem.js';
import { Redactor } from '../capture/redact.js';

const EXIT_FAILED = 1;
const MAX_PORT = 65_535;
const PROBLEMS_SHOWN = 3;
const INVALID_SHOWN = 100;
const LOCALHOST = '127.0.0.1';

/** Replays a capture to every client that connects, until SIGINT or SIGTERM; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.replay, args);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageMistake(COMMANDS.replay, 'give exactly one capture file');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
    return usageMistake(COMMANDS.replay, `--port ${JSON.stringify(values.port)} is not a port (0 to ${MAX_PORT}; 0 picks a free one)`);
  }
  const speed = parseSpeed(values.speed);
  if (speed === undefined) {
    return usageMistake(COMMANDS.replay, `--speed ${JSON.stringify(values.speed)} is not a positive number (2: twice the recorded pace) or max (all at once)`);
  }

  const [file] = positionals as [string];
  const input = await singleInput(file);
  if ('message' in input) return failed(input);
  // An empty, binary or compressed file gets the message validate gives it.
  const format = await detectFormat(input);
  if (typeof format === 'object') return failed(format);
  let capture;
  try {
    capture = await readCapture(input.path, input.display);
  } catch (error) {
    return failed(captureProblem(file, undefined, describeFsError(error as NodeJS.ErrnoException)));
  }
  const { problems } = capture;
  for (const problem of problems.shown.slice(0, PROBLEMS_SHOWN)) process.stderr.write(`${formatProblem(problem)}\n`);
  if (problems.count > PROBLEMS_SHOWN) process.stderr.write(`... and ${problems.count - PROBLEMS_SHOWN} more input problems\n`);
  const schedule = buildSchedule(capture.frames, speed, { verbatim: values.verbatim });
  const fate = values.verbatim ? 'sent as recorded (--verbatim)' : 'skipped (--verbatim sends it as recorded)';
  const redactor = new Redactor();
  for (const frame of schedule.invalid.slice(0, INVALID_SHOWN)) {
    process.stderr.write(`${formatProblem(captureProblem(file, frame.position, `not a valid frame: ${redactor.text(frame.reason)}; ${fate}`))}\n`);
  }
  if (schedule.invalid.length > INVALID_SHOWN) process.stderr.write(`... and ${schedule.invalid.length - INVALID_SHOWN} more invalid frames, ${fate}\n`);
  if (schedule.frames.length === 0) return failed(captureProblem(file, undefined, 'no server-to-client events (42[...]) to replay'));

  const startedAt = performance.now();
  const log = (line: string) => {
    const elapsed = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
    process.stdout.write(`[${elapsed}s] ${line}\n`);
  };
  let server;
  try {
    server = await startReplay({
      schedule,
      port,
      host: values.host,
      onEvent: (event) => log(describeReplayEvent(event, schedule.frames.length)),
    });
  } catch (error) {
    process.stderr.write(`cannot listen on ${values.host}:${port}: ${(error as Error).message}\n`);
    return EXIT_FAILED;
  }
  if (values.host !== LOCALHOST) {
    process.stderr.write(`warning: listening on ${values.host}, not 127.0.0.1: whoever reaches this port gets the whole capture, and a capture holds private messages\n`);
  }

  const pace = speed === Infinity ? 'as fast as possible' : `at ${speed}x, taking ${formatDuration(schedule.recordedMs / speed)}`;
  const heartbeat = schedule.helloFromCapture ? "from the capture's hello" : "the spec's defaults: the capture has no hello";
  const httpBase = server.url.replace(/^ws:/, 'http:').replace(/\/ws\/$/, '');
  process.stdout.write(
    [
      `replaying ${file}: ${schedule.frames.length} events recorded over ${formatDuration(schedule.recordedMs)}, ${pace}`,
      `heartbeat: pingInterval ${schedule.pingInterval} ms, pingTimeout ${schedule.pingTimeout} ms (${heartbeat})`,
      `listening on ${server.url} (also ${GATEWAY_PATHS.slice(1).join(', ')}); each client gets the whole capture from its start`,
      `  GatewayClient:    new GatewayClient({ cookie: 'hmac_signed_session=anything', url: '${server.url}' })`,
      `  socket.io-client: io('${httpBase}', { path: '/ws', transports: ['websocket'] })`,
      'press Ctrl+C to stop',
      '',
    ].join('\n'),
  );

  await untilSignal();
  await server.close();
  log('stopped');
  return 0;
}

/** `--speed`: a positive number, or `max` for as fast as possible (Infinity); undefined for anything else, 0 included. */
export function parseSpeed(text: string): number | undefined {
  if (text === 'max') return Infinity;
  const speed = Number(text);
  return text.trim() !== '' && Number.isFinite(speed) && speed > 0 ? speed : undefined;
}

/** Reports why the capture cannot be replayed, as validate reports an input problem; returns the exit code. */
function failed(problem: CaptureProblem): number {
  process.stderr.write(`${formatProblem(problem)}\n`);
  return EXIT_FAILED;
}
