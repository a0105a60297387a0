import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toneWav } from '../../../electron/demo/toneWav';
import type { Container } from '../../../electron/media/identifyContainer';
import { identifyContainer } from '../../../electron/media/identifyContainer';

const identify = (bytes: Uint8Array) =>
  identifyContainer((offset, length) => bytes.subarray(offset, offset + length), bytes.length);
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** MPEG-1 Layer III frames at 128 kbit/s and 44.1 kHz: 417 bytes each. */
function mp3Frames(count: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

function id3(tagBytes: number): Buffer {
  const header = latin1('ID3\x04\x00\x00');
  const size = [21, 14, 7, 0].map((shift) => (tagBytes >> shift) & 0x7f);
  return Buffer.concat([header, Buffer.from(size), Buffer.alloc(tagBytes, 0x41)]);
}

function adtsFrames(count: number): Buffer {
  const frame = Buffer.alloc(300);
  // Sync, MPEG-4, no CRC; AAC LC at 44.1 kHz, stereo; a frame of 300 bytes.
  frame.set([0xff, 0xf1, 0x50, 0x80, (300 >> 3) & 0xff, ((300 & 0x07) << 5) | 0x1f, 0xfc]);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

function box(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

const mp4 = Buffer.concat([
  box('ftyp', latin1('M4A \0\0\0\0isomM4A ')),
  box('moov', Buffer.alloc(2000)),
  box('mdat', Buffer.alloc(9000, 7)),
]);

function oggOpus(): Buffer {
  const page = Buffer.alloc(27 + 1 + 19);
  page.write('OggS', 0, 'latin1');
  page[4] = 0;
  page[5] = 0x02;
  page[26] = 1;
  page[27] = 19;
  page.write('OpusHead', 28, 'latin1');
  return Buffer.concat([page, Buffer.alloc(4000)]);
}

const webm = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]),
  latin1('webm'),
  Buffer.alloc(3000),
]);

/** A RIFF chunk: its id, its size, its bytes (padded to an even length). */
function riffChunk(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

/** A WAV whose `fmt ` comes after other chunks, as field recorders and editors write them. */
function waveAfter(...chunks: Buffer[]): Buffer {
  const tone = toneWav(1);
  const body = Buffer.concat([latin1('WAVE'), ...chunks, tone.subarray(12)]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

const oggSkeleton = (() => {
  const page = oggOpus();
  page.write('fishead\0', 28, 'latin1');
  return page;
})();

const recordings: [string, Buffer, Container][] = [
  // Found by review: each was refused.
  [
    'a broadcast WAV (bext, iXML before fmt)',
    waveAfter(riffChunk('bext', Buffer.alloc(802)), riffChunk('iXML', Buffer.alloc(4000, 0x3c))),
    'wav',
  ],
  ['a WAV with 4 KB of JUNK before fmt', waveAfter(riffChunk('JUNK', Buffer.alloc(4076))), 'wav'],
  [
    'an MP3 with junk after its ID3 tag',
    Buffer.concat([id3(500), Buffer.alloc(3000, 0x55), mp3Frames(40)]),
    'mp3',
  ],
  ['an MP3 with two ID3 tags', Buffer.concat([id3(500), id3(300), mp3Frames(40)]), 'mp3'],
  [
    'a WebM whose document type size takes two bytes',
    Buffer.concat([
      webm.subarray(0, 11),
      Buffer.from([0x40, 0x04]),
      latin1('webm'),
      Buffer.alloc(100),
    ]),
    'webm',
  ],
  ['an Ogg opening with a skeleton', oggSkeleton, 'ogg'],
  ['a WAV', toneWav(1), 'wav'],
  ['an MP3 without a tag', mp3Frames(40), 'mp3'],
  [
    'an MP3 behind an ID3 tag and padding',
    Buffer.concat([id3(5000), Buffer.alloc(300), mp3Frames(40)]),
    'mp3',
  ],
  ['a short MP3 of two frames', mp3Frames(2), 'mp3'],
  ['an AAC stream', adtsFrames(40), 'aac'],
  ['an M4A', mp4, 'mp4'],
  ['an Ogg Opus', oggOpus(), 'ogg'],
  ['a WebM', webm, 'webm'],
];

describe('recordings identified by their structure', () => {
  it.each(recordings)('knows %s', (_name, bytes, container) => {
    expect(identify(bytes)).toBe(container);
  });

  it.each([
    [
      'a text that begins with "ID3"',
      latin1('ID3 notes de terrain, entretien du 14 mars'.repeat(50)),
    ],
    ['an ID3 tag before text', Buffer.concat([id3(200), latin1('Bonjour '.repeat(500))])],
    [
      'a RIFF that is no sound',
      Buffer.concat([latin1('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(2000, 0xee)]),
    ],
    [
      'one MPEG frame header before a PDF',
      Buffer.concat([mp3Frames(1).subarray(0, 4), latin1('%PDF-1.4'.repeat(200))]),
    ],
    ['an Ogg page of no codec', Buffer.concat([latin1('OggS\0\x02'), Buffer.alloc(3000, 0x31)])],
    [
      'an ftyp box before text',
      Buffer.concat([
        box('ftyp', latin1('isom\0\0\0\0')),
        latin1('\n\n\x01\x02 not boxes'.repeat(100)),
      ]),
    ],
    [
      'an EBML header of another document type',
      Buffer.concat([webm.subarray(0, 11), Buffer.from([0x84]), latin1('docx'), Buffer.alloc(100)]),
    ],
    ['a PDF', latin1('%PDF-1.4\n'.repeat(300))],
  ])('refuses %s', (_name, bytes) => {
    expect(identify(bytes)).toBeNull();
  });

  it('refuses random bytes behind any recording’s first bytes', () => {
    const openings = [
      'RIFF\0\0\0\0WAVE',
      'OggS',
      '\0\0\0\x18ftyp',
      '\x1a\x45\xdf\xa3',
      'ID3\x04\0\0\0\0\0\x10',
      '\xff\xfb\x90\x64',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...openings),
        fc.uint8Array({ minLength: 0, maxLength: 3000 }),
        (opening, rest) => {
          const bytes = Buffer.concat([latin1(opening), Buffer.from(rest)]);
          expect(identify(bytes)).toBeNull();
        },
      ),
      { seed: 20261202, numRuns: 2000 },
    );
  });
});
