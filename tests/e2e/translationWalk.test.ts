/**
 * Walks every screen and tab of the sample deal, run, in Chinese and in English, and fails on any text a user
 * sees that is not in the screen's language: a Latin word on a Chinese screen that is not a market acronym
 * (tests/support/latin.ts), Chinese on an English screen, or a key i18next could not resolve. User data —
 * deal, tranche, fee and scenario names, file names — is marked `translate="no"` and skipped, as are grid
 * cells (figures and names); grid headers, titles, placeholders and aria-labels are checked.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChinese, untranslatedWords } from '../support/latin';
import { openApp, type AppSession } from './support/session';

const SCREENS = [
  'pool',
  'history',
  'assumptions',
  'structure',
  'results',
  'export',
  'funding',
  'stress',
  'surveillance',
] as const;

/**
 * The History screen is walked with the sample history in the walk's language analysed (its tabs filled),
 * segmented by its grade column (the per-segment overrides card); a vintage table is walked after the rest.
 */
async function analyseHistory(page: Page, file: string, table = false): Promise<void> {
  await page.getByTestId('nav-history').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('history-open').click(),
  ]);
  await chooser.setFiles(file);
  await page.getByTestId('history-source').waitFor({ timeout: 60_000 });
  if (!table) {
    await page.getByTestId('history-segment').selectOption({ index: 1 });
    await page.getByTestId('history-rerun').click();
    await page.getByTestId('history-segments').waitFor({ timeout: 60_000 });
  } else await page.getByTestId('history-table-use').waitFor({ timeout: 60_000 });
}

/** A published vintage table (cumulative net loss, %) for the History screen's table state. */
function vintageTable(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'abs-walk-')), 'vintage-table.csv');
  writeFileSync(path, ['v,1,2,3', '2023-01,1%,2%,3%', '2023-02,1%,2%,', '2023-03,2%,,'].join('\n') + '\n');
  return path;
}

/** The History screen's column-mapping step, opened on the analysed sample, walked before the screens. */
async function walkMappingStep(page: Page, shot: (name: string) => Promise<void>): Promise<Seen[]> {
  await page.getByTestId('history-edit-mapping').click();
  await page.getByTestId('history-mapping').waitFor();
  const seen = (await collect(page)).map((s) => ({ ...s, where: `history/mapping ${s.where}` }));
  await shot('history-mapping');
  await page.getByTestId('history-mapping-cancel').click();
  return seen;
}

/**
 * The Surveillance screen is walked again filled: the level-pay sample deal opened and its servicer reports
 * (JSON and the Chinese item CSV) imported, so the history, charts, comparison, headroom and re-projection show.
 */
async function surveilSample(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  const open = page.locator('.toolbar button', { hasText: lang === 'zh-CN' ? '打开' : 'Open' });
  const [deal] = await Promise.all([page.waitForEvent('filechooser'), open.click()]);
  await deal.setFiles('samples/deals/level-pay-consumer.deal.json');
  await page.getByTestId('notice').getByText('level-pay-consumer.deal.json').waitFor();
  await page.getByTestId('nav-surveillance').click();
  const dir = 'samples/surveillance/level-pay-consumer';
  const [reports] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('surveillance-import').click(),
  ]);
  await reports.setFiles(readdirSync(dir).map((f) => `${dir}/${f}`));
  await page.getByTestId('surveillance-headroom').waitFor({ timeout: 60_000 });
  await page.getByTestId('surveillance-reproject').waitFor({ timeout: 60_000 });
}

/**
 * Runs in the page: every visible text node and user-facing attribute outside `translate="no"` and grid
 * cells, with a short path saying where it is. A string, because these tests compile without the DOM library.
 */
const COLLECT = `(() => {
  const out = [];
  const skip = (el) => !!el.closest('[translate="no"], .ag-cell, script, style, noscript, option') ;
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const where = (el) => { const t = el.closest('[data-testid]'); return (t ? t.getAttribute('data-testid') : el.tagName.toLowerCase()); };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement; const text = (n.textContent || '').trim();
    if (!el || !text || skip(el) || !visible(el)) continue;
    out.push({ where: where(el), text });
  }
  for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], option')) {
    if (el.closest('[translate="no"], .ag-cell')) continue;
    for (const a of ['title', 'placeholder', 'aria-label']) {
      const v = el.getAttribute(a); if (v && v.trim()) out.push({ where: where(el) + '@' + a, text: v.trim() });
    }
    if (el.tagName === 'OPTION' && el.textContent.trim()) out.push({ where: where(el) + '>option', text: el.textContent.trim() });
  }
  const data = [...document.querySelectorAll('[translate="no"]')].map((el) => (el.textContent || '').trim());
  return { texts: out, data };
})()`;

interface Seen {
  where: string;
  text: string;
}

/**
 * Names a user gave (ids, names, segments, scenario names) in every bundled sample deal: they appear inside
 * attributes and options, where no `translate="no"` can mark them, so they are taken out of a text before it is
 * checked. Only whole names between non-letters are taken out: 'A' the class id, never the letter in a word.
 */
const SAMPLE_NAMES: readonly string[] = (() => {
  const out = new Set<string>();
  const NAME_KEYS = new Set(['id', 'name', 'segment', 'fee', 'tranche', 'trigger', 'index', 'segments']);
  const visit = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (NAME_KEYS.has(key)) out.add(v);
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  for (const f of readdirSync('samples/deals').filter((n) => n.endsWith('.deal.json'))) {
    visit(JSON.parse(readFileSync(`samples/deals/${f}`, 'utf8')), '');
  }
  return [...out];
})();

let pageNames: string[] = [];

function withoutNames(text: string): string {
  const names = [...SAMPLE_NAMES, ...pageNames].filter((n) => n !== '').sort((a, b) => b.length - a.length);
  let t = text;
  for (const n of names) {
    const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    t = t.replace(new RegExp(`(?<![A-Za-z])${esc}(?![A-Za-z])`, 'g'), ' ');
  }
  return t;
}

async function collect(page: Page): Promise<Seen[]> {
  const { texts, data } = await page.evaluate<{ texts: Seen[]; data: string[] }>(COLLECT);
  pageNames = [...new Set([...pageNames, ...data])];
  return texts;
}

/** Every tab of the current screen, clicked in turn, then the texts of each. */
async function walkScreen(
  page: Page,
  screen: string,
  shot: (name: string) => Promise<void>,
): Promise<Seen[]> {
  await page.getByTestId(`nav-${screen}`).click();
  await page.getByTestId(`screen-${screen}`).waitFor();
  const seen = await collect(page);
  await shot(screen);
  const tabs = page.getByTestId(`screen-${screen}`).getByRole('tab');
  const n = await tabs.count();
  for (let i = 0; i < n; i++) {
    // A vintage table has no roll rates: its tab is shown disabled.
    if (await tabs.nth(i).isDisabled()) continue;
    await tabs.nth(i).click();
    await page.waitForTimeout(150);
    seen.push(...(await collect(page)).map((s) => ({ ...s, where: `${screen}/tab${i} ${s.where}` })));
    await shot(`${screen}-tab${i}`);
  }
  return seen.map((s) => (s.where.startsWith(screen) ? s : { ...s, where: `${screen} ${s.where}` }));
}

function wrongLanguage(lang: 'en' | 'zh-CN', seen: readonly Seen[]): string[] {
  const bad = seen.filter((s) =>
    lang === 'zh-CN' ? untranslatedWords(withoutNames(s.text)).length > 0 : hasChinese(withoutNames(s.text)),
  );
  // The top bar and navigation repeat on every screen: each text is listed once, where it was first seen.
  const first = new Map<string, string>();
  for (const s of bad) if (!first.has(s.text)) first.set(s.text, s.where);
  return [...first].map(([text, where]) => `${where}: ${text.slice(0, 80)}`);
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`every screen in ${lang}`, () => {
    let session: AppSession;
    beforeAll(async () => {
      session = await openApp({ locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' });
      await session.app.run();
    });
    afterAll(() => session?.close());

    it('shows no text in the other language and no unresolved key', async () => {
      const { page, app } = session;
      const seen: Seen[] = [];
      await analyseHistory(
        page,
        lang === 'zh-CN' ? 'samples/history/consumer-history-zh.csv' : 'samples/history/consumer-history.csv',
      );
      seen.push(...(await walkMappingStep(page, (name) => app.screenshot(`walk-${lang}-${name}`))));
      for (const screen of SCREENS) {
        seen.push(...(await walkScreen(page, screen, (name) => app.screenshot(`walk-${lang}-${name}`))));
      }
      await analyseHistory(page, vintageTable(), true);
      seen.push(
        ...(await walkScreen(page, 'history', (name) => app.screenshot(`walk-${lang}-table-${name}`))),
      );
      await surveilSample(page, lang);
      seen.push(
        ...(await walkScreen(page, 'surveillance', (name) => app.screenshot(`walk-${lang}-${name}-filled`))),
      );
      expect(wrongLanguage(lang, seen)).toEqual([]);
      const missing = await page.evaluate<string[]>('globalThis.__i18nMissing ?? []');
      expect([...new Set(missing)]).toEqual([]);
      expect(app.errors).toEqual([]);
    }, 240_000);
  });
}
