/**
 * The Structure screen's refusals, undo labels and shell messages in both languages: each pure edit module says
 * why it refuses an edit in the `t` it is handed (English by default), and an undo label stored as a key reads in
 * the language it is shown in, not the one it was made in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { fixedT } from '../../../renderer/i18n/fixedT';
import { closingDateProblem, holidaysProblem } from '../../../renderer/project/calendarEdit';
import { dealProblems, resizeSummary, scaleTranchesToPool } from '../../../renderer/project/dealEdit';
import { feeValueProblem } from '../../../renderer/project/feeEdit';
import { commit, labelText, startHistory, undoLabel } from '../../../renderer/project/history';
import { pendingEditsText } from '../../../renderer/project/pendingEdits';
import { reimportText } from '../../../renderer/project/autosave';
import { limitProblem, termProblem } from '../../../renderer/project/revolvingEdit';
import { scheduleProblem, stepStartProblem, triggerIdProblem } from '../../../renderer/project/triggerEdit';
import { sourcesProblem, tranchesProblem } from '../../../renderer/project/waterfallEdit';
import { editLabel } from '../../../renderer/screens/structure/editLabel';

const en = fixedT('en');
const zh = fixedT('zh-CN');
const load = (name: string): Deal =>
  Deal.parse(JSON.parse(readFileSync(`samples/deals/${name}.deal.json`, 'utf8')));
const deal = load('level-pay-consumer');
const revolving = load('revolving-installment');

/** Chinese text: at least one CJK character and no English sentence left in it. */
const chinese = (s: string | null): void => {
  expect(s).not.toBeNull();
  expect(s).toMatch(/[\u4e00-\u9fff]/);
  expect(s).not.toMatch(/\b(the|a|an|is|must|from|at|least)\b/i);
};

describe('edit refusals in the language handed in', () => {
  it('a waterfall step without a source, and a class paid interest twice', () => {
    expect(sourcesProblem(deal, [])).toBe('A step needs at least one source');
    expect(sourcesProblem(deal, [], zh)).toBe('每一步至少需要一个资金来源');
    const i = deal.structure.waterfall.findIndex((w) => w.pay === 'interest');
    const paid = deal.structure.waterfall[i];
    const other = deal.structure.waterfall.findIndex((w, k) => k !== i && w.pay === 'interest');
    const id = paid?.pay === 'interest' ? paid.tranches[0]! : '';
    expect(tranchesProblem(deal, other, [id], false, en)).toBe(
      `${id} already earns interest in step ${i + 1}`,
    );
    expect(tranchesProblem(deal, other, [id], false, zh)).toBe(`${id} 已在第 ${i + 1} 步计息`);
  });

  it('a fee, a trigger schedule and a trigger id', () => {
    const fee = deal.structure.fees[0]!;
    chinese(feeValueProblem(fee, -1, zh));
    expect(feeValueProblem(fee, -1)).toMatch(/cannot be negative|From 0% to 100%/);
    const sched = [
      { fromPeriod: 1, threshold: 0.02 },
      { fromPeriod: 12, threshold: 0.04 },
    ];
    expect(stepStartProblem(sched, 1, 1)).toBe('After period 1');
    expect(stepStartProblem(sched, 1, 1, zh)).toBe('须晚于第 1 期');
    expect(scheduleProblem('cumulativeNetLoss', [{ fromPeriod: 1, threshold: 2 }], zh)).toBe(
      '第 1 阶：阈值须在 0% 至 100% 之间',
    );
    const taken = deal.structure.triggers[1]?.id ?? deal.structure.triggers[0]!.id;
    const own = deal.structure.triggers[0]!.id;
    if (taken !== own) expect(triggerIdProblem(deal, own, taken, zh)).toBe(`已有名为 ${taken} 的触发条件`);
    chinese(triggerIdProblem(deal, own, '', zh));
  });

  it('the calendar: a date that is not one, an unknown holiday calendar, and the engine rule a date breaks', () => {
    expect(closingDateProblem(deal, '2026-02-30')).toBe('2026-02-30 is not a calendar date');
    expect(closingDateProblem(deal, '2026-02-30', zh)).toBe('2026-02-30 不是有效日期');
    chinese(closingDateProblem(deal, '30/2/2026', zh));
    expect(holidaysProblem(deal, 'XX', zh)).toBe('没有节假日日历 XX');
  });

  it('the revolving period: a term and a concentration limit', () => {
    const r = revolving.structure.revolving!;
    const line = r.profile[0]!;
    chinese(termProblem(line, 'originalTerm', 0.5, zh));
    expect(termProblem(line, 'remainingTerm', line.originalTerm + 1, zh)).toBe(
      `超过合同期限（${line.originalTerm}）`,
    );
    chinese(limitProblem(r, 0, { key: 'segment', value: 'x', maxShare: 2 }, zh));
  });

  it('the deal problems and the resize note', () => {
    const broken: Deal = {
      ...deal,
      structure: { ...deal.structure, tranches: [...deal.structure.tranches, deal.structure.tranches[0]!] },
    };
    const id = deal.structure.tranches[0]!.id;
    expect(dealProblems(broken, null)).toContain(`Two tranches are called ${id}`);
    expect(dealProblems(broken, null, zh)).toContain(`有两个档次都名为 ${id}`);
    const resized = scaleTranchesToPool(deal, 1_000_000);
    expect(resizeSummary(deal, resized)).toMatch(/^Tranches resized to the pool, keeping their shares\./);
    expect(resizeSummary(deal, resized, zh)).toMatch(/^已按资产池调整各档规模，各档占比不变。/);
  });
});

describe('undo labels and the shell', () => {
  it('a label stored as a key reads in the language it is shown in', () => {
    let h = startHistory(0);
    h = commit(h, 1, editLabel('balance', { id: 'A' }));
    h = commit(h, 2, editLabel('effectOn', { id: 'cnl', effect: 'trapCash' }));
    expect(labelText(en, undoLabel(h)!)).toBe('cnl adds Trap cash');
    expect(labelText(zh, undoLabel(h)!)).toBe('cnl 增加“现金截留”');
    expect(labelText(zh, editLabel('balance', { id: 'A' }))).toBe('A 本金余额');
    expect(labelText(zh, editLabel('frequency', { phase: 'amortising' }))).toBe('摊还期兑付频率');
    // A label another screen stored as text is shown as it is.
    expect(labelText(zh, 'vector edit')).toBe('vector edit');
  });

  it('run refusals for refused fields, and the recovery note', () => {
    const one = [{ field: 'Class A balance', message: 'A balance cannot be negative' }];
    expect(pendingEditsText(one)).toMatch(/^Not run: this edit was not applied: Class A balance \(/);
    expect(pendingEditsText(one, zh)).toMatch(/^未运行：以下修改未被采纳：Class A balance（/);
    expect(pendingEditsText([...one, ...one], zh)).toMatch(/^未运行：2 处修改未被采纳/);
    expect(reimportText({ sourceFile: 'tape.csv', loans: 30_000, importedAt: '' }, zh)).toBe(
      '从 tape.csv 导入的 30,000 笔贷款的资产池未自动保存：请在资产池页面重新导入 tape.csv。',
    );
  });
});
