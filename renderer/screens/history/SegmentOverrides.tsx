/**
 * A history read segmented by a field (grade, product, channel, term): each value's own fit — the figures its
 * override will carry — in a grid with CSV, and the table mapping history values to the deal pool's segments,
 * with what each pool segment gets and the values left out, as `abs-workbench vintage --segment … --into`
 * lists them. The map is kept with the project and read by "Use as scenario" (HistoryScreen.tsx).
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  historySegmentValues,
  segmentFigures,
  type HistoryAnalysis,
  type SegmentFigures,
} from '../../../core/history/analyse';
import { useApp } from '../../AppContext';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { amountUnit, integer, pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { poolSegments } from '../../project/assumptionEdit';
import { useKept } from '../useKept';
import { KEPT, scenarioStress } from './historyForm';
import { KEPT_SEGMENT_MAP, segmentedScenario, segmentTargets } from './segmentMap';

interface FigureRow extends SegmentFigures {
  label: string;
  methodText: string;
}

/** The deal pool's segment names as a run will meet them (the loaded tape's, else the rep lines'). */
export function useDealPoolSegments(): string[] {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const loans = state.history.present.pool?.loans ?? null;
  return useMemo(() => poolSegments(deal, loans), [deal, loans]);
}

export function SegmentOverrides({ h, field, file }: { h: HistoryAnalysis; field: string; file: string }) {
  const { t } = useTranslation('history');
  const { state } = useApp();
  const { lang, scale } = useDisplay();
  const [choice, setChoice] = useKept(KEPT_SEGMENT_MAP);
  const [form] = useKept(KEPT.scenario);
  const pool = useDealPoolSegments();
  const values = useMemo(() => historySegmentValues(h), [h]);
  const targets = segmentTargets(values, pool, choice);
  const currency = state.history.present.deal.currency;

  const rows = useMemo<FigureRow[]>(
    () =>
      segmentFigures(h).map((f) => ({
        ...f,
        label: f.segment === '' ? t('segments.book') : f.segment,
        methodText:
          f.method === null
            ? t('segments.notFitted')
            : t(f.method === 'chain-ladder' ? 'glossary:chainLadder' : 'glossary:timingCurve'),
      })),
    [h, t, lang],
  );
  const cols = useMemo<ColDef<FigureRow>[]>(
    () => [
      { field: 'label', headerName: t('segments.col.segment'), flex: 1.2, minWidth: 90 },
      {
        field: 'vintages',
        headerName: t('segments.col.vintages'),
        flex: 1,
        minWidth: 67,
        type: 'rightAligned',
      },
      {
        field: 'loans',
        headerName: t('segments.col.loans'),
        flex: 1,
        minWidth: 67,
        type: 'rightAligned',
        valueFormatter: (p) => integer(p.value as number),
      },
      moneyCol<FigureRow>('originalBalance', t('segments.col.original'), { flex: 1, minWidth: 105 }),
      pctCol<FigureRow>('lifetimeNetLoss', t('segments.col.lifetime'), { flex: 1, minWidth: 90 }),
      pctCol<FigureRow>('standardError', t('segments.col.se'), { flex: 1, minWidth: 82 }),
      { field: 'methodText', headerName: t('segments.col.method'), flex: 1, minWidth: 112 },
      {
        field: 'halfLossMonth',
        headerName: t('segments.col.halfLoss'),
        flex: 1,
        minWidth: 90,
        type: 'rightAligned',
      },
      {
        field: 'timingMonths',
        headerName: t('segments.col.timingMonths'),
        flex: 1,
        minWidth: 82,
        type: 'rightAligned',
      },
      pctCol<FigureRow>('cpr', t('segments.col.cpr'), { flex: 1, minWidth: 97 }),
      pctCol<FigureRow>('severity', t('segments.col.severity'), { flex: 1, minWidth: 82 }),
    ],
    // lang and scale: headers through t, money cells through money().
    [t, lang, scale],
  );

  // What "Use as scenario" would write with the stress as typed (unstressed while the stress is not valid).
  const preview = useMemo(() => {
    const stress = scenarioStress(form, t);
    return segmentedScenario(h, field, pool, choice, {
      name: 'preview',
      historyFile: file,
      ...(typeof stress === 'string' ? {} : stress),
      date: '2000-01-01',
    });
  }, [h, field, pool, choice, form, file, t]);
  const writtenFor = new Map((preview?.segments?.written ?? []).map((w) => [w.segment, w.cnl]));

  const names = (xs: readonly string[]) =>
    xs.map((x, i) => (
      <span key={x}>
        {i > 0 ? t('segments.listSep') : ''}
        <span translate="no">{x}</span>
      </span>
    ));

  return (
    <section className="card" data-testid="history-segments">
      <div className="card-head">
        <h2>{t('segments.title')}</h2>
        <span className="muted small">
          {t('segments.field')}{' '}
          <b translate="no" data-testid="history-segment-field">
            {field}
          </b>
        </span>
      </div>
      <p className="muted small">{t('segments.explain')}</p>
      <div className="card-head">
        <h3>{t('segments.figuresTitle')}</h3>
        <span className="muted small">{t('dev.amounts', { unit: amountUnit(currency) })}</span>
      </div>
      <DataGrid<FigureRow>
        rowData={rows}
        columnDefs={cols}
        autoHeight
        maxBodyHeight={300}
        csvName={t('segments.csvName')}
        testId="history-segment-figures"
      />
      <h3>{t('segments.mapTitle')}</h3>
      <p className="muted small">{t('segments.mapExplain')}</p>
      {pool.length === 0 ? (
        <p className="bad small" data-testid="history-segment-nopool">
          {t('segments.noPoolSegments')}
        </p>
      ) : (
        <table className="table" data-testid="history-segment-map">
          <thead>
            <tr>
              <th>{t('segments.colHistory')}</th>
              <th>{t('segments.colPool')}</th>
              <th className="num">{t('segments.colWrites')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => {
              const target = targets.get(v) ?? '';
              const cnl = writtenFor.get(target);
              return (
                <tr key={v}>
                  <td translate="no">{v}</td>
                  <td>
                    <select
                      value={target}
                      onChange={(e) => setChoice({ ...choice, [v]: e.target.value })}
                      data-testid={`history-segment-map-${v}`}
                    >
                      <option value="">{t('segments.none')}</option>
                      {pool.map((p) => (
                        <option key={p} value={p} translate="no">
                          {p}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{target === '' ? '—' : cnl === undefined ? '—' : pct(cnl)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {preview?.segments ? (
        <ul className="small" data-testid="history-segment-lists">
          {preview.segments.notInPool.length > 0 ? (
            <li>
              {t('segments.notInPool')} {names(preview.segments.notInPool)}
            </li>
          ) : null}
          {preview.segments.withoutFit.length > 0 ? (
            <li>
              {t('segments.withoutFit')} {names(preview.segments.withoutFit)}
            </li>
          ) : null}
          {preview.segments.poolSegmentsOnBook.length > 0 ? (
            <li>
              {t('segments.poolOnBook')} {names(preview.segments.poolSegmentsOnBook)}
            </li>
          ) : null}
        </ul>
      ) : pool.length > 0 ? (
        <p className="muted small">{t('segments.noneMapped')}</p>
      ) : null}
    </section>
  );
}
