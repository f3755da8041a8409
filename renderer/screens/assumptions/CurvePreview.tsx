/**
 * The scenario's curves by period, with the multiples applied as the engine applies them; with a segment chosen,
 * the curves its overrides replace are drawn dashed beside the scenario's, in the same colour.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { resolveCurve } from '../../../core/assumptions/curve';
import type { Curve, Scenario } from '../../../core/deal/schema';
import { EChart, type ChartOption } from '../../components/EChart';
import {
  DEFAULT_UNIT,
  effectiveAssumptions,
  PREPAY_UNIT,
  type SegmentParts,
} from '../../project/assumptionEdit';

const PERIODS = Array.from({ length: 36 }, (_, i) => i + 1);
const COLOUR = { prepayment: '#1d4f91', default: '#c0504d', severity: '#6b7280' } as const;

interface Line {
  part: keyof typeof COLOUR;
  name: string;
  data: (number | null)[];
}

function sample(c: Curve, scale = 1): (number | null)[] {
  try {
    const f = resolveCurve(c);
    return PERIODS.map((p) => {
      const v = f.at(p, p) * scale;
      return Number.isFinite(v) ? v * 100 : null;
    });
  } catch {
    return PERIODS.map(() => null);
  }
}

/** The curves of `parts` the chart can draw in percent (speeds such as PSA and SDA are not rates). */
function lines(parts: SegmentParts, scenario: Scenario, t: TFunction): Line[] {
  const out: Line[] = [];
  const p = parts.prepayment;
  if (PREPAY_UNIT[p.model] === 'rate') {
    out.push({
      part: 'prepayment',
      name: t('assumptions:preview.prepayment', { model: p.model }),
      data: sample(p.curve, scenario.prepaymentMultiple),
    });
  }
  const d = parts.default;
  if (d.model === 'CNL') {
    const timing = d.timing;
    out.push({
      part: 'default',
      name: t('assumptions:preview.lossTiming'),
      data: PERIODS.map((x) => (timing[x - 1] ?? 0) * 100),
    });
  } else if (DEFAULT_UNIT[d.model] === 'rate') {
    out.push({
      part: 'default',
      name: t('assumptions:preview.default', { model: d.model }),
      data: sample(d.curve, scenario.defaultMultiple),
    });
  }
  out.push({ part: 'severity', name: t('assumptions:preview.severity'), data: sample(parts.severity) });
  return out;
}

export function CurvePreview({ scenario, segment }: { scenario: Scenario; segment: string | null }) {
  // The chart's option depends on `t`, so a language change redraws its legend and axis in the new language.
  const { t } = useTranslation('assumptions');
  const replaced = useMemo(() => {
    if (segment === null) return new Set<string>();
    const s = new Set<string>();
    for (const o of scenario.overrides) {
      if (o.segment !== segment) continue;
      if (o.prepayment) s.add('prepayment');
      if (o.default) s.add('default');
      if (o.severity !== undefined) s.add('severity');
    }
    return s;
  }, [scenario, segment]);
  const option = useMemo<ChartOption>(() => {
    const own = lines(
      {
        prepayment: scenario.prepayment,
        default: scenario.default,
        severity: scenario.severity,
        recoveryLagMonths: scenario.recoveryLagMonths,
      },
      scenario,
      t,
    );
    const theirs =
      segment === null
        ? []
        : lines(effectiveAssumptions(scenario, segment), scenario, t)
            .filter((l) => replaced.has(l.part))
            .map((l) => ({ ...l, name: t('preview.segmentLine', { name: l.name, segment }), dashed: true }));
    const series = [...own.map((l) => ({ ...l, dashed: false })), ...theirs];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '–' : `${Number(v).toFixed(2)}%`) },
      legend: { top: 0 },
      xAxis: {
        type: 'category',
        data: PERIODS,
        name: t('preview.xAxis'),
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: series.map((s) => ({
        name: s.name,
        data: s.data,
        type: 'line',
        symbol: 'none',
        step: 'end',
        itemStyle: { color: COLOUR[s.part] },
        lineStyle: {
          color: COLOUR[s.part],
          type: s.dashed ? 'dashed' : 'solid',
          width: s.dashed ? 2.5 : 1.5,
        },
      })),
    };
  }, [scenario, segment, replaced, t]);
  const theirs = segment === null ? null : effectiveAssumptions(scenario, segment);
  const lag = theirs?.recoveryLagMonths ?? null;
  // PSA and SDA speeds are multiples of a ramp, not rates: the chart leaves them out and says so.
  const speeds: string[] = [];
  if (theirs && replaced.has('prepayment') && PREPAY_UNIT[theirs.prepayment.model] === 'speed')
    speeds.push(theirs.prepayment.model);
  if (theirs && replaced.has('default') && theirs.default.model === 'SDA') speeds.push('SDA');
  return (
    <>
      <EChart option={option} height={260} testId="curve-preview" />
      {segment !== null ? (
        <p className="muted small" data-testid="preview-compare">
          <Trans
            t={t}
            i18nKey={replaced.size === 0 ? 'preview.dashedNone' : 'preview.dashed'}
            values={{ segment }}
            components={[<b key="segment" translate="no" />]}
          />{' '}
          {lag !== scenario.recoveryLagMonths
            ? t('preview.lagDiffers', { lag, scenario: scenario.recoveryLagMonths })
            : t('preview.lag', { lag })}
          {speeds.length > 0
            ? ` ${t('preview.speeds', {
                speeds: speeds.length === 2 ? t('preview.and', { a: speeds[0], b: speeds[1] }) : speeds[0],
              })}`
            : ''}
        </p>
      ) : null}
    </>
  );
}
