import { join } from 'node:path';
import { z } from 'zod';
import { languages } from '../../shared/domain';
import type { Language } from '../../shared/domain';
import { readJsonFile, writeJsonFile } from './jsonFile';

const settingsSchema = z.object({
  language: z.enum(languages).optional(),
  /** The name recorded with each coding, memo and rating: chosen by the researcher. */
  coderName: z.string().trim().min(1).max(100).optional(),
});
export type Settings = z.output<typeof settingsSchema>;

export class SettingsFile {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'settings.json');
  }

  read(): Settings {
    return readJsonFile(this.file, settingsSchema, {});
  }

  language(fallback: Language): Language {
    return this.read().language ?? fallback;
  }

  setLanguage(language: Language): void {
    writeJsonFile(this.file, { ...this.read(), language });
  }

  coderName(): string | null {
    return this.read().coderName ?? null;
  }

  setCoderName(coderName: string): void {
    writeJsonFile(this.file, { ...this.read(), coderName });
  }
}
