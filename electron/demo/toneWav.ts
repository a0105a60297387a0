/**
 * A short WAV made on the spot for the demo's recording: a soft two-note
 * chime every few seconds over silence, so the player has something real to play
 * without shipping an audio file.
 */
export function toneWav(seconds: number, rate = 8000): Buffer {
  const samples = Math.round(rate * seconds);
  const data = Buffer.alloc(samples * 2);
  for (let index = 0; index < samples; index += 1) {
    const time = index / rate;
    const inBeat = time % 4;
    const envelope = inBeat < 0.6 ? Math.exp(-inBeat * 5) : 0;
    const frequency = inBeat < 0.3 ? 660 : 880;
    const value = envelope * 6000 * Math.sin(2 * Math.PI * frequency * time);
    data.writeInt16LE(Math.round(value), index * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
