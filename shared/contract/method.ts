import type { z } from 'zod';

/**
 * One API method: the schema its input must pass, and (as a type only) what it
 * returns. The output type is phantom because outputs are produced by our own
 * handlers; inputs come from outside and are checked at run time.
 */
export interface MethodSpec<Input extends z.ZodType, Output> {
  readonly input: Input;
  readonly output?: Output;
}

export function method<Output>() {
  return <Input extends z.ZodType>(input: Input): MethodSpec<Input, Output> => ({ input });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest spec, used only as a constraint
export type AnyMethodSpec = MethodSpec<z.ZodType, any>;

export type ContractShape = Record<string, AnyMethodSpec>;

export type InputOf<Spec> = Spec extends MethodSpec<infer Input, unknown> ? z.input<Input> : never;
export type ParsedInputOf<Spec> =
  Spec extends MethodSpec<infer Input, unknown> ? z.output<Input> : never;
export type OutputOf<Spec> = Spec extends MethodSpec<z.ZodType, infer Output> ? Output : never;

/** Merges the domains' method tables, refusing a name that two domains both define. */
export function mergeContracts<const Domains extends readonly ContractShape[]>(
  ...domains: Domains
): UnionToIntersection<Domains[number]> {
  const merged: ContractShape = {};
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain)) {
      if (Object.hasOwn(merged, name)) {
        throw new Error(`API method "${name}" is defined twice`);
      }
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Domains[number]>;
}

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
  value: infer Intersection,
) => void
  ? Intersection
  : never;
