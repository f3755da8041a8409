/**
 * The catalogs themselves: every key a source file asks for exists, Chinese values are Chinese (a value left
 * in English would show English on a Chinese screen), both languages carry the same interpolation variables,
 * and the language and settings rules hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envLang, langFromLocale, translator } from '../../../core/i18n';
import { resources } from '../../../renderer/i18n';
import { loadDisplaySettings } from '../../../renderer/i18n/settings';
import { LATIN_ALLOWED, latinWords } from '../../support/latin';

/** Kept exported here for callers of the old location; the list lives in tests/support/latin.ts. */
export { LATIN_ALLOWED };

type Tree = { readonly [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

const en = resources.en as unknown as Record<string, Tree>;
const zh = resources['zh-CN'] as unknown as Record<string, Tree>;

function variables(s: string): string[] {
  return [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}

describe('catalogs', () => {
  it('Chinese mirrors English key for key, with the same variables', () => {
    for (const ns of Object.keys(en)) {
      const e = new Map(leaves(en[ns]!));
      const z = new Map(leaves(zh[ns]!));
      expect([...z.keys()].sort(), ns).toEqual([...e.keys()].sort());
      for (const [k, v] of e) {
        // A plural's singular form may drop the count ("one loan"); Chinese has one form.
        if (k.endsWith('_one')) continue;
        expect(variables(z.get(k)!), `${ns}:${k}`).toEqual(variables(v));
      }
    }
  });

  it('no Chinese value is left in English', () => {
    const untranslated = Object.keys(zh).flatMap((ns) =>
      leaves(zh[ns]!)
        .filter(([k, v]) => !/^placeholder$/.test(k) && latinWords(v).length > 0)
        .map(([k, v]) => `${ns}:${k} = ${v}`),
    );
    expect(untranslated).toEqual([]);
  });

  it('no value is empty, except a namespace not yet written', () => {
    const empty = Object.entries({ en, zh }).flatMap(([lang, r]) =>
      Object.keys(r).flatMap((ns) =>
        leaves(r[ns]!)
          .filter(([k, v]) => k !== 'placeholder' && v.trim() === '')
          .map(([k]) => `${lang} ${ns}:${k}`),
      ),
    );
    expect(empty).toEqual([]);
  });
});

/** Source files under a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'locales' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function resolves(ns: string, key: string): boolean {
  const tree = en[ns];
  if (!tree) return false;
  const node = key
    .split('.')
    .reduce<Tree | string | undefined>(
      (n, part) => (n !== undefined && typeof n !== 'string' ? n[part] : undefined),
      tree,
    );
  if (typeof node === 'string') return true;
  // A plural key is asked for without its suffix.
  const parent = key.split('.').slice(0, -1);
  const last = key.split('.').at(-1)!;
  const holder = parent.reduce<Tree | string | undefined>(
    (n, part) => (n !== undefined && typeof n !== 'string' ? n[part] : undefined),
    tree,
  );
  return holder !== undefined && typeof holder !== 'string' && typeof holder[`${last}_other`] === 'string';
}

describe('keys asked for in source', () => {
  it('every literal t(...) key exists in its namespace', () => {
    const missing: string[] = [];
    for (const file of [...sources('renderer'), ...sources('core')]) {
      const text = readFileSync(file, 'utf8');
      // A file names its namespaces in useTranslation/translator calls; keys may also carry `ns:`.
      const declared = [...text.matchAll(/useTranslation\(\s*(?:'(\w+)'|\[([^\]]*)\])/g)].flatMap((m) =>
        m[1] ? [m[1]] : (m[2]!.match(/\w+/g) ?? []),
      );
      const own = declared.length > 0 ? declared : ['app'];
      for (const m of text.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const key = m[1]!;
        const [ns, k] = key.includes(':') ? key.split(':', 2) : [null, key];
        const ok = ns !== null ? resolves(ns, k!) : own.some((n) => resolves(n, k!));
        if (!ok) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('language and display settings', () => {
  it('any zh locale is Chinese, everything else English', () => {
    expect(['zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans-CN', 'ZH-TW'].map(langFromLocale)).toEqual(
      Array(5).fill('zh-CN'),
    );
    expect(['en-US', 'de', '', 'zhx', undefined].map(langFromLocale)).toEqual(Array(5).fill('en'));
    // POSIX order: LC_ALL overrides LC_MESSAGES overrides LANG.
    expect(envLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(envLang({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(envLang({ LC_MESSAGES: 'zh_CN', LANG: 'en_US' })).toBe('zh-CN');
  });

  it('the first run follows the system locale; a saved choice wins; a damaged one is ignored', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(loadDisplaySettings(store(null), 'zh-CN')).toEqual({ lang: 'zh-CN', scale: 'unit' });
    expect(loadDisplaySettings(store('{"lang":"en","scale":"wan"}'), 'zh-CN')).toEqual({
      lang: 'en',
      scale: 'wan',
    });
    expect(loadDisplaySettings(store('{"lang":"fr","scale":"lakh"}'), 'en-GB')).toEqual({
      lang: 'en',
      scale: 'unit',
    });
    expect(loadDisplaySettings(store('not json'), 'zh')).toEqual({ lang: 'zh-CN', scale: 'unit' });
  });

  it('one term, one translation: the glossary answers in each language', () => {
    expect(translator('zh-CN')('glossary:wal')).toBe('加权平均期限');
    expect(translator('zh-CN')('glossary:cleanUpCall')).toBe('清仓回购');
    expect(translator('en')('glossary:wal')).toBe('WAL');
  });
});
