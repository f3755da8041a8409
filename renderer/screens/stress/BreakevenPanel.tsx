/**
 * The break-even tab: for every class, the largest CDR and the largest multiple of the base case's loss at which
 * it still receives all interest and principal, with what the realised pool loss is there, and a note wherever
 * the answer is not a plain number. Solved in the engine worker; also handed to the Results summary (and so the
 * report) when the last run is of the same deal.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { BreakevenAnswer, BreakevenMode, BreakevenResult } from '../../../core/scenario/breakeven';
import { useApp } from '../../AppContext';
import { DataGrid } from '../../components/DataGrid';
import { engine } from '../../engine/engineWorker';
import { integer, pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { userDataCell } from './userData';
import { breakevenFigure, breakevenNote, breakevenValue } from './breakevenText';
import { base, type Held } from './shared';
import { Stale } from './Stale';

const MODES: readonly BreakevenMode[] = ['cdr', 'lossMultiple'];

const answer = (r: BreakevenResult, mode: BreakevenMode): BreakevenAnswer | undefined =>
  r.answers.find((a) => a.mode === mode);

export function BreakevenPanel({
  held,
  onResult,
}: {
  held: Held<BreakevenResult[]> | null;
  onResult: (h: Held<BreakevenResult[]>) => void;
}) {
  const { state, job, dispatch } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  async function run(): Promise<void> {
    const value = await job(t('breakeven.job'), (p) =>
      engine().request({ kind: 'breakeven', ...base(doc) }, p),
    );
    if (!value) return;
    onResult({ doc, value });
    // The same answers the Results summary solves for; it takes them only for the run of this very document.
    dispatch({ type: 'breakevens', doc, breakevens: value });
  }
  const r = held?.value ?? null;
  const notes = r
    ? r.flatMap((b) =>
        MODES.flatMap((mode) => {
          const a = answer(b, mode);
          const note = a ? breakevenNote(t, b.trancheId, a) : null;
          return note ? [{ key: `${b.trancheId}-${mode}`, note }] : [];
        }),
      )
    : [];
  const runs = r ? Math.max(0, ...r.map((b) => b.runs)) : 0;
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('breakeven.title')}</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-breakeven">
            {t('breakeven.run')}
          </button>
        </div>
        <p className="muted small">{t('breakeven.hint')}</p>
      </section>
      <Stale held={held} />
      {r && r.length > 0 ? (
        <section className="card">
          <div className="card-head">
            <h2>{t('breakeven.results')}</h2>
            <span className="muted small">
              <Trans
                t={t}
                i18nKey={'breakeven.scenario'}
                values={{ scenario: r[0]!.scenarioName, runs: integer(runs) }}
                components={[<span key="scenario" translate="no" />]}
              />
            </span>
          </div>
          <BreakevenGrid results={r} />
          {notes.map((n) => (
            <p key={n.key} className="muted small" data-testid={`breakeven-note-${n.key}`}>
              {n.note}
            </p>
          ))}
        </section>
      ) : (
        <div className="empty">
          <p>{t('breakeven.empty')}</p>
        </div>
      )}
    </>
  );
}

function BreakevenGrid({ results }: { results: BreakevenResult[] }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const cols = useMemo<ColDef<BreakevenResult>[]>(() => {
    const figure = (
      colId: string,
      headerName: string,
      mode: BreakevenMode,
      text: (a: BreakevenAnswer) => string,
    ): ColDef<BreakevenResult> => ({
      colId,
      headerName,
      type: 'rightAligned',
      // The shown text is the value, so the CSV carries what the screen says.
      valueGetter: (p) => {
        const a = p.data ? answer(p.data, mode) : undefined;
        return a ? text(a) : '–';
      },
      flex: 1,
      minWidth: 110,
      wrapHeaderText: true,
      autoHeaderHeight: true,
    });
    const at = (v: number | null): string => pct(v);
    return [
      {
        field: 'trancheId',
        cellRenderer: userDataCell,
        headerName: t('breakeven.col.class'),
        pinned: 'left',
        width: 84,
        cellClass: 'strong',
      },
      figure('cdr', t('breakeven.col.cdr'), 'cdr', (a) => breakevenValue(t, a)),
      figure('cdrLoss', t('breakeven.col.cdrLoss'), 'cdr', (a) => at(a.poolLossAtBreakeven)),
      figure('cdrFirstLoss', t('breakeven.col.cdrFirstLoss'), 'cdr', (a) =>
        a.firstPrincipalLoss === null ? '–' : breakevenFigure('cdr', a.firstPrincipalLoss),
      ),
      figure('multiple', t('breakeven.col.multiple'), 'lossMultiple', (a) => breakevenValue(t, a)),
      figure('multipleLoss', t('breakeven.col.multipleLoss'), 'lossMultiple', (a) =>
        at(a.poolLossAtBreakeven),
      ),
      figure('multipleFirstLoss', t('breakeven.col.multipleFirstLoss'), 'lossMultiple', (a) =>
        a.firstPrincipalLoss === null ? '–' : breakevenFigure('lossMultiple', a.firstPrincipalLoss),
      ),
    ];
    // lang: the headers and words come through t, whose identity need not change with the language.
  }, [t, lang]);
  return (
    <DataGrid<BreakevenResult>
      rowData={results}
      columnDefs={cols}
      getRowId={(p) => p.data.trancheId}
      autoHeight
      suppressColumnVirtualisation
      testId="breakeven-table"
      csvName="break-evens"
    />
  );
}
