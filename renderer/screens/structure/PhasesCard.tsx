/**
 * Structure: deal phases (issue #15). A phase picker edits each phase's own priority of payments, combined or
 * split into revenue and redemption lists, with caps and targets on steps; below it the events of default and the
 * principal deficiency ledger. Every edit is undoable and refused in place (renderer/project/phaseEdit.ts).
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Deal, DealPhase, EventOfDefault, StepLimit, WaterfallStep } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField } from '../../components/Field';
import type { EditLabel } from '../../project/history';
import {
  PHASES,
  addEventOfDefault,
  deficiencyLedgerProblem,
  editPhaseList,
  eventProblems,
  limitProblem,
  limitable,
  newEvent,
  newEventProblem,
  ownWaterfall,
  phaseList,
  phaseProblems,
  removeEventOfDefault,
  setDeficiencyLedger,
  setOwnWaterfall,
  setShortfallPeriods,
  setSplit,
  setStepLimit,
  type Ledger,
} from '../../project/phaseEdit';
import { move, useDealEditor, type DealEdit } from '../useDealEditor';
import { AddStep, stepLabel } from './WaterfallCard';

type LimitKind = 'none' | 'targetPercent' | 'shareOfDue' | 'maxAmount';

function limitKind(limit: StepLimit | undefined): LimitKind {
  if (!limit) return 'none';
  if ('shareOfDue' in limit) return 'shareOfDue';
  if ('maxAmount' in limit) return 'maxAmount';
  return 'targetPercent';
}

/** The limit a kind starts at: half the pool, half of what is due, or nothing above zero until typed. */
function startingLimit(kind: LimitKind): StepLimit | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'targetPercent':
      return { toTargetBalance: { percentOfPool: 0.5 } };
    case 'shareOfDue':
      return { shareOfDue: 0.5 };
    case 'maxAmount':
      return { maxAmount: 0 };
  }
}

function label(key: string, params?: Record<string, string | number>): EditLabel {
  return params ? { key: `structure:phases.undo.${key}`, params } : { key: `structure:phases.undo.${key}` };
}

export function PhasesCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const deal = state.history.present.deal;
  const edit = useDealEditor();
  const [phase, setPhase] = useState<DealPhase>('amortising');
  const [pdlMessage, setPdlMessage] = useState<string | null>(null);
  const own = ownWaterfall(deal, phase);
  const phaseName = t(`phases.phase.${phase}`);
  const problems = useMemo(() => phaseProblems(deal, phase, t), [deal, phase, t]);
  const pdlOn = deal.structure.principalDeficiencyLedger === true;

  return (
    <section className="card phases-card" data-testid="phases-card">
      <div className="card-head">
        <h2>{t('phases.title')}</h2>
      </div>
      <p className="muted small">{t('phases.intro')}</p>
      <div className="subtabs phase-tabs" role="tablist" aria-label={t('phases.phasePicker')}>
        {PHASES.map((p) => (
          <button
            key={p}
            role="tab"
            aria-selected={p === phase}
            className={p === phase ? 'active' : ''}
            data-testid={`phase-${p}`}
            onClick={() => setPhase(p)}
          >
            {t(`phases.phase.${p}`)}
            {ownWaterfall(deal, p) !== undefined ? ' •' : ''}
          </button>
        ))}
      </div>
      <label className="check phase-option">
        <input
          type="checkbox"
          checked={own !== undefined}
          data-testid="phase-own"
          onChange={(e) =>
            edit(label('own', { phase: phaseName }), (d) => setOwnWaterfall(d, phase, e.target.checked))
          }
        />
        {t('phases.own')}
      </label>
      {own === undefined ? (
        <p className="muted small" data-testid="phase-inherits">
          {phase === 'accelerated' ? t('phases.usesDefault') : t('phases.usesMain')}
        </p>
      ) : (
        <>
          <label className="check phase-option">
            <input
              type="checkbox"
              checked={!Array.isArray(own)}
              data-testid="phase-split"
              onChange={(e) =>
                edit(label('split', { phase: phaseName }), (d) => setSplit(d, phase, e.target.checked))
              }
            />
            {t('phases.split')}
          </label>
          {Array.isArray(own) ? (
            <PhaseList deal={deal} phase={phase} ledger={undefined} edit={edit} />
          ) : (
            <div className="phase-split">
              <PhaseList deal={deal} phase={phase} ledger="revenue" edit={edit} />
              <PhaseList deal={deal} phase={phase} ledger="redemption" edit={edit} />
            </div>
          )}
          {problems.length > 0 ? (
            <div className="step-problems" role="alert" data-testid="phase-problems">
              {problems.map((p) => (
                <div key={p}>{p}</div>
              ))}
            </div>
          ) : null}
        </>
      )}
      <EventsOfDefault deal={deal} edit={edit} />
      <div className="pdl-row">
        <span className={pdlMessage ? 'field-invalid' : ''}>
          <label className="check phase-option">
            <input
              type="checkbox"
              checked={pdlOn}
              data-testid="pdl-on"
              onChange={(e) => {
                const on = e.target.checked;
                setPdlMessage(
                  deficiencyLedgerProblem(deal, on, t) ??
                    edit(label('pdl'), (d) => setDeficiencyLedger(d, on)),
                );
              }}
            />
            {t('phases.pdl.label')}
          </label>
          {pdlMessage ? (
            <span className="field-message" role="alert">
              {pdlMessage}
            </span>
          ) : (
            <span className="muted small">{t('phases.pdl.hint')}</span>
          )}
        </span>
      </div>
    </section>
  );
}

function PhaseList({
  deal,
  phase,
  ledger,
  edit,
}: {
  deal: Deal;
  phase: DealPhase;
  ledger: Ledger | undefined;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const steps = phaseList(deal, phase, ledger);
  const phaseName = t(`phases.phase.${phase}`);
  const tag = `${phase}-${ledger ?? 'all'}`;
  const editList = (key: string, f: (w: WaterfallStep[]) => WaterfallStep[]): string | null =>
    edit(label(key, { phase: phaseName }), (d) => editPhaseList(d, phase, ledger, f));
  return (
    <div className="phase-list" data-testid={`phase-list-${tag}`}>
      {ledger ? <h3>{ledger === 'revenue' ? t('phases.revenue') : t('phases.redemption')}</h3> : null}
      <ol className="waterfall">
        {steps.map((step, i) => (
          <li key={i} data-testid={`phase-step-${tag}-${i}`}>
            <span className="step-no">{i + 1}</span>
            <span className="step-label">{stepLabel(step, deal, t)}</span>
            <span>
              {limitable(step) ? (
                <LimitEditor
                  step={step}
                  testId={`limit-${tag}-${i}`}
                  onSet={(limit) => {
                    const problem = limit ? limitProblem(step, limit, t) : null;
                    return (
                      problem ??
                      edit(label('limit', { phase: phaseName }), (d) =>
                        setStepLimit(d, phase, ledger, i, limit),
                      )
                    );
                  }}
                />
              ) : null}
            </span>
            <span className="row-actions">
              <button
                className="icon"
                title={t('actions.moveUp')}
                disabled={i === 0}
                onClick={() => editList('moveStep', (w) => move(w, i, i - 1))}
              >
                ↑
              </button>
              <button
                className="icon"
                title={t('actions.moveDown')}
                disabled={i === steps.length - 1}
                onClick={() => editList('moveStep', (w) => move(w, i, i + 1))}
              >
                ↓
              </button>
              <button
                className="icon"
                title={t('actions.remove')}
                disabled={steps.length === 1}
                onClick={() => editList('removeStep', (w) => w.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <AddStep
        deal={deal}
        withCure
        testId={`add-step-${tag}`}
        onAdd={(s) => editList('addStep', (w) => [...w, s])}
      />
    </div>
  );
}

function LimitEditor({
  step,
  testId,
  onSet,
}: {
  step: WaterfallStep;
  testId: string;
  onSet: (limit: StepLimit | undefined) => string | null;
}) {
  const { t } = useTranslation('structure');
  const [message, setMessage] = useState<string | null>(null);
  const limit = 'limit' in step ? step.limit : undefined;
  const kind = limitKind(limit);
  const kinds: LimitKind[] =
    step.pay === 'principal'
      ? ['none', 'targetPercent', 'shareOfDue', 'maxAmount']
      : ['none', 'shareOfDue', 'maxAmount'];
  const value =
    limit === undefined
      ? null
      : 'shareOfDue' in limit
        ? limit.shareOfDue
        : 'maxAmount' in limit
          ? limit.maxAmount
          : 'percentOfPool' in limit.toTargetBalance
            ? limit.toTargetBalance.percentOfPool
            : null;
  const withValue = (v: number): StepLimit | undefined =>
    kind === 'shareOfDue'
      ? { shareOfDue: v }
      : kind === 'maxAmount'
        ? { maxAmount: v }
        : kind === 'targetPercent'
          ? { toTargetBalance: { percentOfPool: v } }
          : undefined;
  return (
    <span className={`step-limit field ${message ? 'field-invalid' : ''}`}>
      <select
        value={kind}
        aria-label={t('phases.limit.label')}
        data-testid={testId}
        onChange={(e) => setMessage(onSet(startingLimit(e.target.value as LimitKind)))}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`phases.limit.${k}`)}
          </option>
        ))}
      </select>
      {kind !== 'none' && value !== null ? (
        <NumberField
          value={value}
          kind={kind === 'maxAmount' ? 'money' : 'percent'}
          suffix={kind === 'maxAmount' ? undefined : '%'}
          width={90}
          testId={`${testId}-value`}
          label={t('phases.limit.label')}
          validate={(v) => (v < 0 || (kind !== 'maxAmount' && v > 1) ? t('phases.problem.limitRange') : null)}
          onCommit={(v) => onSet(withValue(v))}
        />
      ) : null}
      {limit && 'toTargetBalance' in limit && 'schedule' in limit.toTargetBalance ? (
        <span className="muted small">{t('phases.limit.shown.targetSchedule')}</span>
      ) : null}
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

function EventsOfDefault({ deal, edit }: { deal: Deal; edit: DealEdit }) {
  const { t } = useTranslation('structure');
  const [message, setMessage] = useState<string | null>(null);
  const events = deal.structure.phases?.eventsOfDefault ?? [];
  const problems = useMemo(() => eventProblems(deal, t), [deal, t]);
  const types: EventOfDefault['type'][] = ['interestShortfall', 'trigger', 'unpaidAtLegalFinal'];
  return (
    <div className="events-of-default" data-testid="events-of-default">
      <h3>{t('phases.events.title')}</h3>
      {events.length === 0 ? <p className="muted small">{t('phases.events.none')}</p> : null}
      <ul className="plain-list">
        {events.map((e, i) => (
          <li key={i} data-testid={`eod-${i}`}>
            <EventRow event={e} index={i} deal={deal} edit={edit} />
            <button
              className="icon"
              title={t('actions.remove')}
              data-testid={`eod-${i}-remove`}
              onClick={() => edit(label('removeEvent'), (d) => removeEventOfDefault(d, i))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <span className={`field ${message ? 'field-invalid' : ''}`}>
        <select
          value=""
          aria-label={t('phases.events.add')}
          data-testid="eod-add"
          onChange={(e) => {
            const type = e.target.value as EventOfDefault['type'];
            const problem = newEventProblem(deal, type, t);
            const event = newEvent(deal, type);
            setMessage(
              problem ?? (event ? edit(label('addEvent'), (d) => addEventOfDefault(d, event)) : null),
            );
          }}
        >
          <option value="">{t('phases.events.add')}</option>
          {types.map((x) => (
            <option key={x} value={x}>
              {t(`phases.events.type.${x}`)}
            </option>
          ))}
        </select>
        {message ? (
          <span className="field-message" role="alert">
            {message}
          </span>
        ) : null}
      </span>
      {problems.length > 0 ? (
        <div className="step-problems" role="alert">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function EventRow({
  event,
  index,
  deal,
  edit,
}: {
  event: EventOfDefault;
  index: number;
  deal: Deal;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  switch (event.type) {
    case 'interestShortfall':
      return (
        <span className="eod-row">
          <span>
            <Trans
              t={t}
              i18nKey="phases.events.shortfall"
              values={{ classes: event.tranches.join(t('nameSep')) }}
              components={[<span key="data" translate="no" />]}
            />
          </span>
          <NumberField
            value={event.periods}
            kind="int"
            width={50}
            testId={`eod-${index}-periods`}
            label={t('phases.events.periods')}
            validate={(v) => (v < 1 || v > 120 ? t('phases.problem.periodsRange') : null)}
            onCommit={(v) => edit(label('eventPeriods'), (d) => setShortfallPeriods(d, index, v))}
          />
          <span>{t('phases.events.periods')}</span>
          <span className="muted small">{t('phases.events.testedAfter')}</span>
        </span>
      );
    case 'trigger': {
      const tr = deal.structure.triggers.find((x) => x.id === event.trigger);
      return (
        <span className="eod-row">
          {t('phases.events.trigger')} <span translate="no">{tr?.name ?? event.trigger}</span>
          <span className="muted small">{t('phases.events.testedAsTrigger')}</span>
        </span>
      );
    }
    case 'unpaidAtLegalFinal':
      return (
        <span className="eod-row">
          {t('phases.events.legalFinal')}{' '}
          <span className="muted small">{t('phases.events.testedAfter')}</span>
        </span>
      );
  }
}
