/**
 * Markdown documentation in the tfplugindocs layout (docs/index.md, docs/resources/<name>.md,
 * docs/data-sources/<name>.md), rendered from the same definitions as the schema.
 */
import { isComputed, type AnyAttribute, type Attributes } from './attributes';
import type { SomeDataSource, SomeResource } from './definitions';
import type { ProviderDefinition } from './provider';

/** Which page an example belongs to: the provider's (index.md), a resource's or a data source's. */
export type ExampleKind = 'provider' | 'resource' | 'data-source';

/**
 * Where tfplugindocs keeps a page's example, relative to the examples directory:
 * `provider/provider.tf`, `resources/<type>/resource.tf`, `data-sources/<type>/data-source.tf`.
 */
export function examplePath(kind: ExampleKind, typeName: string): string {
  if (kind === 'provider') return 'provider/provider.tf';
  return kind === 'resource' ? `resources/${typeName}/resource.tf` : `data-sources/${typeName}/data-source.tf`;
}

export interface DocsOptions {
  /** e.g. `iredadmin`. */
  readonly providerName: string;
  /** HCL of a page's example (`typeName` is the provider's name for the provider page); undefined: none. */
  exampleOf(kind: ExampleKind, typeName: string): string | undefined;
}

const TYPE_NAMES: Record<AnyAttribute<never>['kind'], string> = {
  string: 'String',
  number: 'Number',
  bool: 'Boolean',
  stringSet: 'Set of String',
  stringList: 'List of String',
  stringMap: 'Map of String',
};

function attributeLine(name: string, spec: AnyAttribute<never>): string {
  const flags = [TYPE_NAMES[spec.kind]];
  if (spec.sensitive) flags.push('Sensitive');
  if (spec.writeOnly) flags.push('Write-only');
  const notes: string[] = [];
  if (spec.requiresReplace === true) notes.push('Changing it replaces the object.');
  else if (spec.requiresReplace) notes.push(spec.requiresReplace.note);
  if (spec.default !== undefined) notes.push(`Defaults to \`${JSON.stringify(spec.default)}\`.`);
  return `- \`${name}\` (${flags.join(', ')}) ${spec.description}${notes.length ? ` ${notes.join(' ')}` : ''}`;
}

function schemaSection(attributes: Attributes<never>, idDescription: string): string {
  const groups: Record<'Required' | 'Optional' | 'Read-Only', string[]> = {
    Required: [],
    Optional: [],
    'Read-Only': [],
  };
  for (const name of Object.keys(attributes).sort()) {
    const spec = attributes[name]!;
    const group = spec.required ? 'Required' : spec.optional || !isComputed(spec) ? 'Optional' : 'Read-Only';
    groups[group].push(attributeLine(name, spec));
  }
  groups['Read-Only'].push(`- \`id\` (String) ${idDescription}`);
  groups['Read-Only'].sort();
  return Object.entries(groups)
    .filter(([, lines]) => lines.length)
    .map(([title, lines]) => `### ${title}\n\n${lines.join('\n')}`)
    .join('\n\n');
}

function page(
  kind: 'Resource' | 'Data Source',
  typeName: string,
  description: string,
  example: string | undefined,
  body: string,
): string {
  const summary = description.split(/(?<=\.)\s/)[0] ?? description;
  return [
    '---',
    `page_title: "${typeName} ${kind} - iredadmin"`,
    `description: |-`,
    `  ${summary}`,
    '---',
    '',
    `# ${typeName} (${kind})`,
    '',
    description,
    '',
    ...exampleSection(example),
    '<!-- generated from the provider definitions by `npm run docs`; do not edit -->',
    '## Schema',
    '',
    body,
    '',
  ].join('\n');
}

function exampleSection(example: string | undefined): string[] {
  return example ? ['## Example Usage', '', '```terraform', example, '```', ''] : [];
}

function resourcePage(r: SomeResource<unknown>, example: string | undefined): string {
  const body = schemaSection(r.attributes, `The object's ID: ${r.importIdFormat}.`) + importSection(r);
  return page('Resource', r.typeName, r.description, example, body);
}

function importSection(r: SomeResource<unknown>): string {
  return `

## Import

Import with ${r.importIdFormat}:

\`\`\`shell
terraform import ${r.typeName}.example <id>
\`\`\`

or an \`import\` block (\`terraform plan -generate-config-out=generated.tf\` writes the configuration):

\`\`\`terraform
import {
  to = ${r.typeName}.example
  id = "<id>"
}
\`\`\``;
}

function dataSourcePage(d: SomeDataSource<unknown>, example: string | undefined): string {
  return page('Data Source', d.typeName, d.description, example, schemaSection(d.attributes, "The object's ID."));
}

/** Relative path → content, for every page. */
export function renderDocs<Client>(provider: ProviderDefinition<Client>, options: DocsOptions): Map<string, string> {
  const pages = new Map<string, string>();
  const short = (typeName: string) => typeName.replace(`${options.providerName}_`, '');
  const index = [
    '---',
    `page_title: "${options.providerName} Provider"`,
    'description: |-',
    `  ${provider.description}`,
    '---',
    '',
    `# ${options.providerName} Provider`,
    '',
    provider.description,
    '',
    ...exampleSection(options.exampleOf('provider', options.providerName)),
    '<!-- generated from the provider definitions by `npm run docs`; do not edit -->',
    '## Schema',
    '',
    schemaSection(provider.attributes, '')
      .replace(/\n- `id` \(String\) $/m, '')
      .replace(/### Read-Only\n\n$/, '')
      .trim(),
    '',
    '## Resources',
    '',
    ...provider.resources.map((r) => `- [${r.typeName}](resources/${short(r.typeName)}.md)`),
    '',
    '## Data Sources',
    '',
    ...provider.dataSources.map((d) => `- [${d.typeName}](data-sources/${short(d.typeName)}.md)`),
    '',
  ].join('\n');
  pages.set('index.md', index);
  for (const r of provider.resources)
    pages.set(
      `resources/${short(r.typeName)}.md`,
      resourcePage(r as SomeResource<unknown>, options.exampleOf('resource', r.typeName)),
    );
  for (const d of provider.dataSources)
    pages.set(
      `data-sources/${short(d.typeName)}.md`,
      dataSourcePage(d as SomeDataSource<unknown>, options.exampleOf('data-source', d.typeName)),
    );
  return pages;
}
