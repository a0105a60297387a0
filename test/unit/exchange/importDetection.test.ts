import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AxialError } from '../../../shared/errors';
import { blockText } from '../../../electron/exchange/import/blocks';
import { decodeText } from '../../../electron/exchange/import/decodeText';
import { htmlToBlocks } from '../../../electron/exchange/import/htmlBlocks';
import {
  blocksToDocument,
  parseImport,
  previewOf,
} from '../../../electron/exchange/import/importDocument';
import { leadingSpeaker, leadingTimestamp } from '../../../electron/exchange/import/turns';
import { documentFromJson } from '../../../shared/editor/schema';
import { buildTextIndex } from '../../../shared/text/textIndex';
import { docxFile } from '../../support/docx';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AxialError) return error.code;
    throw error;
  }
  return undefined;
}

describe('text encodings', () => {
  const sample = 'Élue : « Nous avons été proactifs » — 5 €';

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(utf8(sample), 'a.txt')).toEqual({ text: sample, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]), 'a.txt').text).toBe(
      sample,
    );
  });

  it('reads UTF-16 with either BOM', () => {
    const le = Buffer.from('\ufeff' + sample, 'utf16le');
    expect(decodeText(le, 'a.txt')).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be, 'a.txt')).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('detects Windows-1252 (and Latin-1) when the bytes are not UTF-8', () => {
    const latin = new Uint8Array([
      0xc9, 0x6c, 0x75, 0x65, 0x20, 0x3a, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0x80,
    ]);
    expect(decodeText(latin, 'a.txt')).toEqual({ text: 'Élue : été €', encoding: 'windows-1252' });
  });

  it('normalises CRLF and CR line ends', () => {
    expect(decodeText(utf8('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n');
  });

  it('refuses binary data', () => {
    expect(() =>
      decodeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'scan.txt'),
    ).toThrow('is not a text file');
  });
});

describe('speaker labels and timestamps', () => {
  it('recognises the usual ways of writing a speaker', () => {
    expect(leadingSpeaker('Marie: Bonjour')).toEqual({ speaker: 'Marie', length: 7 });
    expect(leadingSpeaker('MARIE DUPONT : Bonjour')?.speaker).toBe('MARIE DUPONT');
    expect(leadingSpeaker('Élue\u00a0: Bonjour')?.speaker).toBe('Élue');
    expect(leadingSpeaker('[Enquêteur] Bonjour')?.speaker).toBe('Enquêteur');
    expect(leadingSpeaker('Q: Comment ?')?.speaker).toBe('Q');
    expect(leadingSpeaker('R : Oui.')?.speaker).toBe('R');
    expect(leadingSpeaker('Interviewer 2: Yes')?.speaker).toBe('Interviewer 2');
  });

  it('does not take a sentence or a time for a speaker', () => {
    expect(leadingSpeaker('Nous avons trois objectifs pour la ville : attractivité')).toBeNull();
    expect(leadingSpeaker('12: douze')).toBeNull();
    expect(leadingSpeaker('bonjour: minuscule')).toBeNull();
    expect(leadingSpeaker('Marie:')).toBeNull();
  });

  it('does not take a header line naming a property of the interview for a speaker', () => {
    for (const line of [
      'Date : 14 mars 2024',
      'Lieu : mairie de Rennes, salle 2',
      'Durée : 1 h 12',
      'Transcrit par : C. Martin',
      'Entretien : DGS de la collectivité B',
      'Location: town hall',
      'Le : 3/4/2024',
      'Jeudi : 14 mars 2024',
      'Session : March 14, 2024',
    ])
      expect(leadingSpeaker(line), line).toBeNull();
    // A speaker's words that begin with a date are still a turn, and so is a mark out of ten.
    expect(leadingSpeaker('P : 7 sur 10')).toMatchObject({ speaker: 'P' });
    expect(leadingSpeaker('Sujet : je dirais non.')).toMatchObject({ speaker: 'Sujet' });
    expect(leadingSpeaker('Élue : 14 mars 2024, le conseil a voté.')).toMatchObject({
      speaker: 'Élue',
    });
    expect(leadingSpeaker('Datéa : oui, nous avons daté chaque étape.')).toMatchObject({
      speaker: 'Datéa',
    });
  });

  it('reads [hh:mm:ss], (mm:ss) and #hh:mm:ss.ms#', () => {
    expect(leadingTimestamp('[01:02:03] texte')).toEqual({ milliseconds: 3723000, length: 11 });
    expect(leadingTimestamp('(12:34) texte')?.milliseconds).toBe(754000);
    expect(leadingTimestamp('#00:01:02.50# texte')?.milliseconds).toBe(62500);
    expect(leadingTimestamp('[00:75:00] nope')).toBeNull();
    expect(leadingTimestamp('(voir page 3)')).toBeNull();
  });

  it('turns a transcript into turns with speakers and times', async () => {
    const text = [
      '[00:00:05] Enquêteur : Pouvez-vous présenter le projet ?',
      'DGS : (00:12) Il a commencé en 2016.',
      'Il est porté par la direction générale.',
      '#00:01:30.25#',
      'Élue : Nous voulions associer les habitants.',
    ].join('\r\n');
    const parsed = await parseImport('entretien.txt', utf8(text));
    expect(
      parsed.blocks.map((block) => [block.speaker ?? null, block.time ?? null, blockText(block)]),
    ).toEqual([
      ['Enquêteur', 5000, 'Pouvez-vous présenter le projet ?'],
      ['DGS', 12000, 'Il a commencé en 2016.'],
      [null, null, 'Il est porté par la direction générale.'],
      ['Élue', 90250, 'Nous voulions associer les habitants.'],
    ]);
    const preview = previewOf('entretien.txt', parsed);
    expect(preview.speakers).toEqual([
      { label: 'Enquêteur', turns: 1 },
      { label: 'DGS', turns: 1 },
      { label: 'Élue', turns: 1 },
    ]);
    expect(preview.timestamps).toBe(3);

    const doc = documentFromJson(
      blocksToDocument(parsed.blocks, { DGS: 'Directeur général des services', Élue: null }),
    );
    const index = buildTextIndex(doc);
    expect(index.blocks.map((block) => block.speaker)).toEqual([
      'Enquêteur',
      'Directeur général des services',
      null,
      null,
    ]);
    expect(index.text.split('\n')[3]).toBe('Élue : Nous voulions associer les habitants.');
  });
});

describe('file formats', () => {
  it('reads a .docx with headings, bold, italic, lists and speaker turns', async () => {
    const parsed = await parseImport(
      'entretien-b.docx',
      docxFile([
        { style: 'Heading1', runs: [{ text: 'Entretien B' }] },
        { runs: [{ text: 'Q: ' }, { text: 'Qui pilote', bold: true }, { text: ' le projet ?' }] },
        { runs: [{ text: 'R: Le maire, ' }, { text: 'vraiment', italic: true }, { text: '.' }] },
        { list: true, runs: [{ text: 'premier point' }] },
        { list: true, runs: [{ text: 'second point' }] },
      ]),
    );
    const doc = documentFromJson(blocksToDocument(parsed.blocks, {}));
    const json = doc.toJSON() as {
      content: { type: string; attrs?: Record<string, unknown>; content?: unknown[] }[];
    };
    expect(json.content.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'bulletList',
    ]);
    expect(json.content[1]!.attrs?.speaker).toBe('Q');
    expect(JSON.stringify(json.content[1])).toContain('"bold"');
    expect(JSON.stringify(json.content[2])).toContain('"italic"');
    expect(buildTextIndex(doc).text).toBe(
      'Entretien B\nQui pilote le projet ?\nLe maire, vraiment.\npremier point\nsecond point',
    );
  });

  it('reduces HTML and Markdown to the editor schema', async () => {
    const blocks = htmlToBlocks(
      '<html><head><script>alert(1)</script><style>p{}</style></head><body><h4>Titre</h4><p onclick="x()">Un <a href="http://x">lien</a> et <em>ceci</em><br>ligne 2</p><table><tr><td>A</td><td>B</td></tr></table><img src="x.png"></body></html>',
    );
    expect(blocks.map((block) => [block.type, block.level ?? null, blockText(block)])).toEqual([
      ['heading', 3, 'Titre'],
      ['paragraph', null, 'Un lien et ceci'],
      ['paragraph', null, 'ligne 2'],
      ['paragraph', null, 'A\tB'],
    ]);
    const markdown = await parseImport(
      'notes.md',
      utf8('# Notes\n\n**Élue**: le *comité* se réunit.\n\n- un\n- deux\n'),
    );
    expect(markdown.blocks.map((block) => block.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
    expect(markdown.blocks.filter((block) => block.list)).toHaveLength(2);
  });

  it('gives a clear error for empty, unsupported, binary and broken files', async () => {
    expect(await errorCode(parseImport('vide.txt', new Uint8Array()))).toBe('invalid_file');
    expect(await errorCode(parseImport('blancs.txt', utf8('  \n\n  ')))).toBe('invalid_file');
    expect(await errorCode(parseImport('tronqué.pdf', utf8('%PDF-1.4')))).toBe('invalid_file');
    expect(await errorCode(parseImport('ancien.doc', utf8('x')))).toBe('unsupported_format');
    expect(
      await errorCode(
        parseImport('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
      ),
    ).toBe('invalid_file');
    expect(await errorCode(parseImport('faux.docx', utf8('pas un zip')))).toBe('invalid_file');
    const zipWithoutDocument = zipSync({ 'hello.txt': strToU8('hi') });
    expect(await errorCode(parseImport('vide.docx', zipWithoutDocument))).toBe('invalid_file');
  });
});

describe('timestamped subtitles', () => {
  it('reads .vtt cues as turns with times, voices as speakers, styling and notes dropped', async () => {
    const vtt = `WEBVTT

NOTE made by the transcription service

1
00:00:01.500 --> 00:00:04.000
<v Enquêteur>Comment le projet est-il <i>piloté</i> ?

2
00:01:02.250 --> 00:01:09.000 align:start
<v.loud Élue>Le maire porte le projet,
avec les élus.

00:01:10.000 --> 00:01:12.000
DGS : Et les services suivent.
`;
    const parsed = await parseImport('entretien.vtt', new TextEncoder().encode(vtt));
    expect(parsed.format).toBe('vtt');
    expect(
      parsed.blocks.map((block) => [block.time, block.speaker, block.inlines[0]?.text]),
    ).toEqual([
      [1500, 'Enquêteur', 'Comment le projet est-il piloté ?'],
      [62250, 'Élue', 'Le maire porte le projet, avec les élus.'],
      [70000, 'DGS', 'Et les services suivent.'],
    ]);
  });

  it('reads .srt cues (comma decimals, hours) as turns', async () => {
    const srt =
      '1\r\n01:02:03,004 --> 01:02:05,000\r\nMarie : Bonjour.\r\n\r\n2\r\n01:02:06,000 --> 01:02:07,000\r\nAu revoir.\r\n';
    const parsed = await parseImport('entretien.srt', new TextEncoder().encode(srt));
    expect(
      parsed.blocks.map((block) => [
        block.time,
        block.speaker ?? null,
        block.inlines.map((inline) => inline.text).join(''),
      ]),
    ).toEqual([
      [3723004, 'Marie', 'Bonjour.'],
      [3726000, null, 'Au revoir.'],
    ]);
  });

  it('decodes character references once and drops the inline timestamps of karaoke cues', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:04.000',
      '<v Marie>Le signe &amp;lt; s&#x27;écrit &lt; &amp; <00:00:02.500>c&apos;est <c.jaune>tout</c>',
      '',
      '00:00:05.000 --> 00:00:06.000',
      '<v Jean&nbsp;Dupont><b>Oui</b>&nbsp;!',
    ].join('\r');
    const parsed = await parseImport('karaoke.vtt', new TextEncoder().encode(vtt));
    expect(
      parsed.blocks.map((block) => [block.time, block.speaker, block.inlines[0]?.text]),
    ).toEqual([
      [1000, 'Marie', "Le signe &lt; s'écrit < & c'est tout"],
      [5000, 'Jean Dupont', 'Oui !'],
    ]);
  });

  it('keeps a "<" that opens no tag, as subtitles written by hand have it (found by review)', async () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,000\nI <3 you so much\n\n2\n00:00:03,000 --> 00:00:04,000\nx < 5 and y > 3, &notre &amp; <i>vous</i>\n';
    const parsed = await parseImport('main.srt', new TextEncoder().encode(srt));
    expect(parsed.blocks.map((block) => block.inlines[0]?.text)).toEqual([
      'I <3 you so much',
      'x < 5 and y > 3, &notre & vous',
    ]);
  });

  it('keeps a voiced cue whose words hold a colon whole, with its voice as speaker (found by a new-user walk)', async () => {
    const vtt =
      "WEBVTT\n\n00:01:00.000 --> 00:01:05.000\n<v Élue>Trois choses. D'abord l'éclairage : les gens voulaient voir.\n";
    const parsed = await parseImport('entretien.vtt', new TextEncoder().encode(vtt));
    expect(parsed.blocks.map((block) => [block.speaker, block.inlines[0]?.text])).toEqual([
      ['Élue', "Trois choses. D'abord l'éclairage : les gens voulaient voir."],
    ]);
    const text = await parseImport(
      'notes.txt',
      new TextEncoder().encode("Trois choses. D'abord l'éclairage : les gens.\nM. Dupont : oui."),
    );
    expect(text.blocks.map((block) => block.speaker ?? null)).toEqual([null, 'M. Dupont']);
  });

  it('reads a cue of a million unclosed "<" in linear time', async () => {
    const srt = `1\n00:00:01,000 --> 00:00:02,000\nMarie : ${'<a'.repeat(1_000_000)}\n\n2\n00:00:03,000 --> 00:00:04,000\nSuite.\n`;
    const started = performance.now();
    const parsed = await parseImport('hostile.srt', new TextEncoder().encode(srt));
    expect(performance.now() - started).toBeLessThan(2_000);
    // A "<" that opens no tag is text; the next cue is intact.
    expect(parsed.blocks).toHaveLength(2);
    expect(parsed.blocks[0]!.inlines[0]!.text.startsWith('<a<a')).toBe(true);
    expect(parsed.blocks[1]!.inlines[0]!.text).toBe('Suite.');
  });
});
