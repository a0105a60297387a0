import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AxialError } from '../../shared/errors';

const codeNode: z.ZodType<DemoCode> = z.lazy(() =>
  z.object({
    name: z.string(),
    description: z.string(),
    children: z.array(codeNode).optional(),
  }),
);

export interface DemoCode {
  name: string;
  description: string;
  children?: DemoCode[] | undefined;
}

const attribute = z.object({
  name: z.string(),
  type: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
  unit: z.string().optional(),
  choices: z.array(z.string()).optional(),
});
const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const quoteRef = z.object({ document: z.string(), quote: z.string() });

/** resources/demo/study.json: the demo study in a form a person can read and edit. */
export const demoStudySchema = z.object({
  project: z.object({ title: z.string(), description: z.string() }),
  codebook: z.array(codeNode),
  guide: z.object({
    title: z.string(),
    sections: z.array(
      z.object({
        text: z.string(),
        questions: z.array(
          z.object({ text: z.string(), codes: z.array(z.string()), prompts: z.array(z.string()) }),
        ),
      }),
    ),
  }),
  caseAttributes: z.array(attribute),
  participantAttributes: z.array(attribute),
  cases: z.array(z.object({ name: z.string(), description: z.string(), values })),
  participants: z.array(
    z.object({ name: z.string(), case: z.string(), fictional: z.boolean().optional(), values }),
  ),
  transcripts: z.array(
    z.object({
      file: z.string(),
      title: z.string(),
      case: z.string(),
      participants: z.array(z.string()),
      recording: z.boolean().optional(),
    }),
  ),
  codings: z.array(quoteRef.extend({ code: z.string() })),
  answers: z.array(quoteRef.extend({ question: z.string() })),
  ratings: z.array(
    z.object({
      case: z.string(),
      axis: z.string(),
      value: z.number(),
      justification: z.string(),
      evidence: z.array(quoteRef),
    }),
  ),
  /** The 2×2 chart's quadrant labels, the article's governance models. */
  chart: z.object({ quadrants: z.array(z.string()).length(4) }).optional(),
  /** Coded passages marked for the write-up, in the report's order. */
  quotations: z.array(quoteRef.extend({ shortForm: z.string().optional() })).default([]),
  /** The demo's report, its blocks naming codes and attributes by name. */
  report: z
    .array(
      z.object({
        kind: z.enum([
          'caseTable',
          'participantTable',
          'guideTable',
          'typology',
          'quotations',
          'codebook',
          'matrix',
          'chart',
        ]),
        code: z.string().optional(),
        columns: z.array(z.string()).optional(),
        casesAsColumns: z.boolean().optional(),
        caption: z.string().optional(),
      }),
    )
    .default([]),
});

export type DemoStudy = z.infer<typeof demoStudySchema>;

export interface DemoFiles {
  study: DemoStudy;
  transcripts: Map<string, Uint8Array>;
}

/** Reads the demo's files; a missing or malformed file is the installation's fault, said plainly. */
export function readDemoFiles(demoDir: string): DemoFiles {
  try {
    const study = demoStudySchema.parse(
      JSON.parse(readFileSync(join(demoDir, 'study.json'), 'utf8')),
    );
    const transcripts = new Map(
      study.transcripts.map((transcript) => [
        transcript.file,
        new Uint8Array(readFileSync(join(demoDir, 'transcripts', transcript.file))),
      ]),
    );
    return { study, transcripts };
  } catch (error) {
    throw new AxialError(
      'io_error',
      `The demo study's files could not be read (${error instanceof Error ? error.message : String(error)}). Reinstall Axial.`,
      { path: demoDir, reason: 'demoMissing' },
    );
  }
}
