/**
 * `npx tsx samples/tapes/cnPlatformTape.ts --rows 300 --seed 13 --out samples/tapes/sample-tape-cn-platform-gbk.csv`
 *
 * A Chinese consumer-finance platform's loan tape as its own system exports it: GBK bytes, Chinese headers,
 * product types (商品分期, 现金贷 …) beside the repayment method (还款方式), the five-category classification,
 * balances in 万元, a daily rate in per mille with its daily-rate basis (日利率计算基础, 360 or 365, sometimes
 * empty), dates written four ways, and two codes the importer does not know (还款方式 等本等息, 贷款状态 展期)
 * that the import wizard asks about.
 *
 * Where it comes from: the loans are samples/generator's seeded tape (its header comment gives the sources of
 * the rates, fees and delinquency); the layout follows the field names of a public Chinese ABS data standard
 * (github.com/lwwwl/asset-data-standard: 贷款合同编号, 还款方式, 日利率计算基础, 数据提取日 …), the repayment methods
 * and products of ../shared/DOMAIN.md "China consumer-loan ABS", and the five categories' day-past-due bands
 * of the credit-card supervision rules (关注 1–90 days). Codes and the share of each are illustrative.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { isoToDay, civilFromDays } from '../../core/io/tape/dates';
import { csvLine, generateTape, prng } from '../generator/tapeGenerator';

export const CN_PLATFORM_HEADER = [
  '借据号',
  '产品类型',
  '还款方式',
  '风险等级',
  '省份',
  '合同金额（元）',
  '贷款余额（万元）',
  '日利率（‰）',
  '日利率计算基础',
  '月手续费率',
  '期数',
  '剩余期数',
  '放款日期',
  '到期日',
  '数据提取日',
  '逾期天数',
  '贷款状态',
  '五级分类',
];

const PRODUCT_TYPES = ['商品分期', '消费分期', '账单分期', '分期', '现金贷'];

/** Whole yuan and cents as 万元 with every digit kept: 1640.67 → "0.164067". */
function wan(yuan: string): string {
  const cents = Math.round(Number(yuan) * 100);
  return (cents / 1e6).toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function dateAs(iso: string, style: number): string {
  const { y, m, d } = civilFromDays(isoToDay(iso));
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  if (style === 0) return `${y}年${m}月${d}日`;
  if (style === 1) return `${y}${mm}${dd}`;
  if (style === 2) return `${y}.${m}.${d}`;
  return `${y}/${m}/${d}`;
}

/** The tape's rows (header first), as strings. */
export function cnPlatformRows(rows: number, seed: number): string[][] {
  const rnd = prng(seed + 1000);
  const out: string[][] = [CN_PLATFORM_HEADER];
  generateTape({ rows, seed }, (c) => {
    if (c[0] === 'loan_id') return;
    const i = out.length - 1;
    const [id, product, grade, region, amount, balance, rate, fee, term, remaining, orig, mat, cutoff, dpd] =
      c as [string, string, string, string, string, string, string, string, string, string, string, string, string, string];
    let type = PRODUCT_TYPES[Math.floor(rnd() * PRODUCT_TYPES.length)]!;
    let method = '等额本息';
    let bal = balance;
    if (product === 'interest-free-fee') {
      type = '免息分期';
      method = '等额本金';
    } else if (type === '现金贷' && Number(term) >= 6 && rnd() < 0.3) {
      // A cash loan paying interest monthly and its principal at maturity still owes all of it.
      method = '先息后本';
      bal = amount;
    }
    const basis = rnd() < 0.2 ? '365' : rnd() < 0.15 ? '' : '360';
    const days = basis === '365' ? 365 : 360;
    // The platform quotes the daily rate (per mille, four places); the annual rate is what it implies.
    const daily = ((Number(rate) * 1000) / days).toFixed(4);
    const late = Number(dpd) > 0;
    const cells = [
      id,
      type,
      method,
      grade,
      region,
      // Some exports write a round 万 figure where the amount allows it, in the same column as 元.
      rnd() < 0.12
        ? `${Number(amount) / 10000}万`
        : Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 }),
      wan(bal),
      daily,
      basis,
      `${(Number(fee) * 100).toFixed(2)}%`,
      `${term}期`,
      remaining,
      dateAs(orig, i % 4),
      dateAs(mat, 3),
      cutoff,
      dpd,
      late ? '逾期' : '正常',
      late ? '关注' : '正常',
    ];
    // Rows that are not a performing receivable, and codes the importer does not know (the wizard asks).
    if (i % 97 === 40) [cells[16], cells[17]] = ['核销', '损失'];
    else if (i % 131 === 70) cells[16] = '提前还清';
    else if (i % 53 === 20 && method === '等额本息') cells[2] = '等本等息';
    else if (i % 101 === 55) cells[16] = '展期';
    else if (i === 150) cells[12] = '2025年2月30日';
    out.push(cells);
  });
  return out;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function main(args: string[]): void {
  const out = arg(args, '--out');
  if (!out) throw new Error('usage: cnPlatformTape.ts --rows N --seed S --out FILE.csv');
  const rows = cnPlatformRows(Number(arg(args, '--rows') ?? 300), Number(arg(args, '--seed') ?? 13));
  writeFileSync(out, iconv.encode(rows.map(csvLine).join('\r\n') + '\r\n', 'gbk'));
  process.stdout.write(`wrote ${rows.length - 1} rows to ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
