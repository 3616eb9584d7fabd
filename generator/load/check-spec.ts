import type { Diagnostics } from './diagnostics.js';
import { checkShapes } from './check-shapes.js';
import type { EventSpec, Spec, SchemaNode } from './model.js';
import { commonFieldsTypeName, OTHER_CASE, variantTypeName } from './names.js';
import { walkNode, type NodeRole } from './walk.js';
import type { SpecPath, YamlFile } from './yaml-file.js';

/** Names the generated package declares itself (types.ts, dispatcher.ts, validators.d.ts); a spec entry may not take them. */
const RESERVED_TYPE_NAMES = new Set([
  'EventPayloadMap',
  'EventName',
  'ReceivedEvent',
  'CommandPayloadMap',
  'CommandName',
  'SentCommand',
  'Hello',
  'EventEntry',
  'CommandEntry',
  'EvidenceStatus',
  'ValidateFunction',
  'ValidationError',
  'EventPayload',
  'GatewayEvent',
  'Uuid',
  'IsoTimestamp',
  // protocol.ts, which index.ts exports beside the types
  'EnginePacketType',
  'SocketPacketType',
  'CloseCode',
]);

/** A generated type name and the entry it is generated for. */
interface TypeClaim {
  readonly name: string;
  readonly source: YamlFile;
  readonly path: SpecPath;
}

/** `spec/events/chat.yaml:2:3`: where an entry's key is. */
const where = (file: YamlFile, path: SpecPath): string => {
  const at = file.position(path, true);
  return `${file.file}:${at.line}:${at.col}`;
};

/**
 * Entries ordered by when their file was last written, oldest first, reading order among equals.
 * Whole seconds, so that the files of one checkout, written within a second, keep reading order.
 */
function oldestFirst<T extends { readonly source: YamlFile }>(entries: readonly T[]): T[] {
  const second = (entry: T) => Math.floor(entry.source.editedAt / 1000);
  return [...entries].sort((a, b) => second(a) - second(b));
}

const SCALAR_TYPES: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean' };

/** Checks what the meta-schema cannot: references, uniqueness, sources, and how keys combine. */
export function checkSpec(spec: Spec, diagnostics: Diagnostics, { currentRules = true }: { currentRules?: boolean } = {}): void {
  const objectNames = new Set(spec.objects.map((object) => object.name));
  const report = (file: YamlFile, path: SpecPath, message: string, atKey = false) =>
    file.report(diagnostics, path, message, atKey);

  const checkSources = (file: YamlFile, path: SpecPath, sources: string[] | undefined) => {
    sources?.forEach((tag, i) => {
      if (!spec.sources.has(tag)) report(file, [...path, 'sources', i], `unknown source "${tag}"; add it to spec/sources.yaml`);
    });
  };

  const checkNode = (file: YamlFile, root: SchemaNode, rootPath: SpecPath) =>
    walkNode(root, rootPath, (node, path, role) => checkNodeRules(node, path, role, file, objectNames, report, checkSources));

  // One namespace for every generated type name, so that a collision names both places.
  const typeNames = new Map<string, { file: YamlFile; path: SpecPath }>();
  const claimTypeName = ({ name, source, path }: TypeClaim) => {
    const earlier = typeNames.get(name);
    if (RESERVED_TYPE_NAMES.has(name)) {
      report(source, path, `the type name ${name} is reserved by the generator`, true);
    } else if (!earlier) {
      typeNames.set(name, { file: source, path });
    } else {
      report(source, path, `the type name ${name} is also generated for ${where(earlier.file, earlier.path)}`, true);
    }
  };

  // Every spelling that can arrive on the wire, and every tidy alias, names exactly one event.
  const spellings = new Map<string, { file: YamlFile; path: SpecPath; what: string }>();
  const claimSpelling = (name: string, file: YamlFile, path: SpecPath, what: string): boolean => {
    const earlier = spellings.get(name);
    if (!earlier) {
      spellings.set(name, { file, path, what });
      return true;
    }
    const message =
      what === 'the event name' && earlier.what === what
        ? `the event "${name}" is already defined at ${where(earlier.file, earlier.path)}`
        : `${what} "${name}" is already ${earlier.what} at ${where(earlier.file, earlier.path)}`;
    report(file, path, message, true);
    return false;
  };

  // A clash is reported once, at the entry in the file edited last (the one just added), naming the older one.
  const events = oldestFirst(spec.events);
  const redefined = new Set<EventSpec>();
  for (const event of events) {
    if (!claimSpelling(event.name, event.source, event.path, 'the event name')) redefined.add(event);
    event.wireNames.forEach((name, i) => claimSpelling(name, event.source, [...event.path, 'wireNames', i], 'the wire name'));
  }
  // Aliases after all wire names, so that an alias that shadows a later wire name is caught too.
  for (const event of events) {
    event.aliases.forEach((alias, i) => {
      if (alias === event.name) report(event.source, [...event.path, 'aliases', i], `the alias "${alias}" is the event's own name`);
      else claimSpelling(alias, event.source, [...event.path, 'aliases', i], 'the alias');
    });
  }
  // An event defined twice makes its type name twice too; that is the same mistake, reported above.
  // A payload with variants also declares its shared fields and one type per case.
  const variantClaims = ({ typeName, source, path, payload }: EventSpec): TypeClaim[] =>
    payload.variants
      ? [commonFieldsTypeName(typeName), ...[...Object.keys(payload.variants.cases), OTHER_CASE].map((value) => variantTypeName(typeName, value))].map(
          (name) => ({ name, source, path: [...path, 'payload', 'variants'] }),
        )
      : [];
  const typeClaims: TypeClaim[] = [
    ...spec.objects.map(({ name, source, path }) => ({ name, source, path })),
    ...spec.events.filter((event) => !redefined.has(event)).flatMap((event) => [{ name: event.typeName, source: event.source, path: event.path }, ...variantClaims(event)]),
    ...spec.commands.map(({ typeName, source, path }) => ({ name: typeName, source, path })),
  ];
  oldestFirst(typeClaims).forEach(claimTypeName);

  for (const object of spec.objects) checkNode(object.source, object.schema, object.path);
  checkShapes(spec, report, { currentRules });
  for (const event of spec.events) {
    if (event.misspelled && event.aliases.length === 0) {
      report(event.source, [...event.path, 'misspelled'], 'a misspelled wire name needs an alias with the right spelling: the type is named from it', true);
    }
    checkSources(event.source, event.path, event.sources);
    checkNode(event.source, event.payload, [...event.path, 'payload']);
    checkPayloadRoot(event.payload, [...event.path, 'payload'], event.source, report);
    if (event.typeField && event.payload.properties?.['type']) {
      report(event.source, [...event.path, 'payload', 'properties', 'type'], 'the type field is generated from the event name; remove it (or set typeField: false)', true);
    }
  }

  for (const command of spec.commands) {
    checkSources(command.source, command.path, command.sources);
    if (command.payload) {
      checkNode(command.source, command.payload, [...command.path, 'payload']);
      checkPayloadRoot(command.payload, [...command.path, 'payload'], command.source, report);
      if (command.examples.length === 0) report(command.source, command.path, 'a command with a payload needs at least one example', true);
    } else if (command.examples.length > 0) {
      report(command.source, [...command.path, 'examples'], 'a command without a payload is sent as a bare name and has no examples', true);
    }
  }

  const connection = spec.connection;
  const file = connection.file;
  checkSources(file, ['overview'], connection.overview.sources);
  checkSources(file, ['payloads'], connection.payloads.sources);
  if (!spec.events.some((event) => event.name === connection.payloads.exampleEvent)) {
    report(file, ['payloads', 'exampleEvent'], `unknown event "${connection.payloads.exampleEvent}"; name an event from spec/events/`);
  }
  checkNode(file, connection.hello.payload, ['hello', 'payload']);
  checkSources(file, ['hello'], connection.hello.sources);
  checkSources(file, ['heartbeat'], connection.heartbeat.sources);
  checkSources(file, ['frames'], connection.frames.sources);
  connection.endpoints.forEach((entry, i) => checkSources(file, ['endpoints', i], entry.sources));
  connection.query.forEach((entry, i) => checkSources(file, ['query', i], entry.sources));
  connection.headers.forEach((entry, i) => checkSources(file, ['headers', i], entry.sources));
  connection.closeCodes.forEach((entry, i) => checkSources(file, ['closeCodes', i], entry.sources));
  const closeNames = new Set<string>();
  connection.closeCodes.forEach((entry, i) => {
    if (currentRules && entry.code !== 'other' && entry.name === undefined) report(file, ['closeCodes', i], `close code ${entry.code} needs a name (CloseCode.<name>)`);
    if (entry.code === 'other' && entry.name !== undefined) report(file, ['closeCodes', i, 'name'], 'other stands for many codes and has no name', true);
    if (entry.name !== undefined && closeNames.has(entry.name)) report(file, ['closeCodes', i, 'name'], `another close code is already named ${entry.name}`);
    if (entry.name !== undefined) closeNames.add(entry.name);
  });
  connection.unknown.forEach((entry, i) => checkSources(file, ['unknown', i], entry.sources));
  const current = connection.endpoints.filter((endpoint) => endpoint.current);
  if (current.length !== 1) report(file, ['endpoints'], `exactly one endpoint must be current: true (found ${current.length})`, true);
  // teamId: the AsyncAPI document opens the team socket with it.
  for (const required of ['jwt', 'EIO', 'transport', 'teamId']) {
    if (!connection.query.some((parameter) => parameter.name === required)) {
      report(file, ['query'], `the query parameter ${required} is missing`, true);
    }
  }
  // The reference builds its example frames from these packet types.
  const requirePacketType = (table: 'enginePacketTypes' | 'socketPacketTypes', name: string) => {
    if (!connection.frames[table][name]) report(file, ['frames', table], `the packet type ${name} is missing`, true);
  };
  requirePacketType('enginePacketTypes', 'open');
  requirePacketType('enginePacketTypes', 'message');
  requirePacketType('socketPacketTypes', 'event');
  const eio = connection.query.find((parameter) => parameter.name === 'EIO');
  if (eio && !/^\d+$/.test(eio.value ?? '')) report(file, ['query', connection.query.indexOf(eio), 'value'], 'EIO needs a numeric value');
}

/** A payload is an object: either listed fields or free-form. */
function checkPayloadRoot(node: SchemaNode, path: SpecPath, file: YamlFile, report: (file: YamlFile, path: SpecPath, message: string) => void): void {
  if (node.$ref || node.anyOf || node.items || (node.type !== undefined && node.type !== 'object') || node.nullable || node.optional) {
    report(file, path, 'a payload is an object: give it properties (or {} when no field is known)');
  }
}

type Report = (file: YamlFile, path: SpecPath, message: string, atKey?: boolean) => void;

/** Names every object answers through Object.prototype (`constructor`, `__proto__`, `toString`…). */
const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function checkNodeRules(
  node: SchemaNode,
  path: SpecPath,
  role: NodeRole,
  file: YamlFile,
  objectNames: Set<string>,
  report: Report,
  checkSources: (file: YamlFile, path: SpecPath, sources: string[] | undefined) => void,
): void {
  checkSources(file, path, node.sources);
  const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
  const has = (type: string) => types.includes(type);

  if (node.optional !== undefined && role !== 'property') {
    report(file, [...path, 'optional'], 'optional only applies to a field in properties', true);
  }
  if (node.$ref !== undefined) {
    if (!objectNames.has(node.$ref)) report(file, [...path, '$ref'], `unknown object "${node.$ref}"; objects are defined in spec/objects/`);
    const extra = Object.keys(node).filter((key) => !['$ref', 'optional', 'nullable', 'description', 'sources'].includes(key));
    if (extra.length > 0) report(file, [...path, extra[0]!], `"${extra[0]}" cannot sit beside $ref; describe the object in spec/objects/ instead`, true);
    return;
  }
  if (node.anyOf !== undefined && types.length > 0) {
    report(file, [...path, 'type'], 'give the type inside each anyOf alternative, not beside anyOf', true);
  }
  if ((node.properties || node.additionalProperties) && types.length > 0 && !has('object')) {
    report(file, [...path, 'type'], 'properties need type object (or no type)', true);
  }
  for (const key of Object.keys(node.properties ?? {})) {
    if (INHERITED_NAMES.has(key)) {
      report(file, [...path, 'properties', key], `a field named ${key} is one every JavaScript object inherits: the validators would read the inherited one for a missing field; no gateway payload is known to carry it`, true);
    }
  }
  if (node.properties && node.additionalProperties) {
    report(file, [...path, 'additionalProperties'], 'an object has either listed properties or map values (additionalProperties), not both', true);
  }
  if (node.items && !has('array')) report(file, [...path, 'items'], 'items needs type array', true);
  if (node.format && !has('string')) report(file, [...path, 'format'], 'format needs type string', true);
  if ((node.minimum !== undefined || node.maximum !== undefined) && !has('integer') && !has('number')) {
    report(file, path, 'minimum and maximum need type integer or number');
  }
  const isPayloadRoot = role === 'root' && path[path.length - 1] === 'payload';
  const needsType =
    !isPayloadRoot && !node.properties && !node.additionalProperties && node.extends === undefined && node.anyOf === undefined && node.enum === undefined && node.const === undefined;
  if (needsType && types.length === 0) report(file, path, 'give this field a type (or a $ref, enum or const)');

  const values = node.enum ?? (node.const !== undefined ? [node.const] : []);
  values.forEach((value, i) => {
    const jsType = typeof value;
    const fits = types.length === 0 || types.some((type) => SCALAR_TYPES[type] === jsType && (type !== 'integer' || Number.isInteger(value)));
    if (!fits) report(file, [...path, node.enum ? 'enum' : 'const', ...(node.enum ? [i] : [])], `${JSON.stringify(value)} is not of type ${types.join(' or ')}`);
  });
}
