import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromJson } from '../../../shared/editor/schema';
import { sliceCodePoints } from '../../../shared/text/codePoints';
import { buildTextIndex } from '../../../shared/text/textIndex';
import type { Harness } from '../../support/apiHarness';
import { fileBytes, openHarness } from '../../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => harness.close());

const guideQuestions = [
  'Comment le projet de ville intelligente est-il né ?',
  'Qui pilote le projet au quotidien ?',
  'Comment associez-vous les habitants et les associations ?',
  'Quels outils numériques utilisez-vous pour informer la population ?',
  'Comment évaluez-vous les résultats obtenus ?',
];
// Asked by the interviewer, but not in the guide.
const otherQuestions = [
  'Et le budget, il vient d’où ?',
  'Vous travaillez avec la région ?',
  'Combien de personnes dans votre équipe ?',
  'Est-ce que les élus d’opposition suivent le dossier ?',
  'Quelle est la suite pour vous ?',
];
const backchannels = ['D’accord.', 'Mmh.', 'Oui, je vois.', 'Très bien.'];
const sentences = [
  'Nous avons commencé par un diagnostic partagé avec les services.',
  'Les habitants ont été invités à des réunions de quartier, le soir.',
  'Le conseil de développement a rendu un avis très attendu.',
  'C’est un sujet que le maire suit de très près, chaque semaine.',
  'Il y a eu des débats, parfois vifs, sur la question des données.',
  'Nous publions les indicateurs sur le site de la collectivité.',
];

type Turn =
  | { kind: 'guide'; question: number }
  | { kind: 'other'; question: number }
  | { kind: 'backchannel'; text: number }
  | { kind: 'answer'; sentences: number[] };

const turnArbitrary: fc.Arbitrary<Turn> = fc.oneof(
  fc.record({ kind: fc.constant('other' as const), question: fc.nat(otherQuestions.length - 1) }),
  fc.record({
    kind: fc.constant('backchannel' as const),
    text: fc.nat(backchannels.length - 1),
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    sentences: fc.array(fc.nat(sentences.length - 1), { minLength: 1, maxLength: 4 }),
  }),
);

/** An interview: each guide question once, in order, with other turns around them. */
const interviewArbitrary = fc
  .tuple(
    fc.array(turnArbitrary, { maxLength: 3 }),
    ...guideQuestions.map(() => fc.array(turnArbitrary, { minLength: 1, maxLength: 6 })),
  )
  .map(([before, ...after]) => [
    ...before,
    ...after.flatMap((rest, question): Turn[] => [{ kind: 'guide', question }, ...rest]),
  ]);

function transcript(turns: Turn[]): string {
  return turns
    .map((turn, position) => {
      const time = `[${String(Math.floor(position / 60)).padStart(2, '0')}:${String(position % 60).padStart(2, '0')}:00]`;
      switch (turn.kind) {
        case 'guide':
          return `${time} Enquêteur : ${guideQuestions[turn.question]}`;
        case 'other':
          return `${time} Enquêteur : ${otherQuestions[turn.question]}`;
        case 'backchannel':
          return `${time} Enquêteur : ${backchannels[turn.text]}`;
        case 'answer':
          return `${time} DGS : ${turn.sentences.map((index) => sentences[index]).join(' ')}`;
      }
    })
    .join('\n');
}

async function guideWithQuestions() {
  let guide = await harness.call('guides.create', { title: 'Guide' });
  for (const text of guideQuestions)
    guide = await harness.call('guides.addItem', { guideId: guide.id, kind: 'question', text });
  return guide;
}

describe('a proposed answer', () => {
  it('ends where the answer ends: at the interviewer’s next question, in the guide or not, never past it', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(interviewArbitrary, async (turns) => {
        round += 1;
        await harness.call('projects.create', {
          path: `${harness.folder}/extent-${round}.axial`,
          title: 'Étendue',
        });
        const guide = await guideWithQuestions();
        const document = await harness.call('documents.import', {
          fileName: 'entretien.txt',
          data: fileBytes(transcript(turns)),
        });
        const proposals = await harness.call('answers.propose', {
          documentId: document.id,
          guideId: guide.id,
        });
        const detail = await harness.call('documents.get', { id: document.id });
        const index = buildTextIndex(documentFromJson(detail.content));
        // What each answer must be: the turns after its question up to the interviewer's next
        // question (a guide one or another); acknowledgements do not end it.
        const expected = new Map<string, string>();
        turns.forEach((turn, position) => {
          if (turn.kind !== 'guide') return;
          let last = position;
          for (
            let next = position + 1;
            next < turns.length && turns[next]!.kind !== 'guide' && turns[next]!.kind !== 'other';
            next += 1
          )
            last = next;
          if (last === position) return;
          const blocks = index.blocks.slice(position + 1, last + 1);
          expected.set(
            guide.items[turn.question]!.id,
            sliceCodePoints(
              index.text,
              blocks[0]!.start,
              blocks.at(-1)!.start + blocks.at(-1)!.length,
            ),
          );
        });
        const found = new Map(
          proposals.map((proposal) => [
            proposal.itemId,
            sliceCodePoints(index.text, proposal.start, proposal.end),
          ]),
        );
        expect(found).toEqual(expected);
        for (const proposal of proposals) {
          expect(proposal.length).toBe(proposal.end - proposal.start);
          const text = sliceCodePoints(index.text, proposal.start, proposal.end).replace(
            /\s+/g,
            ' ',
          );
          expect(text.startsWith(proposal.firstWords.replace(/ …$/, ''))).toBe(true);
          expect(text.endsWith(proposal.lastWords.replace(/^… /, ''))).toBe(true);
          if (!proposal.lastWords) expect(proposal.firstWords).toBe(text.trim());
        }
      }),
      { numRuns: 25 },
    );
  });

  it('on an hour-long interview, ends before questions outside the guide and says its extent', async () => {
    const guide = await guideWithQuestions();
    const turns: Turn[] = [];
    // About 50,000 characters: five guide questions, and after each a long exchange with
    // acknowledgements, then questions the guide does not hold, each answered at length.
    for (let question = 0; question < guideQuestions.length; question += 1) {
      turns.push({ kind: 'guide', question });
      for (let step = 0; step < 10; step += 1) {
        turns.push({ kind: 'answer', sentences: [step % 6, (step + 1) % 6, (step + 2) % 6] });
        if (step % 3 === 2) turns.push({ kind: 'backchannel', text: step % 4 });
      }
      for (let other = 0; other < 5; other += 1) {
        turns.push({ kind: 'other', question: other });
        for (let step = 0; step < 8; step += 1)
          turns.push({ kind: 'answer', sentences: [step % 6, (step + 3) % 6, (step + 4) % 6] });
      }
    }
    const text = transcript(turns);
    expect(text.length).toBeGreaterThan(50_000);
    const document = await harness.call('documents.import', {
      fileName: 'entretien-long.txt',
      data: fileBytes(text),
    });
    const proposals = await harness.call('answers.propose', {
      documentId: document.id,
      guideId: guide.id,
    });
    expect(proposals.map((proposal) => proposal.itemId)).toEqual(
      guide.items.map((item) => item.id),
    );
    for (const proposal of proposals) {
      // Ten answers and three acknowledgements: never the questions after them.
      expect(proposal.turns).toBe(13);
      expect(proposal.length).toBeLessThan(3_000);
      expect(proposal.long).toBe(true);
      expect(proposal.lastWords).toContain(sentences[(9 + 2) % 6]!.split(' ').at(-1)!);
      expect(proposal.endTime! - proposal.startTime!).toBe(13 * 60_000);
    }
    // The last guide question no longer runs on to the end of the interview.
    expect(document.length - proposals.at(-1)!.end).toBeGreaterThan(5_000);
  });
});

describe('a proposed answer, in transcripts as they come', () => {
  it('reads on over short questions, keeps a question asked over two paragraphs, and lets no short prompt take its question’s turn', async () => {
    const { call } = harness;
    let guide = await call('guides.create', { title: 'Guide' });
    guide = await call('guides.addItem', {
      guideId: guide.id,
      kind: 'question',
      text: 'Comment les habitants sont-ils associés au projet ?',
    });
    const question = guide.items[0]!;
    guide = await call('guides.addItem', {
      guideId: guide.id,
      kind: 'prompt',
      parentId: question.id,
      text: 'Un exemple ?',
    });
    const prompt = guide.items.find((item) => item.kind === 'prompt')!;
    // The participant is linked under a fuller name than the label the transcriber used.
    const marie = await call('participants.create', { name: 'Marie Dupont' });
    const document = await call('documents.import', {
      fileName: 'entretien.txt',
      data: fileBytes(
        [
          'Enquêteur : Parlons des habitants, maintenant.',
          'Comment les habitants sont-ils associés au projet, selon vous ?',
          'Marie : Par un panel, tiré au sort chaque année, qui rend un avis public.',
          'Enquêteur : Ah bon ?',
          'Marie : Oui, et les habitants en parlent, par exemple au conseil de quartier.',
          'Enquêteur : Vous auriez un exemple précis de projet ?',
          'Marie : La place du marché, redessinée avec eux.',
          'Enquêteur : Passons au budget, si vous voulez bien.',
          'Marie : Volontiers.',
        ].join('\n'),
      ),
      participantIds: [marie.id],
    });
    const proposals = await call('answers.propose', { documentId: document.id, guideId: guide.id });
    const detail = await call('documents.get', { id: document.id });
    const text = buildTextIndex(documentFromJson(detail.content)).text;
    expect(
      proposals.map((proposal) => [
        proposal.itemId,
        sliceCodePoints(text, proposal.start, proposal.end),
      ]),
    ).toEqual([
      [
        question.id,
        'Par un panel, tiré au sort chaque année, qui rend un avis public.\nAh bon ?\nOui, et les habitants en parlent, par exemple au conseil de quartier.',
      ],
      [prompt.id, 'La place du marché, redessinée avec eux.'],
    ]);
  });
});
