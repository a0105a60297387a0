import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/commands';
import type { Harness } from '../support/apiHarness';
import { fileBytes, openHarness } from '../support/apiHarness';

let harness: Harness;
beforeEach(async () => {
  harness = await openHarness();
});
afterEach(() => {
  delete process.env.AXIAL_KEY_PASSPHRASE;
  harness.close();
});

async function axial(...args: string[]) {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out: out.join('\n'), error: error.join('\n') };
}

describe('axial check-identifiers and axial pseudonymise', () => {
  it('list the names left, then write a copy without them and its key, the project untouched', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes(
        'Enquêtrice : Vous travaillez avec Mme Lefèvre ?\nDGS : Oui, Hélène Lefevre dirige le service à Montreuil.',
      ),
    });
    await call('projects.close', {});
    const table = join(harness.folder, 'names.csv');
    writeFileSync(
      table,
      'real,pseudonym,kind\n"Hélène Lefèvre|Mme Lefèvre|Lefèvre",la directrice de A,person\nMontreuil,Ville A,place\n',
    );
    const check = await axial('check-identifiers', harness.projectPath, '--table', table);
    expect(check.code).toBe(1);
    expect(check.out).toContain('3 occurrences');
    expect(check.out).toContain('[Hélène Lefevre]');

    const out = join(harness.folder, 'partage.axial');
    const key = join(harness.folder, 'partage.key');
    const refused = await axial(
      'pseudonymise',
      harness.projectPath,
      '--table',
      table,
      '--out',
      out,
      '--key',
      key,
    );
    // No passphrase and no terminal: told how to give one, nothing written.
    expect(refused.code).toBe(2);
    expect(refused.error).toContain('AXIAL_KEY_PASSPHRASE');
    expect(existsSync(out)).toBe(false);

    process.env.AXIAL_KEY_PASSPHRASE = 'court';
    const short = await axial(
      'pseudonymise',
      harness.projectPath,
      '--table',
      table,
      '--out',
      out,
      '--key',
      key,
    );
    expect(short.code).toBe(2);
    expect(short.error).toContain('shorter than 8 characters');
    expect(existsSync(out)).toBe(false);
    process.env.AXIAL_KEY_PASSPHRASE = 'phrase de passe du projet';
    const made = await axial(
      'pseudonymise',
      harness.projectPath,
      '--table',
      table,
      '--out',
      out,
      '--key',
      key,
    );
    expect(made.code).toBe(0);
    expect(made.out).toContain('3 names replaced');
    const shared = new Database(out, { readonly: true });
    expect(shared.prepare('SELECT plain_text FROM document').pluck().get()).toBe(
      'Vous travaillez avec la directrice de A ?\nOui, la directrice de A dirige le service à Ville A.',
    );
    shared.close();
    expect(readFileSync(key, 'utf8')).not.toContain('Lef');
    const clean = await axial('check-identifiers', out, '--table', table);
    expect(clean.code).toBe(0);
    expect(clean.out).toBe('No name of the table is written in the project.');
    // The project itself still holds the names.
    expect((await axial('check-identifiers', harness.projectPath, '--table', table)).code).toBe(1);
  });

  it('warns before an export that the pseudonym table’s names are still in the project', async () => {
    const { call } = harness;
    await call('documents.import', {
      fileName: 'Entretien.txt',
      data: fileBytes('Enquêtrice : Bonjour Mme Lefèvre.\nDGS : Bonjour.'),
    });
    const out = join(harness.folder, 'export.qdpx');
    await call('projects.close', {});
    expect((await axial('export-qdpx', harness.projectPath, '--out', out)).error).toBe('');
    await call('projects.open', { path: harness.projectPath });
    await call('pseudonyms.add', {
      kind: 'person',
      real: 'Lefèvre',
      variants: [],
      pseudonym: 'la DGS',
      source: null,
    });
    await call('projects.close', {});
    const warned = await axial('export-qdpx', harness.projectPath, '--out', out);
    expect(warned.code).toBe(0);
    expect(warned.error).toContain('Warning: 1 name of the project');
  });
});
