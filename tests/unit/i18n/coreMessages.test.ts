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
import { Deal, RepLine } from '../../../core/deal/schema';
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
import { hasChinese, untranslatedWords } from '../../support/latin';
import { unknownOverrideSegments } from '../../../core/assumptions/overrides';
import { CodedRangeError, problemOf } from '../../../core/i18n/codedError';
import { axisValues, checkAxesCombine } from '../../../core/scenario/axis';
import { eligibilityFailureMessages } from '../../../core/structure/revolving';
import { detectEncoding } from '../../../core/io/tape/encoding';
import { MAPPING_PRESETS } from '../../../core/io/tape/mapping';
import { POOL_FIELDS } from '../../../core/io/tape/fields';
import { formatReport, reportTexts, type ImportReport } from '../../../core/io/tape/report';
import { importTapeText } from '../../../core/io/tape/tapeStream';

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
        // A separator that joins two parts of a sentence is punctuation only (full-width in Chinese).
        // and a market acronym (CDR) is written as it is.
        if (lang === 'zh-CN')
          expect(
            hasChinese(out) || untranslatedWords(out.replace(/«\w+»/g, '')).length === 0,
            `${key}: ${out}`,
          ).toBe(true);
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

describe('the tape import report in Chinese', () => {
  // User data (a column's header, in quotes) and the names a mapping file uses (fields, keys, date patterns, codes)
  // are parameters, written as they are in every language; any other Latin word is untranslated.
  const zhText = (s: string): string[] =>
    untranslatedWords(
      s
        .replace(/“[^”]*”/g, '')
        .replace(/[A-Za-z][\w.-]*/g, (w) =>
          (POOL_FIELDS as readonly string[]).includes(w) || /[.-]|[a-z][A-Z]|^[A-Z]+$/.test(w) ? '' : w,
        ),
    );

  it('rules, warnings and errors are coded, read as before in English and in Chinese with their params', () => {
    // A mixed-scale rate column, an ambiguous slash date and a repeated header: a rule, a warning and an error each.
    const { report } = importTapeText(
      [
        'id,balance,rate,originalTerm,remainingTerm,originationDate,balance',
        'L1,100,10.5,12,6,03/04/2024,1',
        'L2,200,0.105,12,6,05/06/2024,1',
        'L3,300,12.5,12,6,07/08/2024,1',
      ].join('\n'),
      'mixed.csv',
    );
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.ruleMessages!.map((m) => m.message)).toEqual(report.rules);
    expect(report.warningMessages!.map((m) => m.message)).toEqual(report.warnings);
    expect(report.errorMessages!.map((m) => m.message)).toEqual(report.errors);
    // English exactly as the importer wrote it before the codes.
    expect(report.warnings).toContain("header 'balance' appears more than once; the first is used");
    expect(report.errors).toContain(
      `column 'originationDate' (originationDate): 3 slash dates could be DD/MM/YYYY or MM/DD/YYYY (no day above 12); state the format in the mapping (dateFormats.originationDate: "DMY" or "MDY")`,
    );
    expect(report.rules).toContain(
      "rate ('rate'): 2 bare values read as percent (divided by 100): the column's bare values are above 1",
    );
    const english = reportTexts(report, en);
    expect(english).toMatchObject({ rules: report.rules, warnings: report.warnings, errors: report.errors });

    const chinese = reportTexts(report, zh, 'zh-CN');
    for (const s of [...chinese.rules, ...chinese.warnings, ...chinese.errors]) {
      expect(s, s).toMatch(CJK);
      expect(zhText(s), s).toEqual([]);
    }
    expect(chinese.warnings).toContain('表头“balance”出现多次，取第一列');
    expect(chinese.errors.join('\n')).toContain(
      '列“originationDate”（放款日期）：3 个斜杠日期既可读作 DD/MM/YYYY 也可读作 MM/DD/YYYY',
    );
    expect(chinese.rules).toContain(
      '年化利率（“rate”）：2 个无单位的值按百分数读取（除以 100）：该列无单位的值大于 1',
    );
  });

  it('a list inside a rule joins in each language: daily-rate bases, date formats', () => {
    const { report } = importTapeText(
      [
        '借据号,贷款余额,日利率（‰）,日利率计算基础,期数,剩余期数,放款日期',
        'A1,100,0.5,360,12,6,2024-03-01',
        'A2,100,0.5,365,12,6,20240301',
        'A3,100,0.5,,12,6,2024年3月1日',
      ].join('\n'),
      'cn.csv',
    );
    const daily = report.rules.find((r) => r.includes('daily rate'))!;
    expect(daily).toBe(
      "rate ('日利率（‰）'): a daily rate, made annual: 1 × 360 (the tape's daily-rate basis), 1 × 365 (the tape's daily-rate basis), 1 × 360 (basis empty; the mapping's dailyRateBasis, 360 unless stated)",
    );
    expect(reportTexts(report, zh, 'zh-CN').rules).toContain(
      '年化利率（“日利率（‰）”）：日利率，折为年利率：1 笔 × 360（资产清单的日利率计算基础），1 笔 × 365（资产清单的日利率计算基础），1 笔 × 360（计算基础为空；取映射的 dailyRateBasis，未指定时为 360）',
    );
  });

  it('the encoding note and a built-in mapping’s notes read in Chinese; a user’s note stays as written', () => {
    const gbk = detectEncoding(new Uint8Array([0xd5, 0xfd, 0xb3, 0xa3, 0x2c, 0xff]));
    expect(gbk.note).toBe('no BOM; invalid UTF-8 at byte 0, read as GB18030 (GBK superset)');
    expect(coreText(zh, gbk.noteMessage)).toBe(
      '无字节顺序标记；第 0 字节不是有效的 UTF-8，按 GB18030（GBK 的超集）读取',
    );
    const bom = detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    expect(bom.note).toBe('UTF-8 byte-order mark');
    expect(coreText(zh, bom.noteMessage)).toBe('UTF-8 字节顺序标记');

    for (const preset of Object.values(MAPPING_PRESETS))
      for (const note of preset.notes) {
        const out = reportTexts({ ...emptyReport, mapping: { ...emptyReport.mapping, notes: [note] } }, zh)
          .notes[0]!;
        expect(out, note).toMatch(CJK);
        expect(out, note).not.toBe(note);
      }
    expect(MAPPING_PRESETS['cn-platform']!.notes[0]).toBe(
      'Field names after the public Chinese ABS data standard (lwwwl/asset-data-standard) and common platform exports.',
    );
    const mine = { ...emptyReport, mapping: { ...emptyReport.mapping, notes: ['our own layout'] } };
    expect(reportTexts(mine, zh).notes).toEqual(['our own layout']);
  });

  it('the CLI report prints them in Chinese', () => {
    const { report } = importTapeText(
      'id,balance,rate,originalTerm,remainingTerm\nL1,100,0.1,12,6\n',
      'x.csv',
    );
    const out = formatReport(report, 20, zh, 'zh-CN');
    expect(out).toContain('分层未映射：全部贷款归入细分“all”');
    const withStatus = importTapeText(
      'id,balance,rate,originalTerm,remainingTerm,status\nL1,100,0.1,12,6,current\n',
      'x.csv',
    ).report;
    expect(formatReport(withStatus, 20, zh, 'zh-CN')).toContain(
      '剔除出资产池的贷款状态：违约、核销、结清、回购',
    );
    expect(out).not.toContain('not mapped');
    expect(formatReport(report, 20, en)).toContain("segment not mapped: every loan is in segment 'all'");
  });
});

const emptyReport: ImportReport = {
  source: { name: 'x.csv', format: 'csv' },
  mapping: { name: 'm', columns: {}, suggested: false, notes: [] },
  cutoffDate: null,
  rowsRead: 0,
  accepted: 0,
  rejected: 0,
  blankLines: 0,
  byReason: {},
  rejects: [],
  rejectsNotListed: 0,
  noData: [],
  unknownValues: [],
  rules: [],
  warnings: [],
  errors: [],
};

describe('grid axes, revolving eligibility and an empty segment list in Chinese', () => {
  const thrown = (f: () => unknown): CodedRangeError => {
    try {
      f();
    } catch (e) {
      return e as CodedRangeError;
    }
    throw new Error('expected an error');
  };

  it('axis range errors keep their English and read in Chinese with their values', () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => axisValues({ kind: 'cdr', from: 0.05, to: 0.01, step: 0.01 }),
        "cdr axis: 'to' (0.01) is below 'from' (0.05)",
        'cdr 维度：终点（0.01）小于起点（0.05）',
      ],
      [
        () => axisValues({ kind: 'cdr', from: 0, to: 0.2, step: 0 }),
        'cdr axis: step must be above 0',
        'cdr 维度：步长须大于 0',
      ],
      [
        () => axisValues({ kind: 'cdr', from: 0, to: 1, step: 0.001 }),
        'cdr axis has 1001 points; at most 201',
        'cdr 维度有 1001 个取值，最多 201 个',
      ],
      [
        () => axisValues({ kind: 'lossMultiple', from: 0, to: 200, step: 20 }),
        'lossMultiple value 120: must be between 0 and 100',
        'lossMultiple 取值 120：须在 0 至 100 之间',
      ],
      [
        () => checkAxesCombine('absSpeed', 'cpr'),
        'the ABS speed and CPR axes both set the prepayment model; choose two different assumptions',
        'ABS 早偿速度与CPR两个维度都设定早偿模型；请选择两个不同的假设',
      ],
      [
        () => checkAxesCombine('lossMultiple', 'lossMultiple'),
        'the Loss multiple and Loss multiple axes both set the Loss multiple; choose two different assumptions',
        '损失倍数与损失倍数两个维度都设定损失倍数这一假设；请选择两个不同的假设',
      ],
    ];
    for (const [f, english, chinese] of cases) {
      const e = thrown(f);
      // Still a RangeError with the English the CLI printed before; the code rides along.
      expect(e).toBeInstanceOf(RangeError);
      expect(e.message).toBe(english);
      expect(coreText(zh, problemOf(e)!)).toBe(chinese);
    }
    expect(problemOf(new RangeError('plain'))).toBeUndefined();
    // Across a worker boundary the error is a plain object that still carries its problem.
    expect(problemOf({ message: 'x', problem: { code: 'scenario.axisStep', message: 'y' } })?.code).toBe(
      'scenario.axisStep',
    );
  });

  it('revolving exclusion reasons are coded, English unchanged', () => {
    const line = {
      ...RepLine.parse({
        id: 'L',
        product: 'level-pay',
        balance: 1,
        rate: 0.1,
        originalTerm: 48,
        remainingTerm: 1,
      }),
      remainingTerm: 48,
      rate: 0.3,
      product: 'bullet' as const,
      segment: 'B',
    };
    const m = eligibilityFailureMessages(line, {
      maxRemainingTerm: 24,
      maxRate: 0.24,
      products: ['level-pay'],
      segments: ['A'],
    });
    expect(m.map((x) => x.message)).toEqual([
      'remaining term 48 above 24',
      'rate 0.3 above 0.24',
      'product bullet not eligible',
      'segment B not eligible',
    ]);
    expect(m.map((x) => coreText(zh, x))).toEqual([
      '剩余期限 48 超过 24',
      '利率 0.3 高于 0.24',
      '产品 bullet 不符合合格标准',
      '细分 B 不符合合格标准',
    ]);
  });

  it('a pool without segments is "none" in English and 无 in Chinese', () => {
    const [p] = unknownOverrideSegments([{ name: 'base', overrides: [{ segment: 'X' }] }] as never, []);
    expect(p!.message).toBe(
      "scenario 'base' overrides segment 'X', which the pool does not have (its segments: none)",
    );
    expect(coreText(zh, p!)).toBe('情景“base”覆盖了资产池中不存在的细分“X”（资产池的细分为：无）');
  });
});
