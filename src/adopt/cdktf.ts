/**
 * The CDKTF writer: a TypeScript stack (`main.ts`) that creates every adopted object with our
 * constructs and `importFrom`, and per domain a data module (`<domain>.ts`) holding its users,
 * aliases and lists as typed arrays (`Adopted<UserConfig>[]`, …). Aliases, lists, domain admins,
 * throttles and spam policies refer to the user, domain and admin resources, as in the HCL.
 */
import { domainToUnicode } from 'node:url';
import { GROUPED_TYPES, groupEntry, objectsOf, orderedConfig, type FileLayout, type WriterContext } from './layout';
import type { AdoptedObject, AdoptedType } from './model';
import { Raw, render as renderIn, type Value } from './values';
import { LayoutWriter } from './writer';
import { unicodeEscape } from '../common/unicode-escape';

const CLASS: Record<AdoptedType, string> = {
  iredadmin_domain: 'Domain',
  iredadmin_user: 'User',
  iredadmin_alias: 'Alias',
  iredadmin_maillist: 'Maillist',
  iredadmin_admin: 'Admin',
  iredadmin_domain_admins: 'DomainAdmins',
  iredadmin_throttle: 'Throttle',
  iredadmin_spampolicy: 'Spampolicy',
  iredadmin_wblist: 'Wblist',
  iredadmin_greylisting: 'Greylisting',
};
const GROUP: Partial<Record<AdoptedType, { exported: string; method: string; lists: readonly string[] }>> = {
  iredadmin_user: { exported: 'users', method: 'addUsers', lists: [] },
  iredadmin_alias: { exported: 'aliases', method: 'addAliases', lists: ['members'] },
  iredadmin_maillist: {
    exported: 'mailingLists',
    method: 'addMailingLists',
    lists: ['members', 'moderators', 'owners'],
  },
};
const CONSTRUCTS = 'iredadmin-cdktf';

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const TS_ESCAPES: Readonly<Record<string, string>> = { "'": "\\'", '\\': '\\\\', '\n': '\\n', '\r': '\\r' };
/** A TypeScript string literal of `text`: other control characters and line separators as `\uNNNN`. */
const str = (text: string) =>
  `'${text.replace(/[\u0000-\u001f'\\\u007f\u2028\u2029]/g, (c) => TS_ESCAPES[c] ?? unicodeEscape(c))}'`;
/**
 * A TypeScript string literal of a value terraform receives as exactly `text`: terraform evaluates
 * `${…}` and `%{…}` in every string of the JSON cdktf synthesizes (so they are doubled, terraform's
 * escape), and cdktf itself resolves `${TfToken[…]}`-like markers (split by an empty interpolation).
 */
const literal = (text: string) =>
  str(text.replace(/\$\{|%\{/g, (sequence) => sequence[0] + sequence).replace(/\{TfToken\[/g, () => '{Tf${""}Token['));

const render = (value: Value) => renderIn(value, { quote: literal, entry: (k, v) => `${k}: ${v}` });

function objectLiteral(pairs: readonly [string, Value][], indent: string): string {
  const flat = `{ ${pairs.map(([k, v]) => `${k}: ${render(v)}`).join(', ')} }`;
  if (indent.length + flat.length <= 110) return flat;
  return `{\n${pairs.map(([k, v]) => `${indent}  ${k}: ${render(v)},`).join('\n')}\n${indent}}`;
}

/** Construct ids are unique in the stack across types: the domain's admins and policies get a suffix. */
function constructIds(objects: readonly AdoptedObject[]): Map<AdoptedObject, string> {
  const ids = new Map<AdoptedObject, string>();
  const taken = new Set(['iredadmin']);
  const suffix: Partial<Record<AdoptedType, string>> = {
    iredadmin_domain_admins: '_admins',
    iredadmin_spampolicy: '_spampolicy',
    iredadmin_wblist: '_wblist',
    iredadmin_greylisting: '_greylisting',
  };
  for (const object of objects) {
    const base = object.name + (suffix[object.type] ?? '');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    ids.set(object, id);
  }
  return ids;
}

class Stack extends LayoutWriter {
  readonly ids = constructIds(this.files.flatMap(objectsOf));
  readonly variables = new Map<AdoptedObject, string>();
  /**
   * Names declared in the stack's scope, unique: an admin `mail@x.example` and a domain
   * `mail.x.example` both make `mailXExample`, which declared the name twice.
   */
  readonly #declared = new Set<string>();
  /** Each data module's import name (`mailXExampleData`). */
  readonly #dataNames = new Map(this.files.map((file) => [file, this.declare(`${camel(file.ident)}Data`)]));

  private declare(base: string): string {
    let name = base;
    for (let n = 2; this.#declared.has(name); n++) name = `${base}${n}`;
    this.#declared.add(name);
    return name;
  }

  /** Users by address (the stack keeps them in a map); other objects through the variable holding them. */
  protected reference(target: AdoptedObject, name: string): Value | undefined {
    if (target.type === 'iredadmin_user') return new Raw(`this.address(${literal(name)})`);
    const variable = this.variables.get(target);
    return variable && new Raw(`${variable}.${target.type === 'iredadmin_domain' ? 'domain' : 'email'}`);
  }

  /** `new Class(this, 'id', {…})` imported from the object's import ID, optionally kept in a variable. */
  single(object: AdoptedObject, variable?: string): string {
    const pairs = orderedConfig(object).map(([attr, v]): [string, Value] => [
      camel(attr),
      this.value(object.type, attr, v),
    ]);
    const construct = `new ${CLASS[object.type]}(this, ${str(this.ids.get(object)!)}, ${objectLiteral(pairs, '    ')})`;
    const created = `this.imported(${construct}, ${literal(object.importId)})`;
    if (!variable) return `    ${created};`;
    this.variables.set(object, variable);
    return `    const ${variable} = ${created};`;
  }

  dataModule(file: FileLayout): string {
    const types = file.groups.map((g) => `${CLASS[g.type]}Config`).sort();
    const unicode = domainToUnicode(file.domain!);
    const lines = [
      `// Domain ${file.domain}${unicode !== file.domain ? ` (${unicode})` : ''}: ` +
        'its users, aliases and mailing lists, as `iredadmin adopt` read them',
      `// from ${this.ctx.url}. Edit freely: a re-run never overwrites a file you changed.`,
      `import type { ${types.join(', ')} } from '${CONSTRUCTS}';`,
      `import type { Adopted } from './adopted';`,
    ];
    for (const g of file.groups) {
      const entries = g.objects.map((o) => {
        const pairs: [string, Value][] = [
          ['id', this.ids.get(o)!],
          ...groupEntry(o).map(([attr, v]): [string, Value] => [camel(attr), v]),
        ];
        return `  ${objectLiteral(pairs, '  ')},`;
      });
      lines.push(
        '',
        `export const ${GROUP[g.type]!.exported}: Adopted<${CLASS[g.type]}Config>[] = [`,
        ...entries,
        '];',
      );
    }
    return `${lines.join('\n')}\n`;
  }

  main(): string {
    const used = new Set<AdoptedType>(this.files.flatMap(objectsOf).map((o) => o.type));
    const dataFiles = this.files.filter((f) => f.groups.length > 0);
    const body: string[] = [];
    const settings: [string, Value][] = [['url', this.ctx.url]];
    if (this.ctx.provider.insecure) settings.push(['insecure', true]);
    if (this.ctx.provider.caCertFile)
      settings.push(['caCert', new Raw(`readFileSync(${str(this.ctx.provider.caCertFile)}, 'utf8')`)]);
    body.push(`    new IredadminProvider(this, 'iredadmin', ${objectLiteral(settings, '    ')});`);

    const global = this.files.find((f) => f.domain === null);
    const admins = global?.singles.filter((o) => o.type === 'iredadmin_admin') ?? [];
    if (admins.length) {
      body.push('', '    // Separate admins. No password: an imported admin needs none (see the note on users below).');
      for (const o of admins) body.push(this.single(o, this.declare(camel(o.name))));
    }
    for (const file of this.files.filter((f) => f.domain !== null)) {
      const domainVar = this.declare(camel(file.ident));
      body.push('', `    // ${file.domain}`);
      if (file.domainObject) body.push(this.single(file.domainObject, domainVar));
      for (const g of file.groups)
        body.push(
          `    this.${GROUP[g.type]!.method}(${domainVar}, ${literal(file.domain!)}, ` +
            `${this.#dataNames.get(file)}.${GROUP[g.type]!.exported});`,
        );
    }
    const rest = this.files.flatMap((f) =>
      f.singles.filter((o) => o.type !== 'iredadmin_admin').map((o) => ({ f, o })),
    );
    if (rest.length) {
      body.push('', '    // Domain admins, throttles, spam policies, white/blacklists and greylisting.');
      for (const { o } of rest) body.push(this.single(o));
    }

    const groupTypes = [...GROUPED_TYPES].filter((t) => used.has(t));
    let helpers = groupTypes.map((t) => this.helper(t)).join('');
    dropUnusedVariables(body);
    const referencesUsers = `${body.join('\n')}${helpers}`.includes('this.address(');
    if (!referencesUsers)
      helpers = helpers
        .replace('this.users.set(email, this.imported(', 'this.imported(')
        .replace('), email));', '), email);');
    const classes = [
      ...new Set(['IredadminProvider', ...[...used].map((t) => CLASS[t]), ...(referencesUsers ? ['User'] : [])]),
    ].sort();
    const configs = groupTypes.map((t) => `type ${CLASS[t]}Config`).sort();
    const imports = [
      ...(this.ctx.provider.caCertFile ? [`import { readFileSync } from 'node:fs';`] : []),
      `import { App, TerraformStack, type TerraformResource } from 'cdktf';`,
      `import type { Construct } from 'constructs';`,
      `import { ${[...classes, ...configs].join(', ')} } from '${CONSTRUCTS}';`,
      ...(groupTypes.length ? [`import type { Adopted } from './adopted';`] : []),
      ...dataFiles.map((f) => `import * as ${this.#dataNames.get(f)} from './${f.ident}';`),
    ];
    const members = referencesUsers ? USER_REFERENCES : '';
    return `${HEADER(this.ctx.url)}${imports.join('\n')}

export class AdoptedMail extends TerraformStack {${members}
  constructor(scope: Construct, id: string) {
    super(scope, id);
${body.join('\n')}
  }

  /** Brings the existing object under the stack on the first deploy (import blocks in the synthesized JSON). */
  private imported<R extends TerraformResource>(resource: R, importId: string): R {
    resource.importFrom(importId);
    return resource;
  }
${helpers}}

const app = new App();
new AdoptedMail(app, 'adopted-mail');
app.synth();
`;
  }

  helper(type: AdoptedType): string {
    const g = GROUP[type]!;
    const cls = CLASS[type];
    const lists = g.lists;
    const destructure = ['id', 'localPart', ...lists, '...config'].join(', ');
    const listArgs = lists.map((l) => `, ${l}: ${l}?.map((e) => this.address(e))`).join('');
    const keep = type === 'iredadmin_user' ? 'this.users.set(email, ' : '';
    const close = type === 'iredadmin_user' ? ')' : '';
    return `
  private ${g.method}(domain: Domain, domainName: string, adopted: readonly Adopted<${cls}Config>[]): void {
    for (const { ${destructure} } of adopted) {
      const email = \`\${localPart}@\${domainName}\`;
      ${keep}this.imported(new ${cls}(this, id, { ...config, email: \`\${localPart}@\${domain.domain}\`${listArgs} }), email)${close};
    }
  }
`;
  }
}

const USER_REFERENCES = `
  /** User resources by address: aliases, lists, domain admins and policies refer to them. */
  private readonly users = new Map<string, User>();

  /** An adopted user's address as a reference to its resource; other addresses as they are. */
  private address(email: string): string {
    return this.users.get(email)?.email ?? email;
  }
`;

/**
 * \`const x = …\` for a resource nothing refers to becomes a plain statement (strict tsconfigs refuse
 * unused locals).
 */
function dropUnusedVariables(body: string[]): void {
  const all = body.join('\n');
  for (let i = 0; i < body.length; i++) {
    const match = /^ {4}const (\w+) = /.exec(body[i]!);
    if (match && !new RegExp(`\\b${match[1]}\\b`).test(all.replace(body[i]!, '')))
      body[i] = body[i]!.replace(match[0], '    ');
  }
}

const HEADER = (
  url: string,
) => `// Written by \`iredadmin adopt\` from ${url}. Edit freely: a re-run never overwrites a file you changed.
// The provider logs in with IREDADMIN_USERNAME and IREDADMIN_PASSWORD from the environment.
// Passwords are neither read nor written: an imported account needs none. To manage one from here,
// give the User or Admin \`passwordWo\` from a sensitive, ephemeral TerraformVariable and \`passwordWoVersion: 1\`
// (bump it to send a new password).
`;

const ADOPTED_TS = `// Written by \`iredadmin adopt\`: the shape of an adopted user, alias or list in the domain data modules.
import type { TerraformMetaArguments } from 'cdktf';

/** A construct's configuration without its address: the construct id, the local part, the rest. */
export type Adopted<Config extends { email: string }> = Omit<Config, 'email' | keyof TerraformMetaArguments> & {
  readonly id: string;
  readonly localPart: string;
};
`;

/** File name → content. */
export function writeCdktf(ctx: WriterContext): Map<string, string> {
  const stack = new Stack(ctx);
  const files = stack.files;
  const out = new Map<string, string>();
  const main = stack.main();
  out.set('main.ts', main);
  out.set('adopted.ts', ADOPTED_TS);
  for (const file of files.filter((f) => f.groups.length > 0)) out.set(`${file.ident}.ts`, stack.dataModule(file));
  const cdktfJson = {
    language: 'typescript',
    app: 'npx ts-node main.ts',
    terraformProviders: [],
    sendCrashReports: 'false',
  };
  out.set('cdktf.json', `${JSON.stringify(cdktfJson, null, 2)}\n`);
  return out;
}
