import type { ContractShape, OutputOf, ParsedInputOf } from '../../shared/contract/method';
import type { Contract, MethodName } from '../../shared/contract/api';
import type { HandlerContext } from './context';

/** The handlers of one domain, typed from that domain's part of the contract. */
export type DomainHandlers<Domain extends ContractShape> = {
  [Name in keyof Domain]: (
    context: HandlerContext,
    input: ParsedInputOf<Domain[Name]>,
  ) => OutputOf<Domain[Name]> | Promise<OutputOf<Domain[Name]>>;
};

export type Handlers = DomainHandlers<Contract>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers are checked per domain, then erased here
type AnyHandler = (context: HandlerContext, input: any) => unknown;

/** Merges the domain handler maps; a name handled twice is a programming error caught at start. */
export function mergeHandlers(...domains: Record<string, AnyHandler>[]): Handlers {
  const merged: Record<string, AnyHandler> = {};
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain)) {
      if (Object.hasOwn(merged, name)) throw new Error(`API handler "${name}" is registered twice`);
      merged[name] = handler;
    }
  }
  return merged as Handlers;
}

export function missingHandlers(
  handlers: Partial<Record<MethodName, unknown>>,
  names: readonly string[],
): string[] {
  return names.filter((name) => !Object.hasOwn(handlers, name));
}
