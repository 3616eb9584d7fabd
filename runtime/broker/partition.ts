/**
 * Which partition an event goes to: its `channelId`, else its `teamId`, else the socket it came from,
 * hashed. Every event of one key lands in one stream, and so is handled in order.
 */
export function partitionKey(payload: unknown, socket: string): string {
  if (typeof payload === 'object' && payload !== null) {
    const { channelId, teamId } = payload as { channelId?: unknown; teamId?: unknown };
    if (typeof channelId === 'string') return `channel:${channelId}`;
    if (typeof teamId === 'string') return `team:${teamId}`;
  }
  return `socket:${socket}`;
}

/** The partition of a key: FNV-1a, 32 bits, modulo the count. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
