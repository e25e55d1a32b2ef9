import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS } from '@/lib/i18n/errors';
import * as options from '@/lib/i18n/options';
import * as pageCheck from '@/lib/i18n/page-check';
import * as popup from '@/lib/i18n/popup';
import * as privacy from '@/lib/i18n/privacy';
import * as solution from '@/lib/i18n/solution';
import * as toolbar from '@/lib/i18n/toolbar';

const SURFACES = { popup, options, toolbar, solution, pageCheck, privacy, errors: ERROR_TEXTS };

/**
 * Where two copies of a surface differ in shape: a key (or array index) only one of them has, a value
 * that is text in one and a group in the other, or a function taking a different number of parameters.
 */
function shapeMismatches(zh: unknown, en: unknown, path = ''): string[] {
  if (typeof zh === 'function' || typeof en === 'function') {
    if (typeof zh !== 'function' || typeof en !== 'function') return [`${path}: a function in one language only`];
    return zh.length === en.length ? [] : [`${path}: ${zh.length} parameter(s) in zh, ${en.length} in en`];
  }
  const zhGroup = typeof zh === 'object' && zh !== null;
  const enGroup = typeof en === 'object' && en !== null;
  if (!zhGroup || !enGroup) return zhGroup === enGroup ? [] : [`${path}: a group in one language only`];
  const zhKeys = Object.keys(zh);
  const enKeys = Object.keys(en);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  return [
    ...zhKeys.filter((key) => !enKeys.includes(key)).map((key) => `${at(key)}: missing in en`),
    ...enKeys.filter((key) => !zhKeys.includes(key)).map((key) => `${at(key)}: missing in zh`),
    ...zhKeys
      .filter((key) => enKeys.includes(key))
      .flatMap((key) => shapeMismatches(zh[key as keyof typeof zh], en[key as keyof typeof en], at(key))),
  ];
}

describe('i18n', () => {
  for (const [surface, { zh, en }] of Object.entries(SURFACES)) {
    it(`${surface}: zh and en have the same keys and function parameters`, () => {
      expect(shapeMismatches(zh, en).map((problem) => `${surface}.${problem}`)).toEqual([]);
    });
  }

  it('names the surface path of a missing key and of a function whose parameters differ', () => {
    const zh = { a: '一', group: { b: '二', count: (n: number) => `${n} 条` } };
    const en = { group: { count: () => 'some', extra: 'x' } };
    expect(shapeMismatches(zh, en)).toEqual([
      'a: missing in en',
      'group.b: missing in en',
      'group.extra: missing in zh',
      'group.count: 1 parameter(s) in zh, 0 in en',
    ]);
  });
});
