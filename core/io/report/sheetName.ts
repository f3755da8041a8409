/**
 * Excel sheet names: at most 31 UTF-16 units, none of `[ ] : * ? / \`, not blank, not starting or ending with an
 * apostrophe, not "History" (Excel reserves it for change tracking), unique ignoring case. Names come from users
 * (tranche ids, scenario names, tables other modules pass in), so anything must map to a name Excel opens.
 */
import { translator, type TFunction } from '../../i18n';

const MAX_LENGTH = 31;
const FORBIDDEN = new Set(['[', ']', ':', '*', '?', '/', '\\']);
const RESERVED = 'history';

/** Excel compares names case-insensitively; folding through upper case also equates ß with SS, which errs on the safe side. */
function fold(name: string): string {
  return name.toUpperCase().toLowerCase();
}

/** Drops what XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF) and replaces the forbidden characters. */
function clean(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < name.length ? name.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += name[i] + name[i + 1];
        i++;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfffe || code === 0xffff) continue;
    const ch = name[i] as string;
    out += FORBIDDEN.has(ch) ? '_' : ch;
  }
  return out;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(name: string, max: number): string {
  if (name.length <= max) return name;
  const last = name.charCodeAt(max - 1);
  return name.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Trims spaces and apostrophes at both ends: Excel rejects a name that starts or ends with `'`. */
function trimEnds(name: string): string {
  return name.replace(/^[\s']+/u, '').replace(/[\s']+$/u, '');
}

/**
 * A valid sheet name for `name`, unique against `taken` (ignoring case), which it is added to.
 * A clash gets a numbered suffix: "Tranche A (2)".
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base = trimEnds(cut(trimEnds(clean(name)), MAX_LENGTH)) || 'Sheet';
  const used = new Set<string>([RESERVED]);
  for (const t of taken) used.add(fold(t));
  let candidate = base;
  for (let n = 2; used.has(fold(candidate)); n++) {
    const suffix = ` (${n})`;
    candidate = trimEnds(cut(base, MAX_LENGTH - suffix.length)) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/** The tranche report's own sheet names in one language, before they are made Excel-safe. */
export interface ReportSheetNames {
  contents: string;
  summary: string;
  investor: string;
  assumptions: string;
  pool: string;
  /** One per tranche, in the run's order. */
  tranches: string[];
  waterfall: string;
  revolving: string;
}

export function reportSheetNames(
  result: { tranches: readonly { id: string }[] },
  t: TFunction,
): ReportSheetNames {
  return {
    contents: t('report:styled.sheets.contents'),
    summary: t('report:sheets.summary'),
    investor: t('report:styled.sheets.investor'),
    assumptions: t('report:sheets.assumptions'),
    pool: t('report:sheets.pool'),
    tranches: result.tranches.map((x) => t('report:sheets.tranche', { id: x.id })),
    waterfall: t('report:sheets.waterfall'),
    revolving: t('report:sheets.revolving'),
  };
}

/**
 * The tranche report's own sheets, in the order `buildTrancheReport` writes them (extra tables follow), so a
 * screen can list them without loading the spreadsheet library. A test reads a written report back against it.
 * `t` gives the report's language (English by default).
 */
export function trancheReportSheetNames(
  result: {
    tranches: readonly { id: string }[];
    revolving?: unknown;
  },
  t: TFunction = translator('en'),
): string[] {
  const n = reportSheetNames(result, t);
  return [
    n.contents,
    n.summary,
    n.investor,
    n.assumptions,
    n.pool,
    ...n.tranches,
    n.waterfall,
    ...(result.revolving ? [n.revolving] : []),
  ];
}
