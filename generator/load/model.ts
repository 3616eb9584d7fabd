import type { FormatName } from './formats.js';
import type { SampleSession } from './sample-session.js';
import type { FileKind } from './spec-files.js';
import type { SpecPath, YamlFile } from './yaml-file.js';

/** A node of the spec's schema dialect (spec/README.md, "Schema nodes"). */
export interface SchemaNode {
  type?: string | string[];
  optional?: boolean;
  nullable?: boolean;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
  enum?: (string | number | boolean)[];
  const?: string | number | boolean;
  format?: FormatName;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  anyOf?: SchemaNode[];
  /** Names each `enum` value of a shared object (PresenceStatus.Online): the value, and what it means. */
  members?: Record<string, { value: string | number; description: string }>;
  /** At an object's or a payload's root: the shared object whose fields come first; own fields of the same name replace them. */
  extends?: string;
  /** At a payload's root: fields that depend on the value of one field (`by`), case by case. */
  variants?: Variants;
  description?: string;
  sources?: string[];
  /** Set by the loader on a node that `extends`: the keys written on it, as opposed to inherited. */
  ownKeys?: readonly string[];
}

/**
 * Fields present only for some values of the field `by` (contentType: doc carries `doc`). The loader adds
 * every case's fields to `properties` as optional; a case field written without `optional` is required
 * when `by` has that case's value.
 */
export interface Variants {
  by: string;
  cases: Record<string, Record<string, SchemaNode>>;
}

/** Where an entry was written, for error messages. */
export interface Located {
  readonly source: YamlFile;
  readonly path: SpecPath;
}

export type EvidenceStatus = 'name-only' | 'fields' | 'captured';

/** A server-to-client event, keyed by its wire name. */
export interface EventSpec extends Located {
  readonly name: string;
  readonly typeName: string;
  readonly description: string;
  readonly status: EvidenceStatus;
  readonly sources: string[];
  readonly aliases: string[];
  readonly wireNames: string[];
  readonly typeField: boolean;
  /** The wire name is a known misspelling (TEAEM_SOCKET_RECONNECTED): the type is named from the first alias. */
  readonly misspelled: boolean;
  readonly payload: SchemaNode;
  readonly examples: unknown[];
}

/** A client-to-server command; without a payload it is sent as a bare name. */
export interface CommandSpec extends Located {
  readonly name: string;
  readonly typeName: string;
  readonly description: string;
  readonly status: EvidenceStatus;
  readonly sources: string[];
  readonly aliases: string[];
  readonly payload: SchemaNode | undefined;
  readonly examples: unknown[];
}

/** A shared object that events reference with `$ref`. */
export interface ObjectSpec extends Located {
  readonly name: string;
  readonly schema: SchemaNode;
}

export interface Endpoint {
  url: string;
  from: string;
  until?: string;
  current?: boolean;
  description: string;
  sources: string[];
}

export interface QueryParameter {
  name: string;
  value?: string;
  required: boolean;
  since?: string;
  example?: string;
  description: string;
  sources: string[];
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  cookies?: string[];
  description: string;
  sources: string[];
}

export interface CodedItem {
  code: number;
  description: string;
}

export interface CloseCode {
  code: number | 'other';
  /** The constant's member name (CloseCode.Normal); `other` has none. */
  name?: string;
  endsSession: boolean;
  description: string;
  sources: string[];
}

/** A section of prose with the sources behind it. */
export interface Described {
  description: string;
  sources: string[];
}

/** spec/connection.yaml, as written. */
export interface ConnectionSpec {
  overview: Described;
  /** How an event's payload is laid out; `exampleEvent` names the event whose first example shows it. */
  payloads: Described & { exampleEvent: string };
  endpoints: Endpoint[];
  query: QueryParameter[];
  headers: HeaderSpec[];
  hello: {
    description: string;
    sources: string[];
    defaults: { pingInterval: number; pingTimeout: number };
    payload: SchemaNode;
    examples: unknown[];
  };
  heartbeat: { ping: string; pong: string; description: string; sources: string[] };
  frames: {
    description: string;
    sources: string[];
    enginePacketTypes: Record<string, CodedItem>;
    socketPacketTypes: Record<string, CodedItem>;
  };
  closeCodes: CloseCode[];
  unknown: { topic: string; description: string; sources: string[] }[];
}

/** A source the spec cites: `url` is its public repository, when one is known. */
export interface SourceSpec {
  title: string;
  era?: string;
  url?: string;
}

/** The whole spec, loaded and checked. */
export interface Spec {
  /** The files read, in reading order, named as problems name them (spec/...), for headers. */
  readonly files: readonly { readonly kind: FileKind; readonly file: string }[];
  readonly sources: ReadonlyMap<string, SourceSpec>;
  readonly connection: ConnectionSpec & { readonly file: YamlFile };
  readonly commands: readonly CommandSpec[];
  readonly objects: readonly ObjectSpec[];
  readonly events: readonly EventSpec[];
  /** spec/sample-session.yaml, when the spec has one: the story of generated/samples/session.har. */
  readonly sampleSession?: SampleSession;
}
