/**
 * The HCL writer: per domain a `<domain>.tf` with the configuration a person would write (one
 * resource per domain, for_each maps of users, aliases and lists, references instead of repeated
 * names) and a `<domain>.imports.tf` with the import blocks, to delete after the first apply.
 */
import { domainToUnicode } from 'node:url';
import {
  GROUPED_TYPES,
  NAME_ATTRIBUTE,
  groupAttributes,
  groupEntry,
  objectsOf,
  orderedConfig,
  type FileLayout,
  type WriterContext,
} from './layout';
import type { AdoptedObject, AdoptedType } from './model';
import { Raw, render as renderIn, type Value } from './values';
import { LayoutWriter } from './writer';
import { unicodeEscape } from '../common/unicode-escape';

/** HCL's escapes; other control characters as `\uNNNN` (HCL has no `\b` or `\f`, which JSON would write). */
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  // Template sequences: terraform would evaluate `${…}` and `%{…}` in a value from the server.
  '${': '$${',
  '%{': '%%{',
};

/** A quoted HCL string that terraform reads back as exactly `text`, never as a template. */
function quote(text: string): string {
  const escaped = text.replace(/[\u0000-\u001f"\\\u007f]|\$\{|%\{/g, (match) => ESCAPES[match] ?? unicodeEscape(match));
  return `"${escaped}"`;
}

const render = (value: Value) => renderIn(value, { quote, entry: (k, v) => `${k} = ${v}` });

/**
 * `key = text` lines with `=` aligned per run of one-line items, as `terraform fmt` does (a
 * multi-line item ends a run).
 */
function aligned(items: readonly { key: string; text: string }[], indent: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < items.length; ) {
    const item = items[i]!;
    if (item.text.includes('\n')) {
      lines.push(`${indent}${item.key} = ${item.text}`);
      i++;
      continue;
    }
    let end = i;
    while (end < items.length && !items[end]!.text.includes('\n')) end++;
    const run = items.slice(i, end);
    const width = Math.max(...run.map((r) => r.key.length));
    for (const r of run) lines.push(`${indent}${r.key.padEnd(width)} = ${r.text}`);
    i = end;
  }
  return lines;
}

/** Attribute lines; a long list goes one item per line. */
function attributes(pairs: readonly [string, Value][], indent: string): string[] {
  return aligned(
    pairs.map(([key, value]) => {
      const flat = render(value);
      const long = Array.isArray(value) && indent.length + key.length + flat.length > 110;
      return {
        key,
        text:
          long && Array.isArray(value)
            ? `[\n${value.map((v) => `${indent}  ${render(v)},`).join('\n')}\n${indent}]`
            : flat,
      };
    }),
    indent,
  );
}

class HclFile extends LayoutWriter {
  /** Each domain's file identifier, which also names its grouped resources. */
  private readonly idents = new Map(this.files.map((file) => [file.domain, file.ident]));

  /** The HCL address of an adopted object's resource (instance). */
  address(object: AdoptedObject): string {
    if (object.domain !== null && GROUPED_TYPES.has(object.type)) {
      return `${object.type}.${this.idents.get(object.domain)}[${quote(object.name)}]`;
    }
    return `${object.type}.${object.name}`;
  }

  protected reference(target: AdoptedObject): Value {
    return new Raw(`${this.address(target)}.${NAME_ATTRIBUTE[target.type]}`);
  }

  resource(object: AdoptedObject): string {
    const pairs = orderedConfig(object).map(([attr, v]): [string, Value] => [attr, this.value(object.type, attr, v)]);
    return `resource "${object.type}" "${object.name}" {\n${attributes(pairs, '  ').join('\n')}\n}\n`;
  }

  group(layout: FileLayout, type: AdoptedType, objects: readonly AdoptedObject[]): string {
    const local = `${layout.ident}_${PLURAL[type]}`;
    const entries = objects.map((o) => {
      const pairs = groupEntry(o).map(([attr, v]): [string, Value] => [
        attr,
        attr === 'local_part' ? v : this.value(type, attr, v),
      ]);
      const inline = `{ ${pairs.map(([k, v]) => `${k} = ${render(v)}`).join(', ')} }`;
      return {
        key: o.name,
        text: inline.length <= 100 ? inline : `{\n${attributes(pairs, '      ').join('\n')}\n    }`,
      };
    });
    const map = aligned(entries, '    ');
    const domainRef = `iredadmin_domain.${layout.domainObject?.name ?? layout.ident}.domain`;
    const body: [string, Value][] = [
      ['for_each', new Raw(`local.${local}`)],
      ['email', new Raw(`"\${each.value.local_part}@\${${domainRef}}"`)],
      ...groupAttributes(objects).map(({ attr, everywhere }): [string, Value] => [
        attr,
        new Raw(everywhere ? `each.value.${attr}` : `try(each.value.${attr}, null)`),
      ]),
    ];
    const password = type === 'iredadmin_user' ? PASSWORD_HINT : '';
    const locals = `locals {\n  ${local} = {\n${map.join('\n')}\n  }\n}\n`;
    return `${locals}\n${password}resource "${type}" "${layout.ident}" {\n${attributes(body, '  ').join('\n')}\n}\n`;
  }

  file(layout: FileLayout): string {
    const unicode = layout.domain === null ? '' : domainToUnicode(layout.domain);
    const title =
      layout.domain === null
        ? 'Objects of no single domain: separate admins, global throttles, spam policy, white/blacklists and ' +
          'greylisting'
        : `Domain ${layout.domain}${unicode !== layout.domain ? ` (${unicode})` : ''}`;
    const parts = [
      `# ${title}.\n# Written by \`iredadmin adopt\` from ${this.ctx.url}. Edit freely: a re-run never ` +
        'overwrites a file you changed.\n',
    ];
    if (layout.domainObject) parts.push(this.resource(layout.domainObject));
    for (const g of layout.groups) parts.push(this.group(layout, g.type, g.objects));
    for (const o of layout.singles)
      parts.push((o.type === 'iredadmin_admin' ? ADMIN_PASSWORD_HINT : '') + this.resource(o));
    return parts.join('\n');
  }

  imports(layout: FileLayout): string {
    const blocks = objectsOf(layout).map(
      (o) => `import {\n  to = ${this.address(o)}\n  id = ${quote(o.importId)}\n}\n`,
    );
    const header =
      `# Import blocks for ${layout.domain ?? 'the objects of no single domain'}: ` +
      'they bring the existing objects under\n# Terraform on the first apply. Delete this file after that apply.\n';
    return `${header}\n${blocks.join('\n')}`;
  }
}

const PLURAL: Partial<Record<AdoptedType, string>> = {
  iredadmin_user: 'users',
  iredadmin_alias: 'aliases',
  iredadmin_maillist: 'mailing_lists',
};

const PASSWORD_HINT = `# Passwords are neither read nor written: an imported user needs none. To manage them from here,
# add to the resource below (a sensitive, ephemeral map(string) variable keeps them out of plan and state):
#   password_wo         = var.user_passwords[each.key]
#   password_wo_version = 1   # bump it to send new passwords
`;
const ADMIN_PASSWORD_HINT = `# No password: an imported admin needs none. To manage it from here, add
#   password_wo = var.admin_password   (sensitive, ephemeral)  and  password_wo_version = 1
`;

function providersFile(ctx: WriterContext): string {
  const settings: [string, Value][] = [['url', ctx.url]];
  if (ctx.provider.insecure) settings.push(['insecure', true]);
  if (ctx.provider.caCertFile) settings.push(['ca_cert', new Raw(`file(${quote(ctx.provider.caCertFile)})`)]);
  return `# Written by \`iredadmin adopt\`. The provider logs in with IREDADMIN_USERNAME and IREDADMIN_PASSWORD from the environment.
terraform {
  required_providers {
    iredadmin = { source = "iredadmin/iredadmin", version = ${quote(ctx.versionConstraint)} }
  }
}

provider "iredadmin" {
${attributes(settings, '  ').join('\n')}
}
`;
}

/** File name → content. */
export function writeHcl(ctx: WriterContext): Map<string, string> {
  const out = new Map<string, string>([['providers.tf', providersFile(ctx)]]);
  const file = new HclFile(ctx);
  for (const layout of file.files) {
    out.set(`${layout.ident}.tf`, file.file(layout));
    out.set(`${layout.ident}.imports.tf`, file.imports(layout));
  }
  return out;
}
