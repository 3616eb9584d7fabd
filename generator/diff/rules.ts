/**
 * How every kind of spec change is classified: one table, one row per rule, read by `diff` and by
 * generated/CHANGES.md. A row says what changed and what that means for a bot that reads the payload
 * (events and the hello, server to client) and for one that sends it (commands, client to server):
 * widening what may arrive breaks a reader, narrowing what is accepted breaks a sender.
 */

/** Who a change affects and how. `connection` changes are listed on their own; `annotation` changes no type. */
export type Impact = 'breaking' | 'non-breaking' | 'connection' | 'annotation';

/** The bot's side of a payload: it reads events and the hello, and sends commands. */
export type Side = 'read' | 'write';

/** One row of the table. */
export interface Rule {
  /** What changed, in words that follow the place: "event X /field: <what>". */
  readonly what: string;
  /** For a payload the bot reads (events, the hello, objects they use). */
  readonly read: Impact;
  /** For a payload the bot sends (commands, objects they use). */
  readonly write: Impact;
}

const both = (impact: Impact) => ({ read: impact, write: impact });

export const RULES = {
  // #region entries: events, commands, shared objects
  'entry-added': { what: 'added', ...both('non-breaking') },
  'entry-removed': { what: 'removed', ...both('breaking') },
  'wire-name-added': { what: 'another wire name now dispatches here', ...both('non-breaking') },
  'wire-name-removed': { what: 'a wire name no longer dispatches here', ...both('breaking') },
  'type-field-added': { what: 'the payload now carries `type`', ...both('non-breaking') },
  'type-field-removed': { what: 'the payload no longer carries `type`', read: 'breaking', write: 'non-breaking' },
  'payload-added': { what: 'now has a payload (was sent as a bare name)', read: 'non-breaking', write: 'breaking' },
  'payload-removed': { what: 'no longer has a payload (sent as a bare name)', ...both('breaking') },
  // #endregion
  // #region fields
  'field-added-required': { what: 'a required field was added', read: 'non-breaking', write: 'breaking' },
  'field-added-optional': { what: 'an optional field was added', ...both('non-breaking') },
  'field-removed': { what: 'the field was removed', ...both('breaking') },
  'field-became-optional': { what: 'the field became optional', read: 'breaking', write: 'non-breaking' },
  'field-became-required': { what: 'the field became required', read: 'non-breaking', write: 'breaking' },
  'became-nullable': { what: 'the value may now be null', read: 'breaking', write: 'non-breaking' },
  'became-non-nullable': { what: 'the value may no longer be null', read: 'non-breaking', write: 'breaking' },
  // #endregion
  // #region values
  'type-widened': { what: 'the type was widened', read: 'breaking', write: 'non-breaking' },
  'type-narrowed': { what: 'the type was narrowed', read: 'non-breaking', write: 'breaking' },
  'type-changed': { what: 'the type changed', ...both('breaking') },
  'values-widened': { what: 'more values are allowed (enum, const)', read: 'breaking', write: 'non-breaking' },
  'values-narrowed': { what: 'fewer values are allowed (enum, const)', read: 'non-breaking', write: 'breaking' },
  'values-changed': { what: 'the allowed values changed (enum, const)', ...both('breaking') },
  'format-added': { what: 'a format now constrains the value', read: 'non-breaking', write: 'breaking' },
  'format-removed': { what: 'the format no longer constrains the value', read: 'breaking', write: 'non-breaking' },
  'format-changed': { what: 'the format changed', ...both('breaking') },
  'bound-narrowed': { what: 'a bound (minimum, maximum) was tightened', read: 'non-breaking', write: 'breaking' },
  'bound-widened': { what: 'a bound (minimum, maximum) was loosened', read: 'breaking', write: 'non-breaking' },
  'shape-added': { what: 'the elements or map values now have a shape (items, additionalProperties)', read: 'non-breaking', write: 'breaking' },
  'shape-removed': { what: 'the elements or map values no longer have a shape (items, additionalProperties)', read: 'breaking', write: 'non-breaking' },
  'ref-changed': { what: 'now refers to another object ($ref)', ...both('breaking') },
  'alternative-added': { what: 'an alternative was added (anyOf)', read: 'breaking', write: 'non-breaking' },
  'alternative-removed': { what: 'an alternative was removed (anyOf)', read: 'non-breaking', write: 'breaking' },
  'variants-added': { what: 'fields now depend on a discriminator (variants): a case requires its fields', read: 'non-breaking', write: 'breaking' },
  'variants-removed': { what: 'fields no longer depend on a discriminator (variants)', read: 'breaking', write: 'non-breaking' },
  'keyword-changed': { what: 'a keyword no rule knows changed; counted as breaking so that a person looks', ...both('breaking') },
  // #endregion
  // #region connection: endpoints, query parameters, headers, hello defaults, heartbeat, frames, close codes
  'connection-item-added': { what: 'added', ...both('connection') },
  'connection-item-removed': { what: 'removed', ...both('connection') },
  'connection-value-changed': { what: 'changed', ...both('connection') },
  // #endregion
  // #region annotations: no type or wire format changes
  'description-changed': { what: 'the description changed', ...both('annotation') },
  'sources-changed': { what: 'the sources cited changed', ...both('annotation') },
  'examples-changed': { what: 'the examples changed', ...both('annotation') },
  'status-changed': { what: 'the evidence status changed', ...both('annotation') },
  'aliases-changed': { what: 'the aliases (community names) changed', ...both('annotation') },
  'source-tag-changed': { what: 'a source in sources.yaml was added, removed or changed', ...both('annotation') },
  // #endregion
} as const satisfies Record<string, Rule>;

/** A rule's name, as printed beside every change it classifies. */
export type RuleId = keyof typeof RULES;

/** Every rule's name, in the table's order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The order impacts are listed in, the worst first. */
export const IMPACTS: readonly Impact[] = ['breaking', 'non-breaking', 'connection', 'annotation'];

/** The release step a set of changes needs. */
export type SemverStep = 'major' | 'minor' | 'patch' | 'none';

/** Breaking changes need a major release, new types and connection changes a minor one, annotations a patch. */
export const STEP_OF: Record<Impact, Exclude<SemverStep, 'none'>> = {
  breaking: 'major',
  'non-breaking': 'minor',
  connection: 'minor',
  annotation: 'patch',
};

/** The impact of `rule` on the sides of a payload: when both read and send it, the worse of the two. */
export function impactOf(rule: RuleId, sides: readonly Side[]): Impact {
  const impacts = sides.map((side) => RULES[rule][side]);
  return IMPACTS.find((impact) => impacts.includes(impact)) ?? RULES[rule].read;
}
