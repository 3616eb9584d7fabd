/** The event frames both servers of the replay-throughput figure send: `count` mix frames, `42["Name",payload]`. */
import { mixFrames } from './frames.js';

export function replayFrames(count: number): string[] {
  const mix = mixFrames();
  return Array.from({ length: count }, (_, i) => (mix[i % mix.length] as { frame: string }).frame);
}
