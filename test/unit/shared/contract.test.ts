import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, isMethodName, methodNames } from '../../../shared/contract/api';
import { mergeContracts, method } from '../../../shared/contract/method';
import { checkMethodName, parseMethodInput } from '../../../shared/contract/validate';

describe('the API contract', () => {
  it('merges domains and refuses a method name defined twice', () => {
    const first = { 'demo.one': method<number>()(z.strictObject({})) };
    const second = { 'demo.one': method<string>()(z.strictObject({})) };
    expect(() => mergeContracts(first, second)).toThrow('API method "demo.one" is defined twice');
    expect(Object.keys(mergeContracts(first, { 'demo.two': first['demo.one'] }))).toEqual([
      'demo.one',
      'demo.two',
    ]);
  });

  it('names every method domain.action and gives each a schema', () => {
    expect(methodNames.length).toBeGreaterThan(5);
    for (const name of methodNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(contract[name].input).toBeInstanceOf(z.ZodType);
    }
  });

  it('recognises method names only from the contract', () => {
    expect(isMethodName('projects.open')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName(42)).toBe(false);
    const unknown = checkMethodName('projects.delete');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.code).toBe('unknown_method');
  });

  it('rejects a wrong type, a missing field and an unknown field, naming the field', () => {
    const wrongType = parseMethodInput('projects.open', { path: 12 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!wrongType.ok) expect(wrongType.error.issues?.[0]?.path).toBe('path');

    const missing = parseMethodInput('projects.create', { path: '/tmp/a.axial' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.issues?.map((issue) => issue.path)).toContain('title');
      expect(missing.error.message).toContain('title');
    }

    const extra = parseMethodInput('projects.open', { path: '/tmp/a.axial', pathh: 'x' });
    expect(extra.ok).toBe(false);

    const emptyTitle = parseMethodInput('projects.create', { path: '/tmp/a.axial', title: '   ' });
    expect(emptyTitle.ok).toBe(false);
    if (!emptyTitle.ok) expect(emptyTitle.error.message).toContain('Give the project a title.');
  });

  it('fills defaults and trims', () => {
    const parsed = parseMethodInput('projects.create', {
      path: ' /tmp/a.axial ',
      title: ' Étude ',
    });
    expect(parsed).toEqual({
      ok: true,
      value: { path: '/tmp/a.axial', title: 'Étude', description: '', language: 'fr' },
    });
    expect(parseMethodInput('projects.current', undefined)).toEqual({ ok: true, value: {} });
    expect(parseMethodInput('projects.current', { surprise: true }).ok).toBe(false);
  });

  it('refuses an update that changes nothing', () => {
    expect(parseMethodInput('projects.update', {}).ok).toBe(false);
    expect(parseMethodInput('projects.update', { language: 'de' }).ok).toBe(false);
    expect(parseMethodInput('projects.update', { language: 'en' }).ok).toBe(true);
  });
});
