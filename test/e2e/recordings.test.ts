import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toneWav } from '../../electron/demo/toneWav';
import type { Recording } from '../../shared/recordings';
import type { RunningApp } from './support/app';
import { startApp } from './support/app';
import { apiCall, createProject, openSection } from './support/workspace';

let app: RunningApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(async () => {
  await app.stop();
});

const vtt = `WEBVTT

00:00:00.500 --> 00:00:03.500
<v Enquêteur>Comment le projet est-il né ?

00:00:04.000 --> 00:00:07.000
<v Élue>Le maire l’a porté dès le début.

00:00:08.000 --> 00:00:10.000
<v Enquêteur>Et les habitants ?
`;

describe('recordings', () => {
  it('plays a transcript’s recording in step: timestamps seek, ranges stream, transcription keys work', async () => {
    const { page } = app;
    await createProject(app, 'Enregistrements');
    await openSection(page, 'Documents');
    const subtitles = app.projectPath('entretien.vtt');
    writeFileSync(subtitles, vtt);
    await page.locator('input[type=file]').setInputFiles(subtitles);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    // One file: the dialog closes and the transcript opens.
    await page.locator('.transcript p[data-time="4000"][data-speaker="Élue"]').waitFor();

    const wavPath = app.projectPath('entretien.wav');
    const wav = toneWav(12);
    writeFileSync(wavPath, wav);
    await page.locator('input[name="recording-file"]').setInputFiles(wavPath);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const [document] = await apiCall<{ id: string }[]>(app, 'documents.list', {});
    const [recording] = await apiCall<Recording[]>(app, 'recordings.list', {
      documentId: document!.id,
    });
    expect(recording).toMatchObject({
      fileName: 'entretien.wav',
      mimeType: 'audio/wav',
      size: wav.length,
    });
    expect(recording!.durationMs).toBe(12000);

    // The player reads by ranges: 206 with exactly the bytes asked for.
    const player = page.getByTestId('recording-player');
    const src = await player.evaluate((element) => (element as HTMLAudioElement).currentSrc);
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Range: 'bytes=100-199' } });
      return {
        status: response.status,
        range: response.headers.get('content-range'),
        bytes: [...new Uint8Array(await response.arrayBuffer())],
      };
    }, src);
    expect(answer.status).toBe(206);
    expect(answer.range).toBe(`bytes 100-199/${wav.length}`);
    expect(Buffer.from(answer.bytes).equals(wav.subarray(100, 200))).toBe(true);
    const withoutToken = await page.evaluate(
      async (url) => (await fetch(url.replace(/\?token=.*/, ''))).status,
      src,
    );
    expect(withoutToken).toBe(401);

    // A click on a turn's time seeks there; follow mode highlights that turn.
    await page.locator('.transcript p[data-time="4000"]').click({ position: { x: 6, y: 6 } });
    await expect
      .poll(() => player.evaluate((element) => (element as HTMLAudioElement).currentTime))
      .toBe(4);
    await page.locator('.transcript p.playing-turn[data-time="4000"]').waitFor();

    // Transcription mode: F4 plays and pauses, F8 types the time at the caret.
    await page.getByRole('checkbox', { name: 'Transcription mode' }).check();
    await page.locator('.transcript p[data-time="8000"]').getByText('Et les habitants ?').click();
    await page.keyboard.press('End');
    await page.keyboard.press('F4');
    await expect
      .poll(() => player.evaluate((element) => (element as HTMLAudioElement).paused))
      .toBe(false);
    await page.keyboard.press('F4');
    await expect
      .poll(() => player.evaluate((element) => (element as HTMLAudioElement).paused))
      .toBe(true);
    const pausedAt = await player.evaluate((element) => (element as HTMLAudioElement).currentTime);
    await page.keyboard.press('F8');
    const mark = `[0:00:${String(Math.floor(pausedAt)).padStart(2, '0')}]`;
    await page.locator('.transcript p[data-time="8000"]', { hasText: mark }).waitFor();
    await expect
      .poll(async () =>
        JSON.stringify(
          (await apiCall<{ content: unknown }>(app, 'documents.get', { id: document!.id })).content,
        ),
      )
      .toContain(mark);

    // F9 starts the next speaker's turn at the player's time.
    await page.keyboard.press('F9');
    await expect.poll(() => page.locator('.transcript p[data-speaker="Élue"]').count()).toBe(2);
    await page.keyboard.type('Ils participent aux réunions.');
    await page
      .locator('.transcript p[data-speaker="Élue"]', { hasText: 'Ils participent aux réunions.' })
      .waitFor();

    // A coded passage plays from the start of its turn.
    const code = await apiCall<{ id: string }>(app, 'codes.create', {
      name: 'Leadership',
      codable: true,
    });
    // Offsets belong to a version of the text: the one the typing above left, once saved.
    const typed = async () =>
      apiCall<{ version: number; content: unknown }>(app, 'documents.get', { id: document!.id });
    await expect
      .poll(async () => JSON.stringify((await typed()).content))
      .toContain('Ils participent aux réunions.');
    await apiCall(app, 'codings.create', {
      documentId: document!.id,
      version: (await typed()).version,
      start: 30,
      end: 38,
      codeIds: [code.id],
    });
    await page.reload();
    await openSection(page, 'Documents');
    await page.getByRole('button', { name: /^entretien/ }).click();
    await page.locator('.transcript .coding').first().click();
    await page.getByRole('button', { name: 'Play from here' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('recording-player')
          .evaluate((element) => (element as HTMLAudioElement).paused),
      )
      .toBe(false);
    const resumedAt = await page
      .getByTestId('recording-player')
      .evaluate((element) => (element as HTMLAudioElement).currentTime);
    expect(resumedAt).toBeGreaterThanOrEqual(4);
    expect(resumedAt).toBeLessThan(6);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();

    // Removing the recording leaves the transcript as it was.
    await page.getByRole('button', { name: 'Remove the recording (the transcript stays)' }).click();
    await page.getByText('No recording is attached to this transcript.').waitFor();
    expect(
      await apiCall<Recording[]>(app, 'recordings.list', { documentId: document!.id }),
    ).toEqual([]);
    await page.locator('.transcript p[data-time="4000"][data-speaker="Élue"]').waitFor();
    expect(readFileSync(wavPath).length).toBe(wav.length);
  });

  it('refuses a file the player cannot decode, with a clear message', async () => {
    const { page } = app;
    await createProject(app, 'Refus');
    await openSection(page, 'Documents');
    const text = app.projectPath('notes.vtt');
    writeFileSync(text, vtt);
    await page.locator('input[type=file]').setInputFiles(text);
    const dialog = page.getByRole('dialog', { name: 'Import documents' });
    await dialog.getByRole('button', { name: 'Import 1 file' }).click();
    await page.locator('.transcript p[data-time="4000"]').waitFor();
    const fake = app.projectPath('faux.mp3');
    writeFileSync(fake, Buffer.from('this is not an mp3 at all, only text pretending to be one'));
    await page.locator('input[name="recording-file"]').setInputFiles(fake);
    await page
      .getByText('faux.mp3 does not hold a recording Axial can play, whatever its name says')
      .waitFor();
    const [document] = await apiCall<{ id: string }[]>(app, 'documents.list', {});
    expect(
      await apiCall<Recording[]>(app, 'recordings.list', { documentId: document!.id }),
    ).toEqual([]);
  });
});
