import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../../electron/api/dispatcher';
import { mergeHandlers } from '../../../electron/api/handlers';
import { methodNames } from '../../../shared/contract/api';
import type { AppCore } from '../../../electron/api/core';
import { testCore } from '../../support/core';
import { makeTempDir } from '../../support/tempDir';

let folder: ReturnType<typeof makeTempDir>;
let core: AppCore;
beforeEach(() => {
  folder = makeTempDir();
  core = testCore(folder.path);
});
afterEach(() => {
  core.shutdown();
  folder.remove();
});

describe('the dispatcher', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    expect(() => mergeHandlers({ 'app.info': () => 1 }, { 'app.info': () => 2 })).toThrow(
      'API handler "app.info" is registered twice',
    );
  });

  it('returns typed errors for a wrong type, a missing field and an unknown method, running nothing', async () => {
    const path = join(folder.path, 'p.axial');
    expect(await core.dispatch('projects.create', { path, title: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'title' }] },
    });
    expect(await core.dispatch('projects.create', { title: 'Sans chemin' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'path' }] },
    });
    expect(await core.dispatch('projects.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await core.dispatch({ method: 'x' }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await core.dispatch('projects.create', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(existsSync(path)).toBe(false);
  });

  it('creates, updates, closes and reopens a project, recording it in the recent list', async () => {
    const path = join(folder.path, 'etude');
    const created = await core.dispatch('projects.create', {
      path,
      title: 'Étude',
      language: 'fr',
    });
    expect(created).toMatchObject({ ok: true, value: { title: 'Étude', path: `${path}.axial` } });
    expect(await core.dispatch('projects.update', { description: 'Villes A à F' })).toMatchObject({
      ok: true,
      value: { description: 'Villes A à F' },
    });
    expect(await core.dispatch('projects.close', {})).toEqual({ ok: true, value: null });
    expect(await core.dispatch('projects.current', {})).toEqual({ ok: true, value: null });
    expect(await core.dispatch('projects.update', { title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'no_project_open' },
    });
    const recent = await core.dispatch('app.recentProjects', {});
    expect(recent).toMatchObject({
      ok: true,
      value: [{ path: `${path}.axial`, title: 'Étude', missing: false }],
    });
    expect(await core.dispatch('projects.open', { path: `${path}.axial` })).toMatchObject({
      ok: true,
      value: { description: 'Villes A à F' },
    });
  });

  it('reports a store failure as the typed error, and an unexpected one without internals', async () => {
    const result = await core.dispatch('projects.open', {
      path: join(folder.path, 'missing.axial'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'file_not_found' } });
    if (!result.ok) expect(result.error.message).toContain('missing.axial');

    const logged: string[] = [];
    const { createDispatcher } = await import('../../../electron/api/dispatcher');
    const brokenDispatch = createDispatcher(
      {
        ...core.context,
        recent: {
          list: () => {
            throw new Error('EACCES: secret internal detail');
          },
        } as unknown as typeof core.context.recent,
      },
      (message) => logged.push(message),
    );
    const broken = await brokenDispatch('app.recentProjects', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!broken.ok) expect(broken.error.message).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('tells the browser host that native dialogs are missing', async () => {
    expect(await core.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { nativeDialogs: false, host: 'web' },
    });
    expect(await core.dispatch('app.choosePath', { purpose: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'not_available' },
    });
  });

  it('remembers the interface language', async () => {
    await core.dispatch('app.setLanguage', { language: 'fr' });
    const again = testCore(folder.path);
    expect(await again.dispatch('app.info', {})).toMatchObject({
      ok: true,
      value: { language: 'fr' },
    });
    expect(await core.dispatch('app.setLanguage', { language: 'es' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
