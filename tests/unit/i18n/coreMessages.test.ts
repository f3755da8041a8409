/**
 * Engine messages carry a code the `core` catalog words in both languages (issue 13): every code the engine
 * uses exists, every message renders in Chinese and in English with its params, the English text the engine
 * keeps in `message` is the catalog's, and the hosts' renderings (deal problems, file errors, JSON syntax,
 * zod's schema messages, projection and calendar notes, funding cases) come out in Chinese.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DealFileError, parseDeal } from '../../../core/deal/load';
import { poolFitProblems } from '../../../core/deal/poolFit';
import { Deal } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { FundingCase } from '../../../core/funding/schema';
import { translator } from '../../../core/i18n';
import { core as coreEn } from '../../../core/i18n/locales/en/core';
import { coreMessage, coreText, type CoreCode } from '../../../core/i18n/messages';
import { setZodLanguage } from '../../../core/i18n/zodLocale';
import { readJsonFile } from '../../../core/node/dealFile';
import { DealError, runDeal } from '../../../core/run';
import { CalendarFile } from '../../../core/time/holidayCalendar';
import { zodIssues } from '../../../core/deal/load';
import { minimalDeal } from '../deal/minimalDeal';

type Tree = { readonly [k: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );

const en = translator('en');
const zh = translator('zh-CN');
const CJK = /[\u4e00-\u9fff]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'locales' ? [] : sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

afterEach(() => setZodLanguage('en'));

describe('the core catalog', () => {
  const all = leaves(coreEn as unknown as Tree);
  const codes = new Set(all.map(([k]) => k.replace(/_(end|lineBreak)$/, '')));

  it('has every code the engine uses', () => {
    const areas = Object.keys(coreEn).join('|');
    const used = new Set<string>();
    for (const file of [...sources('core'), ...sources('electron')]) {
      const text = readFileSync(file, 'utf8');
      // Codes are the first or second argument of the calls that make a coded message.
      const call = `(?:coreMessage|customIssue|codedRefinement|checkMessage|problem|unique|add)\\(\\s*(?:[^,()]*,\\s*)?`;
      for (const m of text.matchAll(new RegExp(`${call}'((?:${areas})(?:\\.[A-Za-z]+)+)'`, 'g')))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((c) => !codes.has(c))).toEqual([]);
  });

  it('renders each message in both languages with its params', () => {
    for (const [key, text] of all) {
      const vars = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(vars.map((v) => [v, `«${v}»`]));
      const context = /_(end|lineBreak)$/.exec(key)?.[1];
      const code = key.replace(/_(end|lineBreak)$/, '');
      const m = { code, params: { ...params, ...(context ? { context } : {}) }, message: '' };
      // The engine's own English (interpolated without i18next, for speed) is i18next's English.
      expect(coreMessage(code as CoreCode, m.params).message, key).toBe(coreText(en, m));
      for (const [lang, t] of [
        ['en', en],
        ['zh-CN', zh],
      ] as const) {
        const out = coreText(t, m);
        expect(out, `${lang} ${key}`).not.toMatch(/\{\{|\$t\(|^core:/);
        for (const v of vars) expect(out, `${lang} ${key}`).toContain(`«${v}»`);
        if (lang === 'zh-CN') expect(out, key).toMatch(CJK);
        else expect(out, key).toBe(text.replace(/\{\{(\w+)\}\}/g, '«$1»'));
      }
    }
  });

  it('the English message is the catalog text, so logs and JSON read as before', () => {
    const m = coreMessage('deal.noTranche', { id: 'Z' });
    expect(m).toEqual({ code: 'deal.noTranche', params: { id: 'Z' }, message: "no tranche 'Z'" });
    expect(coreText(zh, m)).toBe('不存在证券档次“Z”');
    // A message without a code (or with an unknown one) shows its English.
    expect(coreText(zh, { message: 'plain' })).toBe('plain');
    expect(coreText(zh, { code: 'deal.nothing' as CoreCode, message: 'fallback' })).toBe('fallback');
  });
});

describe('engine messages in Chinese', () => {
  it('deal validation: every problem is coded and reads in Chinese', () => {
    const deal = Deal.parse(minimalDeal());
    deal.structure.tranches.push({ ...deal.structure.tranches[0]! });
    deal.structure.waterfall.push({ pay: 'fee', fee: 'nope' } as (typeof deal.structure.waterfall)[number]);
    deal.firstPaymentDate = '2020-01-15';
    const problems = validateDeal(deal);
    expect(problems.length).toBeGreaterThan(2);
    for (const p of problems) {
      expect(p.code, p.message).toBeDefined();
      expect(coreText(en, p)).toBe(p.message);
      expect(coreText(zh, p)).toMatch(CJK);
    }
    expect(problems.map((p) => coreText(zh, p))).toEqual(
      expect.arrayContaining(['证券档次编号“A”重复', '不存在费用“nope”']),
    );
  });

  it('run refusals: an unknown scenario and a pool smaller than the notes', () => {
    const deal = Deal.parse(minimalDeal());
    try {
      runDeal(
        deal,
        { kind: 'repLines', lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] },
        {
          scenario: 'nope',
        },
      );
      expect.unreachable();
    } catch (e) {
      const p = (e as DealError).problems[0]!;
      expect(coreText(zh, p)).toBe("不存在情景“nope”（交易的情景有：'base'）");
    }
    const [fit] = poolFitProblems(deal, 1);
    expect(coreText(zh, fit!)).toMatch(/^证券合计 .*，但资产池仅 1\.00（为资产池的 \d+ 倍）$/);
  });

  it('file errors: size, missing file, JSON syntax with its place, all in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abs-core-msg-'));
    const file = join(dir, 'd.json');
    writeFileSync(file, '[1, 2,]');
    const fail = async (p: string, max = 1e6): Promise<DealFileError> => {
      try {
        await readJsonFile(p, max, 'd.json');
      } catch (e) {
        return e as DealFileError;
      }
      throw new Error('expected a DealFileError');
    };
    const syntax = await fail(file);
    expect(syntax.message).toBe("d.json: line 1, column 7: invalid JSON: unexpected ']': expected a value");
    expect(syntax.text(en)).toBe(syntax.message);
    expect(syntax.text(zh)).toBe("d.json: 第 1 行第 7 列: JSON 格式错误：意外的 ']'：此处应为一个值");
    writeFileSync(file, '{"a": ');
    expect((await fail(file)).text(zh)).toBe(
      'd.json: 第 1 行第 7 列: JSON 格式错误：内容意外结束：此处应为一个值',
    );
    expect((await fail(join(dir, 'none.json'))).text(zh)).toBe('d.json: 文件不存在');
    expect((await fail(file, 2)).text(zh)).toBe('d.json: 文件大小 6 bytes，超过此类文件 2 bytes 的上限');
  });

  it('zod speaks Chinese once set, and the engine’s own schema checks keep their codes', () => {
    setZodLanguage('zh-CN');
    const bad = { ...minimalDeal(), paymentDay: 'x', cutoffDate: '2025-02-30' };
    let error: DealFileError | undefined;
    try {
      parseDeal(bad, 'deal.json');
    } catch (e) {
      error = e as DealFileError;
    }
    const lines = error!.text(zh).split('\n');
    expect(lines).toContain('deal.json: paymentDay: 期望 数字，实际接收 string');
    expect(lines).toContain('deal.json: cutoffDate: “2025-02-30”不是有效日期');

    const calendar = CalendarFile.safeParse({
      calendarVersion: 1,
      id: 'X',
      name: 'x',
      sources: ['s'],
      firstYear: 2025,
      publishedThrough: 2024,
      holidays: [{ date: '2025/01/01', name: 'n' }],
    });
    const issues = zodIssues(calendar.error!.issues);
    expect(issues.map((i) => `${i.path}: ${coreText(zh, i)}`)).toEqual(
      expect.arrayContaining([
        'holidays[0].date: 日期格式应为 YYYY-MM-DD',
        'publishedThrough: 早于 firstYear',
      ]),
    );

    const fundingCase = FundingCase.safeParse({ fundingSources: [] });
    expect(fundingCase.success).toBe(false);
    expect(zodIssues(fundingCase.error!.issues).every((i) => CJK.test(coreText(zh, i)))).toBe(true);
  });

  it('projection notes and calendar notes carry their codes on a run', () => {
    const deal = Deal.parse(minimalDeal());
    const r = runDeal(deal, {
      kind: 'repLines',
      lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [],
    });
    const notes = r.projectionNotes!;
    expect(notes.conventionMessages.map((m) => m.message)).toEqual(notes.conventions);
    expect(notes.warningMessages.map((m) => m.message)).toEqual(notes.warnings);
    expect(notes.conventionMessages.every((m) => CJK.test(coreText(zh, m)))).toBe(true);
    expect(r.calendarNoteMessages?.map((m) => m.message)).toEqual(r.calendarNotes);
  });
});
