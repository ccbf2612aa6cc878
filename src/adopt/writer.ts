/**
 * What the HCL and CDKTF writers start from: the context, the files of the layout, and configured
 * values in which names of other adopted objects become references, each in its language.
 */
import type { Plain } from '../provider/framework/values';
import { layoutFiles, referenceResolver, type FileLayout, type Resolver, type WriterContext } from './layout';
import type { AdoptedObject, AdoptedType } from './model';
import { withReferences, type Value } from './values';

export abstract class LayoutWriter {
  readonly files: readonly FileLayout[];
  private readonly resolve: Resolver;

  constructor(protected readonly ctx: WriterContext) {
    this.files = layoutFiles(ctx.inventory);
    this.resolve = referenceResolver(ctx.inventory);
  }

  /** How this language refers to `target`, named `name` in a value; undefined keeps the name. */
  protected abstract reference(target: AdoptedObject, name: string): Value | undefined;

  /** A configured value of `type.attr`, with names of other adopted objects as references to them. */
  value(type: AdoptedType, attr: string, value: Plain): Value {
    return withReferences(value, (name) => {
      const target = this.resolve(type, attr, name);
      return (target && this.reference(target, name)) ?? name;
    });
  }
}
