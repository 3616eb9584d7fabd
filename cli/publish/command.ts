/**
 * `guilded-gateway publish`: the gateway side of guilded-gateway/broker. GatewayClient on a gateway (or
 * a capture replayed in-process), GatewayPublisher into Redis, until Ctrl+C or the capture's last event.
 */
import type { GatewayPublisher } from '../../runtime/broker/publisher.js';
import { GatewayClient } from '../../runtime/client.js';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';
import { readCapture } from '../replay/capture.js';
import { buildSchedule } from '../replay/schedule.js';
import { startReplay, type ReplayServer } from '../replay/server.js';
import { detectFormat } from '../capture/detect.js';
import { describeFsError, singleInput } from '../capture/files.js';
import { captureProblem, formatProblem } from '../capture/problem.js';
import { cookieFor } from './cookie.js';
import { untilSignal } from '../until-signal.js';

const EXIT_FAILED = 1;

/** Runs the publisher; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.publish, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.url !== undefined && values.capture !== undefined) return usageMistake(COMMANDS.publish, 'give --url or --capture, not both');
  const partitions = Number(values.partitions);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) {
    return usageMistake(COMMANDS.publish, `--partitions ${JSON.stringify(values.partitions)} is not a whole number from 1 to 1024`);
  }
  // Loaded here, so that a missing ioredis is its one line, and the other commands never need it.
  let broker: typeof import('../../runtime/broker/index.js');
  try {
    broker = await import('../../runtime/broker/index.js');
  } catch (error) {
    return failed((error as Error).message);
  }

  let replay: ReplayServer | undefined;
  let expected: number | undefined;
  let url = values.url;
  if (values.capture !== undefined) {
    const loaded = await loadCapture(values.capture);
    if (typeof loaded === 'string') return failed(loaded);
    expected = loaded.frames.length;
    replay = await startReplay({ schedule: loaded });
    url = replay.url;
  }
  const cookie = cookieFor(url, process.env);
  if (cookie === undefined) {
    return failed('GUILDED_COOKIE is not set: export the cookie header (hmac_signed_session=...) in it; it is never taken as an argument');
  }

  const client = new GatewayClient({ cookie, ...(url === undefined ? {} : { url }), ...(replay ? { reconnect: false as const } : {}) });
  const publisher: GatewayPublisher = new broker.GatewayPublisher({
    redis: values.redis,
    source: client,
    partitions,
    prefix: values.prefix,
    whenRedisDown: values.wait ? 'wait' : 'fail',
  });
  publisher.on('error', (error) => process.stderr.write(`publish: ${error.code}: ${error.message}\n`));
  publisher.on('overflow', ({ dropped, written }) => {
    if (written) process.stderr.write(`publish: ${dropped} events were dropped while Redis was away; the workers get a gap in their place\n`);
  });
  client.on('error', (error) => process.stderr.write(`publish: gateway: ${error.code}: ${error.message}\n`));
  const stop = async (): Promise<void> => {
    await publisher.close();
    await client.close();
    await replay?.close();
  };

  const streams = `${values.prefix}:events:0..${partitions - 1}`;
  if (values.wait) process.stdout.write(`waiting for Redis at ${broker.describeRedisUrl(values.redis)} if it is not up yet; events are buffered meanwhile\n`);
  try {
    await publisher.start();
    await client.connect();
  } catch (error) {
    await stop();
    return failed((error as Error).message);
  }
  process.stdout.write(
    [
      `publishing ${values.capture ?? url ?? "Guilded's gateway"} to ${broker.describeRedisUrl(values.redis)}: ${partitions} streams ${streams}`,
      `commands from workers: ${values.prefix}:commands; ${expected === undefined ? 'press Ctrl+C to stop' : `${expected} events to publish`}`,
      '',
    ].join('\n'),
  );
  if (expected === undefined) await untilSignal();
  else await untilPublished(publisher, client, expected);
  const published = publisher.published;
  await stop();
  process.stdout.write(`stopped: ${published} events published\n`);
  return 0;
}

/** A capture's server-to-client events, scheduled all at once; a string says why it cannot be used. */
async function loadCapture(file: string): Promise<ReturnType<typeof buildSchedule> | string> {
  const input = await singleInput(file);
  if ('message' in input) return formatProblem(input);
  const format = await detectFormat(input);
  if (typeof format === 'object') return formatProblem(format);
  try {
    const capture = await readCapture(input.path, input.display);
    const schedule = buildSchedule(capture.frames, Infinity);
    return schedule.frames.length > 0 ? schedule : formatProblem(captureProblem(file, undefined, 'no server-to-client events (42[...]) to publish'));
  } catch (error) {
    return formatProblem(captureProblem(file, undefined, describeFsError(error as NodeJS.ErrnoException)));
  }
}

/** Resolves once `expected` events are in Redis, or the gateway session ended. */
function untilPublished(publisher: GatewayPublisher, client: GatewayClient, expected: number): Promise<void> {
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (publisher.published < expected && client.status !== 'closed') return;
      clearInterval(check);
      resolve();
    }, 20);
  });
}

function failed(message: string): number {
  process.stderr.write(`publish: ${message}\n`);
  return EXIT_FAILED;
}
