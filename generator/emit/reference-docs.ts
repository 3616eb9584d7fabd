import type { Spec } from '../load/model.js';
import { inline, paragraph, Slugger } from './markdown.js';
import { notice } from './notice.js';
import { connectionSections, payloadsSection } from './reference-connection.js';
import { commandSections, eventSections, objectSections } from './reference-entries.js';
import { namesIndexSection, sourcesSection } from './reference-index.js';
import { blocks, sourcesText, type Link, type Section } from './reference-parts.js';

/**
 * generated/docs/gateway.md: the whole gateway as a Markdown reference whose links work on a code
 * host. Ordered for readers: how a payload looks, the events (best-known areas first), commands and
 * objects, then the connection, the sources, and an index from other names to wire names.
 */
export function emitReferenceDocs(spec: Spec, inputs: readonly string[]): string {
  const anchors = new Map<string, string>();
  const link: Link = (key, text) => {
    const anchor = anchors.get(key);
    if (anchor === undefined) throw new Error(`the reference has no section ${key}`);
    return `[${inline(text)}](#${anchor})`;
  };

  const contents: Section = {
    level: 2,
    key: 'contents',
    title: 'Contents',
    // One line per top-level section, its subsections after it: `Events: chat messages` reads `chat messages`.
    body: () =>
      sections
        .flatMap((section, i) => {
          if (section.level !== 2 || section === contents) return [];
          const next = sections.findIndex((other, j) => j > i && other.level <= 2);
          const subsections = sections.slice(i + 1, next === -1 ? undefined : next).filter((other) => other.level === 3);
          const names = subsections.map((other) => link(other.key, other.title.replace(`${section.title}: `, '')));
          return [`- ${link(section.key, section.title)}${names.length > 0 ? `: ${names.join(', ')}` : ''}`];
        })
        .join('\n'),
  };
  const { overview } = spec.connection;
  const sections: Section[] = [
    { level: 1, key: 'top', title: 'Guilded gateway reference', body: () => blocks(paragraph(overview.description), inline(sourcesText(overview.sources), false)) },
    contents,
    payloadsSection(spec, link),
    ...eventSections(spec, link),
    ...commandSections(spec, link),
    ...objectSections(spec, link),
    ...connectionSections(spec, link),
    sourcesSection(spec),
    namesIndexSection(spec, link),
  ];

  // Anchors in document order, as the code host numbers repeated headings.
  const slugger = new Slugger();
  for (const section of sections) {
    const anchor = slugger.slug(section.title);
    for (const key of [section.key, ...(section.alsoKeys ?? [])]) anchors.set(key, anchor);
  }

  // A heading is one line by definition (CommonMark ATX), so its body follows without a blank line.
  const page = sections.map((section) => `${'#'.repeat(section.level)} ${inline(section.title, false)}\n${section.body()}`);
  return `${blocks(`<!--\n${notice(inputs).join('\n')}\n-->`, ...page)}\n`;
}
