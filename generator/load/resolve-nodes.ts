import type { SchemaNode, Spec } from './model.js';

/**
 * The spec with `extends` and `variants` folded into plain `properties`, so that every reader but the
 * types emitter (validators, JSON Schema, AsyncAPI, the reference) sees one flat object. The keys stay on
 * the node: the types emitter declares `interface X extends Base` and the variant union from them.
 * Runs after checkSpec, which has made sure every `extends` names an object with fields and no cycle.
 */
export function resolveNodes(spec: Spec): Spec {
  const raw = new Map(spec.objects.map((object) => [object.name, object.schema]));
  const resolved = new Map<string, SchemaNode>();
  const objectNode = (name: string): SchemaNode => {
    let node = resolved.get(name);
    if (!node) {
      node = flatten(raw.get(name)!, objectNode);
      resolved.set(name, node);
    }
    return node;
  };
  return {
    ...spec,
    objects: spec.objects.map((object) => ({ ...object, schema: objectNode(object.name) })),
    events: spec.events.map((event) => ({ ...event, payload: flatten(event.payload, objectNode) })),
    commands: spec.commands.map((command) => (command.payload ? { ...command, payload: flatten(command.payload, objectNode) } : command)),
  };
}

function flatten(node: SchemaNode, objectNode: (name: string) => SchemaNode): SchemaNode {
  if (node.extends === undefined && node.variants === undefined) return node;
  const inherited = node.extends === undefined ? {} : objectNode(node.extends).properties ?? {};
  // A case field is absent under the other cases, so the flat object has it as optional; its description
  // says when it is there, for the readers that see only the flat object (the reference, JSON Schema).
  const by = node.variants?.by;
  const caseFields = Object.entries(node.variants?.cases ?? {}).flatMap(([value, fields]) =>
    Object.entries(fields).map(([key, field]): [string, SchemaNode] => {
      const when = field.optional ? `Only when ${by} is ${value}, and not always then.` : `Present when ${by} is ${value}.`;
      return [key, { ...field, optional: true, description: field.description ? `${when} ${field.description}` : when }];
    }),
  );
  const optionalCaseFields = Object.fromEntries(caseFields);
  return {
    ...node,
    properties: { ...inherited, ...node.properties, ...optionalCaseFields },
    ownKeys: Object.keys(node.properties ?? {}),
  };
}
