import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSpec } from '../../generator/load/load-spec.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const specDir = path.join(root, 'spec');

/** The spec's own text: its YAML and its Markdown, captured data files aside. */
const texts = readdirSync(specDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(ya?ml|md)$/.test(name) && statSync(path.join(specDir, name)).isFile())
  .map((name) => ({ file: `spec/${name.split(path.sep).join('/')}`, text: readFileSync(path.join(specDir, name), 'utf8') }));

/** True when a repository path exists; a glob (`spec/events/*.yaml`) exists when the folder before its first `*` does. */
const existsInRepository = (cited: string) => existsSync(path.join(root, cited.split('*')[0]!));

const citations = suite('everything the spec cites is in the repository or a public URL');

citations('every repository path the spec names exists', () => {
  let checked = 0;
  for (const { file, text } of texts) {
    for (const [cited] of text.matchAll(/(?<![\w./-])(?:spec|shared|generated|runtime|cli)\/[\w./*{},-]*[\w*/]/g)) {
      assert.ok(existsInRepository(cited), `${file} cites ${cited}, which is not in the repository`);
      checked++;
    }
  }
  assert.ok(checked >= 5, `found ${checked} paths`);
});

citations('every relative Markdown link in the spec leads to a file or folder of the repository', () => {
  let checked = 0;
  for (const { file, text } of texts.filter(({ file }) => file.endsWith('.md'))) {
    for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const resolved = path.join(root, path.dirname(file), target!);
      assert.ok(existsSync(resolved), `${file} links to ${target}, which is not in the repository`);
      checked++;
    }
  }
  assert.ok(checked >= 5, `found ${checked} links`);
});

citations('every source tag has a public https URL or names where in the repository it is recorded', async () => {
  const spec = await loadSpec(specDir);
  for (const [tag, source] of spec.sources) {
    const inRepository = /spec\/reference\/[\w./-]*\w/.exec(source.title)?.[0];
    assert.ok(source.url?.startsWith('https://') || (inRepository !== undefined && existsInRepository(inRepository)), `${tag} has neither`);
  }
});

citations('the spec cites nothing outside the repository by path', () => {
  for (const { file, text } of texts) assert.not.match(text, /(?<![\w.-])shared\/reference/, `${file} points at shared/reference`);
});

citations.run();
