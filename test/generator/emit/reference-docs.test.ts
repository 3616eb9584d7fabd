import { isDeepStrictEqual } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { emitReferenceDocs } from '../../../generator/emit/reference-docs.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import type { EventSpec } from '../../../generator/load/model.js';
import { BASE, generateWith, repoSpec } from '../spec-fixture.js';

const spec = await loadSpec(repoSpec);
const page = emitReferenceDocs(spec, ['spec/']);
const lines = page.split('\n');

/** The lines of `markdown` outside fenced code blocks, where headings, links and tables live. */
function proseLines(markdown: string): string[] {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && line.trim() === fence) fence = undefined;
    else if (fence === undefined) found.push(line);
  }
  return found;
}

/** Headings as a code host renders and anchors them (github-slugger), independent of the emitter's own slugger. */
function headings(markdown: string): { level: number; text: string; anchor: string }[] {
  const seen = new Map<string, number>();
  return proseLines(markdown).flatMap((line) => {
    const match = /^(#{1,6}) (.*)$/.exec(line);
    if (!match) return [];
    const text = match[2]!.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/`/g, '');
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    let anchor = base;
    for (let n = 1; seen.has(anchor); n++) anchor = `${base}-${n}`;
    seen.set(anchor, 0);
    return [{ level: match[1]!.length, text, anchor }];
  });
}

/** A table row's cells, split as GFM does: a pipe after a backslash is part of the cell. */
function cells(row: string): string[] {
  const found: string[] = [];
  let current = '';
  let escaped = false;
  for (const char of row.trim().slice(1, -1)) {
    if (char === '|' && !escaped) {
      found.push(current.trim());
      current = '';
    } else {
      current += char;
    }
    escaped = char === '\\' && !escaped;
  }
  return [...found, current.trim()];
}

/** Page text back to the spec's words: the escapes the emitter adds for tables and HTML undone. */
const unescaped = (markdown: string) => markdown.replace(/\\([\\|])/g, '$1').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** The text under the heading `title`, down to the next heading of the same or a higher level. */
function section(title: string): string {
  const start = lines.findIndex((line) => /^#+ /.test(line) && unescaped(line.replace(/^#+ /, '')) === title);
  if (start === -1) return '';
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** The table row that starts with the code span `name`. */
const row = (name: string) => lines.find((line) => line.startsWith(`| \`${name}\` |`)) ?? '';

/** Where an event is told: its own section, or its row in its area's table of name-only events. */
const eventText = (event: EventSpec) => section(event.name) || row(event.name);

/** Every JSON value the text shows: fenced blocks (whole, or one value a line) and one-line code spans. */
function shownJson(text: string): unknown[] {
  const parse = (source: string) => {
    try {
      return [JSON.parse(source)];
    } catch {
      return [];
    }
  };
  const fenced = [...text.matchAll(/^```json\n([\s\S]*?)\n```$/gm)].flatMap((match) => {
    const whole = parse(match[1]!);
    return whole.length > 0 ? whole : match[1]!.split('\n').flatMap(parse);
  });
  const spans = [...text.matchAll(/`(\{[^`]*\})`/g)].flatMap((match) => parse(unescaped(match[1]!)));
  return [...fenced, ...spans];
}

interface Told {
  /** A property key, with the node below it. */
  key?: string;
  description?: string;
  sources?: string[];
}

/**
 * Everything a schema node tells a reader, found without knowing the dialect: every key of every
 * `properties` map, every description and every list of sources, however deep and under whatever
 * construct. A construct the page does not render fails the test instead of vanishing.
 */
function told(node: unknown): Told[] {
  if (Array.isArray(node)) return node.flatMap(told);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const here: Told[] = typeof record['description'] === 'string' || Array.isArray(record['sources']) ? [{ description: record['description'] as string | undefined, sources: record['sources'] as string[] | undefined }] : [];
  const properties = record['properties'];
  const keys = typeof properties === 'object' && properties !== null ? Object.keys(properties).map((key) => ({ key })) : [];
  return [...here, ...keys, ...Object.values(record).flatMap(told)];
}

/** Asserts that `text` tells everything `node` does; `where` names it in the failure. */
function assertTells(text: string, node: unknown, where: string): number {
  const plain = unescaped(text);
  const fieldCells = proseLines(text).filter((line) => line.startsWith('| `')).map((line) => cells(line)[0]!.replace(/^`|`$/g, ''));
  const facts = told(node);
  for (const { key, description, sources } of facts) {
    if (key !== undefined) {
      const pattern = new RegExp(`(^|\\.)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\??$`);
      assert.ok(fieldCells.some((cell) => pattern.test(cell)), `${where}: no row for the field ${key}`);
    }
    if (description) assert.ok(plain.includes(description.replace(/\s*\n\s*/g, ' ')), `${where}: lost the description "${description}"`);
    if (sources?.length) assert.ok(plain.includes(`Sources: ${sources.join(', ')}.`), `${where}: lost the sources ${sources.join(', ')}`);
  }
  return facts.length;
}

/** An event with nothing to show but its name, a description and one example. */
const isNameOnly = (event: EventSpec) => event.status === 'name-only' && Object.keys(event.payload.properties ?? {}).length === 0 && event.examples.length <= 1;

/** The heading of the table of name-only events in an event's area: `spec/events/team-channels.yaml` -> `team channels`. */
const nameOnlyTitle = (event: EventSpec) => `Known only by name: ${event.source.file.replace(/^.*\/|\.yaml$/g, '').replace(/-/g, ' ')}`;

const docs = suite('the Markdown reference');

docs('it says it is generated, in an HTML comment', () => {
  assert.match(page, /^<!--\nGenerated by guilded-gateway from the spec\. Do not edit/);
});

docs('it is under 3,000 lines', () => {
  assert.ok(lines.length < 3000, `${lines.length} lines`);
});

docs('no table has more than three columns', () => {
  const rows = proseLines(page).filter((line) => line.startsWith('|'));
  assert.ok(rows.length > 1000, `${rows.length} rows`);
  for (const line of rows) assert.ok(cells(line).length <= 3, line);
});

docs('every intra-document link lands on a heading anchor', () => {
  const anchors = new Set(headings(page).map((heading) => heading.anchor));
  const links = proseLines(page).flatMap((line) => [...line.matchAll(/\]\(#([^)]*)\)/g)].map((match) => match[1]!));
  assert.ok(links.length > spec.events.length * 2, `${links.length} links`);
  for (const link of links) assert.ok(anchors.has(link), `#${link} has no heading`);
});

docs('the contents link every area of events and objects', () => {
  const contents = section('Contents');
  for (const heading of headings(page).filter((h) => h.level === 3 && /^(Events|Objects): /.test(h.text))) {
    assert.ok(contents.includes(`(#${heading.anchor})`), `the contents miss ${heading.text}`);
  }
});

const order = suite('the order of the reference');

order('the events come first, then commands and objects, then the connection, the sources and the index', () => {
  const top = headings(page).filter((heading) => heading.level === 2).map((heading) => heading.text);
  assert.equal(top.slice(0, 5), ['Contents', 'Payloads', 'Events', 'Commands', 'Objects']);
  assert.ok(top.indexOf('Connecting') > top.indexOf('Objects'));
  assert.equal(top.slice(-2), ['Sources', 'Index: names you may know']);
});

order("a bot author's first look-up, ChatMessageCreated, is the first event on the page", () => {
  const events = headings(page).slice(headings(page).findIndex((heading) => heading.text === 'Events'));
  assert.is(events.find((heading) => heading.level === 4)?.text, 'ChatMessageCreated');
});

order('events known only by name share one table per area, after the events of that area with fields', () => {
  const texts = headings(page).map((heading) => heading.text);
  const nameOnly = spec.events.filter(isNameOnly);
  assert.ok(nameOnly.length > 30, `${nameOnly.length} name-only events`);
  for (const event of nameOnly) {
    assert.not.ok(texts.includes(event.name), `${event.name} has a heading of its own`);
    assert.ok(row(event.name) && section(nameOnlyTitle(event)).includes(row(event.name)), `${event.name} is not in its area's table`);
  }
  for (const event of spec.events.filter((entry) => !isNameOnly(entry))) {
    const table = page.indexOf(`#### ${nameOnlyTitle(event)}\n`);
    assert.ok(texts.includes(event.name), `${event.name} has no heading`);
    assert.ok(table === -1 || page.indexOf(`#### ${event.name}\n`) < table, `${event.name} comes after its area's name-only table`);
  }
});

const complete = suite('nothing is lost');

complete('every field, description and source citation of every event is in its section', () => {
  let checked = 0;
  for (const event of spec.events) {
    const text = eventText(event);
    assert.ok(text, `${event.name} is not on the page`);
    checked += assertTells(text, event.payload, event.name);
    assertTells(text, { description: event.description, sources: event.sources }, event.name);
    if (!isNameOnly(event)) assert.ok(text.includes(`Evidence: ${event.status}.`), `${event.name}'s evidence`);
    for (const name of [...event.aliases, ...event.wireNames]) assert.ok(text.includes(name), `${event.name}'s other name ${name}`);
    if (!event.typeField) assert.ok(text.includes('No type field.'), `${event.name} has no type field`);
  }
  assert.ok(checked > 600, `${checked} facts checked`);
});

complete('every field, description and source citation of every object and command is in its section', () => {
  for (const object of spec.objects) assertTells(section(object.name), object.schema, object.name);
  for (const command of spec.commands) {
    const text = section(`${command.name} command`);
    assertTells(text, { payload: command.payload, description: command.description, sources: command.sources }, command.name);
    assert.ok(text.includes(`Evidence: ${command.status}.`), `${command.name}'s evidence`);
  }
});

complete('every description and source citation of the connection is on the page', () => {
  assert.ok(assertTells(page, spec.connection, 'connection') > 30);
});

complete('every example of every event, command and the hello is shown in its section', () => {
  let checked = 0;
  const assertShown = (text: string, examples: readonly unknown[], where: string) => {
    const shown = shownJson(text);
    for (const [i, example] of examples.entries()) {
      assert.ok(shown.some((value) => isDeepStrictEqual(value, example)), `${where}: example ${i} is missing`);
      checked++;
    }
  };
  for (const event of spec.events) assertShown(eventText(event), event.examples, event.name);
  for (const command of spec.commands) assertShown(section(`${command.name} command`), command.examples, command.name);
  assertShown(section('Hello'), spec.connection.hello.examples, 'the hello');
  assert.ok(checked > spec.events.length, `${checked} examples checked`);
});

complete('the first example is shown and the others are folded', () => {
  const created = section('ChatMessageCreated');
  const [before, folded] = created.split('<details>');
  assert.is(shownJson(before!).length, 1);
  assert.is(shownJson(folded!).length, spec.events.find((event) => event.name === 'ChatMessageCreated')!.examples.length - 1);
  assert.match(created, /<details><summary>2 more examples, one per line<\/summary>\n\n```json\n/);
});

complete('every source is listed with its title and repository', () => {
  const sources = section('Sources');
  for (const [tag, source] of spec.sources) {
    const line = row(tag);
    assert.ok(sources.includes(line) && line !== '', `no row for ${tag}`);
    assert.ok(unescaped(line).includes(source.title), `${tag}'s title`);
    if (source.url) assert.ok(line.includes(`<${source.url}>`), `${tag}'s repository`);
  }
});

complete('the index leads every alias and other wire spelling to its wire name', () => {
  const index = section('Index: names you may know');
  const anchors = new Map(headings(page).map((heading) => [heading.text, heading.anchor]));
  let checked = 0;
  for (const event of spec.events) {
    const anchor = anchors.get(event.name) ?? anchors.get(nameOnlyTitle(event));
    for (const name of [...event.aliases, ...event.wireNames]) {
      assert.ok(index.includes(`| \`${name}\` |`) && row(name).endsWith(`[${event.name}](#${anchor}) |`), `${name} -> ${event.name}`);
      checked++;
    }
  }
  assert.ok(row('Trigger Typing').endsWith('[ChatChannelTyping](#chatchanneltyping-command) |'));
  assert.ok(checked > 30, `${checked} names`);
});

complete('it carries what the community page said', () => {
  const typing = spec.commands.find((command) => command.name === 'ChatChannelTyping')!;
  assert.ok(page.includes(`42["ChatChannelTyping",${JSON.stringify(typing.examples[0])}]`), 'the Trigger Typing frame');
  assert.ok(page.includes('Also known as: Trigger Typing'));
  assert.ok(page.includes('"sid": "your_session_id"'), 'the hello example');
  assert.ok(page.includes('The client sends `2`; the server answers `3`.'), 'the heartbeat');
  assert.match(page, /^\| 1000 \| yes \|/m);
  assert.match(page, /^\| 1001 \| yes \|/m);
  assert.match(page, /^\| rate limits \|/m);
});

const hostile = suite('hostile spec text');

hostile('stays inside its table cell and its paragraph', async () => {
  const text = 'a | pipe, a \\| escaped pipe,\nnew line, `co|de`, `co\\|de`, ``` fence, */ end, <b>tag</b> & <!-- comment, \u2028 separator';
  const chat = BASE['events/chat.yaml']!
    .replace('description: A message was sent.', `description: ${JSON.stringify(text)}`)
    .replace('channelId: { type: string, format: uuid }', `channelId: { type: string, format: uuid, description: ${JSON.stringify(text)} }`);
  const { files, problems } = await generateWith({ 'events/chat.yaml': chat });
  assert.is(problems, undefined);
  const markdown = files!.get('docs/gateway.md')!;
  const prose = proseLines(markdown);
  const fieldRow = prose.find((line) => line.startsWith('| `channelId` |'))!;
  assert.is(cells(fieldRow).length, 3, fieldRow);
  const heading = prose.indexOf('#### ChatMessageCreated');
  assert.match(prose[heading + 1]!, /^a \| pipe, .* separator Evidence: fields\. Sources: deck\.$/);
  assert.is(prose[heading + 2], '');
  assert.not.match(markdown, /<b>|<!-- comment|\u2028/);
  const anchors = new Set(headings(markdown).map((h) => h.anchor));
  for (const link of prose.flatMap((line) => [...line.matchAll(/\]\(#([^)]*)\)/g)].map((match) => match[1]!))) {
    assert.ok(anchors.has(link), `#${link} has no heading`);
  }
});

docs.run();
order.run();
complete.run();
hostile.run();
