import type { CommandSpec, EventSpec, EvidenceStatus } from '../load/model.js';

/** What the reference and the AsyncAPI file both list beside an event or command; each formats it its own way. */
export interface EntryFacts {
  readonly status: EvidenceStatus;
  readonly sources: readonly string[];
  readonly aliases: readonly string[];
  /** Other spellings on the wire; commands have none. */
  readonly wireNames: readonly string[];
  readonly file: string;
}

export function entryFacts(entry: EventSpec | CommandSpec): EntryFacts {
  return {
    status: entry.status,
    sources: entry.sources,
    aliases: entry.aliases,
    wireNames: 'wireNames' in entry ? entry.wireNames : [],
    file: entry.source.file,
  };
}
