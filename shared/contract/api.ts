import { agreementContract } from './agreement';
import { analysisContract } from './analysis';
import { appContract } from './app';
import { casesContract } from './cases';
import { codersContract } from './coders';
import { codesContract } from './codes';
import { codingsContract } from './codings';
import { documentsContract } from './documents';
import { exchangeContract } from './exchange';
import { guidesContract } from './guides';
import { mergeContract } from './merge';
import { historyContract } from './history';
import type { InputOf, OutputOf, ParsedInputOf } from './method';
import { mergeContracts } from './method';
import { projectsContract } from './projects';
import { pseudonymsContract } from './pseudonyms';
import { quotationsContract } from './quotations';
import { reportsContract } from './reports';
import { recordingsContract } from './recordings';
import { searchContract } from './search';

/** Every method of the API, from every domain. Transports are all derived from this table. */
export const contract = mergeContracts(
  appContract,
  projectsContract,
  documentsContract,
  codesContract,
  codingsContract,
  historyContract,
  casesContract,
  guidesContract,
  analysisContract,
  agreementContract,
  codersContract,
  searchContract,
  exchangeContract,
  mergeContract,
  recordingsContract,
  pseudonymsContract,
  quotationsContract,
  reportsContract,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export type MethodInput<Name extends MethodName> = InputOf<Contract[Name]>;
export type MethodParsedInput<Name extends MethodName> = ParsedInputOf<Contract[Name]>;
export type MethodOutput<Name extends MethodName> = OutputOf<Contract[Name]>;

/** The API as the renderer sees it: one async function per method. */
export type Api = {
  [Name in MethodName]: (input: MethodInput<Name>) => Promise<MethodOutput<Name>>;
};
