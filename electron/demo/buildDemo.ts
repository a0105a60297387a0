import { AxialError } from '../../shared/errors';
import type { EntityKind } from '../../shared/cases';
import { RECORDING_CHUNK_BYTES } from '../../shared/recordings';
import { codePointLength } from '../../shared/text/codePoints';
import { blocksToDocument, parseImport } from '../exchange/import/importDocument';
import { createAttribute, setAttributeValue } from '../store/attributes';
import { createEntity, setDocumentLinks, updateEntity } from '../store/cases';
import { createCode } from '../store/codes';
import { createCodings } from '../store/codings';
import { createAnswer } from '../store/answers';
import type { Db } from '../store/database';
import {
  createDocument,
  getDocumentText,
  setDocumentGuide,
  updateDocument,
} from '../store/documents';
import { addGuideItem, createGuide, guideItems, updateGuideItem } from '../store/guides';
import { ChangeSet } from '../store/journal';
import { linkEvidence, setRating } from '../store/ratings';
import { attachRecording, newRecordingId, writeChunk } from '../store/recordings';
import type { DemoCode, DemoFiles } from './demoData';
import { buildDemoReport } from './demoReport';
import { toneWav } from './toneWav';

const DEMO_CODER = 'Démo Axial';

function missing(what: string): never {
  throw new AxialError('internal', `The demo study refers to ${what}, which it does not define.`);
}

/**
 * Builds the demo study into a new, empty project, in one transaction: the
 * codebook, the guide, cases and participants with their attributes, six
 * fictional interviews with codings and answers, ratings with their evidence,
 * and a short recording on the first interview.
 */
export async function buildDemo(db: Db, files: DemoFiles): Promise<void> {
  const { study } = files;
  // The demo's documents are parsed first: parsing is asynchronous, the writes are not.
  const parsed = new Map<string, Awaited<ReturnType<typeof parseImport>>>();
  for (const transcript of study.transcripts)
    parsed.set(
      transcript.file,
      await parseImport(transcript.file, files.transcripts.get(transcript.file)!),
    );

  // A new project: building it is not an action to undo, so the journal is not kept.
  const changes = new ChangeSet('importDocument');
  db.transaction(() => {
    db.prepare(
      'UPDATE project SET title = ?, description = ?, language = ? WHERE singleton = 1',
    ).run(study.project.title, study.project.description, 'fr');

    const codeIds = new Map<string, string>();
    const addCodes = (codes: readonly DemoCode[], parentId: string | null) => {
      for (const code of codes) {
        const id = createCode(db, changes, {
          parentId,
          name: code.name,
          description: code.description,
          // Axes and variables group codes; only the leaves are applied to text.
          codable: !code.children?.length,
        });
        codeIds.set(code.name, id);
        addCodes(code.children ?? [], id);
      }
    };
    addCodes(study.codebook, null);
    const codeId = (name: string) => codeIds.get(name) ?? missing(`the code "${name}"`);

    const attributeIds = new Map<string, string>();
    const addAttributes = (kind: EntityKind, list: typeof study.caseAttributes) => {
      for (const attribute of list)
        attributeIds.set(
          `${kind}:${attribute.name}`,
          createAttribute(db, changes, {
            entityKind: kind,
            name: attribute.name,
            type: attribute.type,
            unit: attribute.unit ?? null,
            choices: attribute.choices ?? [],
          }),
        );
    };
    addAttributes('case', study.caseAttributes);
    addAttributes('participant', study.participantAttributes);
    const setValues = (kind: EntityKind, entityId: string, values: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(values))
        setAttributeValue(
          db,
          changes,
          attributeIds.get(`${kind}:${name}`) ?? missing(`the attribute "${name}"`),
          entityId,
          value,
        );
    };

    const caseIds = new Map<string, string>();
    for (const entry of study.cases) {
      const id = createEntity(db, changes, 'study_case', entry.name);
      if (entry.description)
        updateEntity(db, changes, 'study_case', id, { description: entry.description });
      setValues('case', id, entry.values);
      caseIds.set(entry.name, id);
    }
    const participantIds = new Map<string, string>();
    for (const entry of study.participants) {
      const id = createEntity(
        db,
        changes,
        'participant',
        entry.name,
        caseIds.get(entry.case) ?? missing(`the case "${entry.case}"`),
      );
      setValues('participant', id, entry.values);
      participantIds.set(entry.name, id);
    }

    const guideId = createGuide(db, changes, study.guide.title);
    let after: string | null = null;
    for (const section of study.guide.sections) {
      const sectionId = addGuideItem(db, changes, guideId, {
        kind: 'section',
        parentId: null,
        text: section.text,
        afterId: after,
      });
      after = sectionId;
      let lastQuestion: string | null = null;
      for (const question of section.questions) {
        const questionId = addGuideItem(db, changes, guideId, {
          kind: 'question',
          parentId: sectionId,
          text: question.text,
          afterId: lastQuestion,
        });
        lastQuestion = questionId;
        updateGuideItem(db, changes, questionId, { codeIds: question.codes.map(codeId) });
        let lastPrompt: string | null = null;
        for (const prompt of question.prompts)
          lastPrompt = addGuideItem(db, changes, guideId, {
            kind: 'prompt',
            parentId: questionId,
            text: prompt,
            afterId: lastPrompt,
          });
      }
    }
    const questionIds = new Map(
      guideItems(db, guideId)
        .filter((item) => item.kind === 'question')
        .map((item) => [item.number, item.id]),
    );

    const documentIds = new Map<string, string>();
    for (const transcript of study.transcripts) {
      const blocks = parsed.get(transcript.file)!.blocks;
      const id = createDocument(db, changes, {
        kind: 'transcript',
        title: transcript.title,
        content: blocksToDocument(blocks, {}),
        sourceName: transcript.file,
      });
      updateDocument(db, changes, id, {
        description:
          'Entretien fictif écrit pour la démonstration d’Axial, cohérent avec ce que l’article rapporte de ce cas.',
      });
      setDocumentLinks(db, changes, id, {
        participantIds: transcript.participants.map(
          (name) => participantIds.get(name) ?? missing(`the participant "${name}"`),
        ),
      });
      setDocumentGuide(db, changes, id, guideId);
      documentIds.set(transcript.case, id);
    }

    /** A quotation's range in its document, in code points. */
    const rangeOf = (document: string, quote: string) => {
      const id = documentIds.get(document) ?? missing(`the document of case "${document}"`);
      const { text } = getDocumentText(db, id);
      const unit = text.indexOf(quote);
      if (unit < 0) missing(`the words "${quote}" in the interview of case ${document}`);
      const start = codePointLength(text, unit);
      return { id, start, end: start + codePointLength(quote) };
    };
    const codingIds = new Map<string, string>();
    for (const coding of study.codings) {
      const range = rangeOf(coding.document, coding.quote);
      const [created] = createCodings(
        db,
        changes,
        range.id,
        range.start,
        range.end,
        [codeId(coding.code)],
        DEMO_CODER,
      );
      codingIds.set(`${coding.document}\u0000${coding.quote}`, created!.id);
    }
    for (const answer of study.answers) {
      const range = rangeOf(answer.document, answer.quote);
      createAnswer(
        db,
        changes,
        range.id,
        questionIds.get(answer.question) ?? missing(`question ${answer.question}`),
        range.start,
        range.end,
      );
    }
    for (const rating of study.ratings) {
      const caseId = caseIds.get(rating.case) ?? missing(`the case "${rating.case}"`);
      const axisId = codeId(rating.axis);
      setRating(db, changes, caseId, axisId, {
        value: rating.value,
        justification: rating.justification,
      });
      for (const evidence of rating.evidence)
        linkEvidence(
          db,
          changes,
          caseId,
          axisId,
          codingIds.get(`${evidence.document}\u0000${evidence.quote}`) ??
            missing(`a coding on "${evidence.quote}"`),
          true,
        );
    }

    buildDemoReport(db, changes, study, {
      codeId,
      attributeId: (kind, name) =>
        attributeIds.get(`${kind}:${name}`) ?? missing(`the attribute "${name}"`),
      codingId: (document, quote) =>
        codingIds.get(`${document}\u0000${quote}`) ?? missing(`a coding on "${quote}"`),
      caseAttributeIds: study.caseAttributes.map((attribute) =>
        attributeIds.get(`case:${attribute.name}`)!,
      ),
    });

    for (const transcript of study.transcripts.filter((entry) => entry.recording)) {
      const wav = toneWav(40);
      const recordingId = newRecordingId();
      for (let start = 0, index = 0; start < wav.length; start += RECORDING_CHUNK_BYTES, index += 1)
        writeChunk(db, recordingId, index, wav.subarray(start, start + RECORDING_CHUNK_BYTES));
      attachRecording(db, changes, {
        recordingId,
        documentId: documentIds.get(transcript.case)!,
        fileName: 'entretien-A-extrait.wav',
        mimeType: 'audio/wav',
        size: wav.length,
        durationMs: 40_000,
      });
    }
  })();
}
