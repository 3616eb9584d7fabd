/**
 * The spec's own schema: what each kind of spec file may contain.
 * Cross-field rules that JSON Schema says badly (a `$ref` with a `type`, unknown references)
 * live in check-spec.ts.
 *
 * `expected` says, in the spec's words, what an `anyOf` or a `pattern` wants: ajv's own message would
 * show the alternatives' errors or the regular expression (meta-errors.ts words every other keyword).
 */
import { FORMAT_NAMES } from './formats.js';

const TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];
const nonEmptyString = { type: 'string', minLength: 1 };
const sourceList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true };
const nameList = { type: 'array', items: nonEmptyString, uniqueItems: true };

const schemaNode = {
  type: 'object',
  additionalProperties: false,
  properties: {
    type: {
      expected: `a type: ${TYPES.slice(0, -1).join(', ')} or ${TYPES[TYPES.length - 1]} (or a list of them)`,
      anyOf: [{ enum: TYPES }, { type: 'array', items: { enum: TYPES }, minItems: 1, uniqueItems: true }],
    },
    optional: { type: 'boolean' },
    nullable: { type: 'boolean' },
    properties: { type: 'object', additionalProperties: { $ref: '#/definitions/node' } },
    additionalProperties: { $ref: '#/definitions/node' },
    items: { $ref: '#/definitions/node' },
    enum: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1, uniqueItems: true },
    const: { type: ['string', 'number', 'boolean'] },
    format: { enum: FORMAT_NAMES },
    minimum: { type: 'number' },
    maximum: { type: 'number' },
    $ref: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$', expected: 'the PascalCase name of an object in spec/objects/' },
    anyOf: { type: 'array', items: { $ref: '#/definitions/node' }, minItems: 2 },
    members: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Z][A-Za-z0-9]*$', expected: 'a member name (PascalCase: letters and digits, starting with a capital)' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'description'],
        properties: { value: { type: ['string', 'integer'] }, description: nonEmptyString },
      },
    },
    extends: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$', expected: 'the PascalCase name of an object in spec/objects/' },
    variants: {
      type: 'object',
      additionalProperties: false,
      required: ['by', 'cases'],
      properties: {
        by: nonEmptyString,
        cases: {
          type: 'object',
          minProperties: 2,
          additionalProperties: { type: 'object', minProperties: 1, additionalProperties: { $ref: '#/definitions/node' } },
        },
      },
    },
    description: nonEmptyString,
    sources: sourceList,
  },
};

const definitions = { node: schemaNode };

const described = {
  description: nonEmptyString,
  sources: sourceList,
};

/** spec/sources.yaml */
export const sourcesFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sources'],
  properties: {
    sources: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9]*$', expected: 'a source tag (lowercase letters and digits, starting with a letter)' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['title'],
        properties: {
          title: nonEmptyString,
          era: { enum: ['user', 'bot', 'rest'] },
          // Printed as a Markdown autolink, so no character that would end it.
          url: { type: 'string', pattern: '^https://[^\\s<>|]+$', expected: 'an https:// URL' },
        },
      },
    },
  },
};

const codedItem = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'description'],
  properties: { code: { type: 'integer', minimum: 0, maximum: 9 }, description: nonEmptyString },
};

/** spec/connection.yaml */
export const connectionFileSchema = {
  definitions,
  type: 'object',
  additionalProperties: false,
  required: ['overview', 'payloads', 'endpoints', 'query', 'headers', 'hello', 'heartbeat', 'frames', 'closeCodes', 'unknown'],
  properties: {
    overview: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'sources'],
      properties: described,
    },
    payloads: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'sources', 'exampleEvent'],
      properties: { ...described, exampleEvent: nonEmptyString },
    },
    endpoints: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url', 'from', 'description', 'sources'],
        properties: {
          url: { type: 'string', pattern: '^wss?://', expected: 'a ws:// or wss:// URL' },
          from: nonEmptyString,
          until: nonEmptyString,
          current: { type: 'boolean' },
          ...described,
        },
      },
    },
    query: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'required', 'description', 'sources'],
        properties: {
          name: nonEmptyString,
          value: { type: 'string' },
          required: { type: 'boolean' },
          since: nonEmptyString,
          example: { type: 'string' },
          ...described,
        },
      },
    },
    headers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'required', 'description', 'sources'],
        properties: {
          name: nonEmptyString,
          required: { type: 'boolean' },
          cookies: nameList,
          ...described,
        },
      },
    },
    hello: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'sources', 'defaults', 'payload', 'examples'],
      properties: {
        ...described,
        defaults: {
          type: 'object',
          additionalProperties: false,
          required: ['pingInterval', 'pingTimeout'],
          properties: { pingInterval: { type: 'integer', minimum: 1 }, pingTimeout: { type: 'integer', minimum: 1 } },
        },
        payload: { $ref: '#/definitions/node' },
        examples: { type: 'array', minItems: 1 },
      },
    },
    heartbeat: {
      type: 'object',
      additionalProperties: false,
      required: ['ping', 'pong', 'description', 'sources'],
      properties: { ping: nonEmptyString, pong: nonEmptyString, ...described },
    },
    frames: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'sources', 'enginePacketTypes', 'socketPacketTypes'],
      properties: {
        ...described,
        enginePacketTypes: { type: 'object', additionalProperties: codedItem },
        socketPacketTypes: { type: 'object', additionalProperties: codedItem },
      },
    },
    closeCodes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'endsSession', 'description', 'sources'],
        properties: {
          code: { expected: 'a close code from 1000 to 4999, or other', anyOf: [{ type: 'integer', minimum: 1000, maximum: 4999 }, { const: 'other' }] },
          name: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$', expected: 'a member name (PascalCase: letters and digits, starting with a capital)' },
          endsSession: { type: 'boolean' },
          ...described,
        },
      },
    },
    unknown: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['topic', 'description', 'sources'],
        properties: { topic: nonEmptyString, ...described },
      },
    },
  },
};

const entryBase = {
  description: nonEmptyString,
  status: { enum: ['name-only', 'fields', 'captured'] },
  sources: sourceList,
  examples: { type: 'array', minItems: 1 },
};

/** spec/events/*.yaml */
export const eventsFileSchema = {
  definitions,
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  properties: {
    events: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', expected: 'a wire name (letters, digits and _, starting with a letter)' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'status', 'sources', 'payload', 'examples'],
        properties: {
          ...entryBase,
          aliases: nameList,
          wireNames: nameList,
          typeField: { type: 'boolean' },
          misspelled: { type: 'boolean' },
          payload: { $ref: '#/definitions/node' },
        },
      },
    },
  },
};

/** spec/commands.yaml */
export const commandsFileSchema = {
  definitions,
  type: 'object',
  additionalProperties: false,
  required: ['commands'],
  properties: {
    commands: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$', expected: 'a wire name (letters, digits and _, starting with a letter)' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'status', 'sources'],
        properties: { ...entryBase, aliases: nameList, payload: { $ref: '#/definitions/node' } },
      },
    },
  },
};

/** spec/objects/*.yaml */
export const objectsFileSchema = {
  definitions,
  type: 'object',
  additionalProperties: false,
  required: ['objects'],
  properties: {
    objects: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Z][A-Za-z0-9]*$', expected: 'an object name (PascalCase: letters and digits, starting with a capital)' },
      additionalProperties: { $ref: '#/definitions/node' },
    },
  },
};

const seconds = { type: 'number', minimum: 0 };
const exampleRef = { type: 'string', pattern: '^[^#\\s]+#\\d+$', expected: 'an example as Event#index, such as ChatMessageCreated#0' };
const setMap = { type: 'object' };
const stepBase = { at: seconds, in: nonEmptyString, by: nonEmptyString, client: nonEmptyString, name: nonEmptyString, set: setMap };

/** spec/sample-session.yaml: the story of generated/samples/session.har. */
export const sampleSessionFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['unknown', 'heartbeatUntil', 'typing', 'people', 'channels', 'steps'],
  properties: {
    unknown: { type: 'object', additionalProperties: false, required: ['event', 'field'], properties: { event: nonEmptyString, field: nonEmptyString } },
    heartbeatUntil: seconds,
    typing: { type: 'object', additionalProperties: false, required: ['example', 'every'], properties: { example: exampleRef, every: seconds } },
    people: {
      type: 'object',
      additionalProperties: { type: 'object', additionalProperties: false, required: ['user', 'client'], properties: { user: nonEmptyString, client: nonEmptyString } },
    },
    channels: { type: 'object', additionalProperties: { type: 'object', required: ['example'], properties: { example: exampleRef } } },
    steps: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'object', additionalProperties: false, required: ['at', 'example'], properties: { ...stepBase, example: exampleRef, channel: nonEmptyString, unset: nameList } },
          { type: 'object', additionalProperties: false, required: ['at', 'event', 'start'], properties: { ...stepBase, event: nonEmptyString, start: setMap, channel: nonEmptyString } },
          { type: 'object', additionalProperties: false, required: ['at', 'say', 'by', 'in'], properties: { ...stepBase, say: {}, id: nonEmptyString } },
          { type: 'object', additionalProperties: false, required: ['at', 'system', 'example', 'by', 'in'], properties: { ...stepBase, system: nonEmptyString, example: exampleRef } },
          { type: 'object', additionalProperties: false, required: ['at', 'command', 'in'], properties: { ...stepBase, command: nonEmptyString } },
          { type: 'object', additionalProperties: false, required: ['from', 'to', 'typing', 'in'], properties: { from: seconds, to: seconds, typing: nonEmptyString, in: nonEmptyString } },
        ],
        expected: 'a step: an example, an event, a say, a system message, a command or typing (see the top of the file)',
      },
    },
  },
};
