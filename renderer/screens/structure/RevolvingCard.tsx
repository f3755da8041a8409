/**
 * Structure: the revolving period as its own card — its terms, eligibility (limits, products, segments),
 * concentration limits and the purchase profile new receivables are bought from, or a button to add one.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, Product, RepLine, Revolving } from '../../../core/deal/schema';
import { coreText } from '../../../core/i18n/messages';
import { useApp } from '../../AppContext';
import { ChoiceField, NumberField, TextField } from '../../components/Field';
import { pct } from '../../format';
import { setEligibility, type EligibilityLimit } from '../../project/dealEdit';
import {
  addConcentrationLimit,
  addProfileLine,
  defaultRevolving,
  eligibleListProblem,
  knownSegments,
  limitProblem,
  profileExclusions,
  profileIdProblem,
  profileShares,
  PRODUCTS,
  removeConcentrationLimit,
  removeProfileLine,
  revolvingOnlyTriggers,
  setConcentrationLimit,
  setProfileField,
  setProfileProduct,
  setProfileShare,
  setRevolvingNumber,
  setRevolvingOn,
  shareProblem,
  tapeSegments,
  termProblem,
  toggleEligible,
  setEligibleList,
  type ConcentrationLimit,
  type LimitKey,
} from '../../project/revolvingEdit';
import type { EditLabel } from '../../project/history';
import { useDealEditor, type DealEdit } from '../useDealEditor';
import { editLabel } from './editLabel';

export function RevolvingCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const deal = state.history.present.deal;
  const r = deal.structure.revolving;
  const edit = useDealEditor();
  const dropped = revolvingOnlyTriggers(deal);
  return (
    <section className="card revolving" data-testid="revolving-card">
      <div className="card-head">
        <h2>{t('revolving.title')}</h2>
        {r ? (
          <button
            data-testid="revolving-off"
            title={
              dropped.length > 0
                ? t('revolving.removeAlso', { ids: dropped.join(t('nameSep')) })
                : t('revolving.removeHint')
            }
            onClick={() =>
              edit(
                dropped.length > 0
                  ? editLabel('revolvingOffTriggers', { ids: dropped.join(', ') })
                  : editLabel('revolvingOff'),
                (d) => setRevolvingOn(d, false),
              )
            }
          >
            {t('revolving.remove')}
          </button>
        ) : (
          <button
            data-testid="revolving-on"
            onClick={() => edit(editLabel('revolvingOn'), (d) => setRevolvingOn(d, true))}
          >
            {t('revolving.add')}
          </button>
        )}
      </div>
      {r ? (
        <RevolvingBody deal={deal} r={r} edit={edit} />
      ) : (
        <p className="muted">{t('revolving.none', { months: defaultRevolving(deal).endPeriod })}</p>
      )}
    </section>
  );
}

function RevolvingBody({ deal, r, edit }: { deal: Deal; r: Revolving; edit: DealEdit }) {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const loans = state.history.present.pool?.loans ?? null;
  // A tape can hold a million loans: scan it once per tape, not on every edit.
  const fromTape = useMemo(() => tapeSegments(loans), [loans]);
  const segments = knownSegments(deal, fromTape);
  return (
    <>
      <div className="revolving-top">
        <div>
          <h3>{t('revolving.terms')}</h3>
          <div className="form-grid">
            <label>{t('revolving.lastPeriod')}</label>
            <NumberField
              kind="int"
              value={r.endPeriod}
              label={t('revolving.lastPeriodLabel')}
              testId="revolving-endPeriod"
              validate={(v) => (v < 1 ? t('revolving.lastPeriodProblem') : null)}
              onCommit={(v) => edit(editLabel('revolvingEnd'), (d) => setRevolvingNumber(d, 'endPeriod', v))}
            />
            <label>{t('revolving.price')}</label>
            <NumberField
              kind="number"
              value={r.purchasePrice}
              label={t('revolving.priceLabel')}
              validate={(v) => (v <= 0 || v > 200 ? t('revolving.priceProblem') : null)}
              onCommit={(v) =>
                edit(editLabel('revolvingPrice'), (d) => setRevolvingNumber(d, 'purchasePrice', v))
              }
            />
            <label title={t('revolving.targetHint')}>{t('revolving.target')}</label>
            <NumberField
              kind="percent"
              value={r.targetPoolShare}
              label={t('revolving.targetLabel')}
              suffix="%"
              validate={(v) => (v < 0 || v > 1 ? t('revolving.targetProblem') : null)}
              onCommit={(v) =>
                edit(editLabel('revolvingTarget'), (d) => setRevolvingNumber(d, 'targetPoolShare', v))
              }
            />
          </div>
        </div>
        <div>
          <h3>{t('revolving.eligible')}</h3>
          <div className="form-grid eligible-limits">
            {ELIGIBILITY_FIELDS.map((f) => (
              <EligibilityField
                key={f.key}
                field={f}
                value={r.eligibility[f.key]}
                other={
                  f.key === 'minRate'
                    ? r.eligibility.maxRate
                    : f.key === 'maxRate'
                      ? r.eligibility.minRate
                      : undefined
                }
                edit={edit}
              />
            ))}
          </div>
          <EligibleList
            listKey="products"
            title={t('revolving.products')}
            choices={PRODUCTS}
            labelOf={(p) => t(`revolving.product.${p as Product}`)}
            selected={r.eligibility.products}
            edit={edit}
          />
          <EligibleList
            listKey="segments"
            title={t('revolving.segments')}
            choices={segments}
            labelOf={(s) => s}
            selected={r.eligibility.segments}
            edit={edit}
          />
        </div>
        <LimitsTable deal={deal} r={r} segments={segments} edit={edit} />
      </div>
      <ProfileTable r={r} edit={edit} />
    </>
  );
}

interface EligibilitySpec {
  key: EligibilityLimit;
  kind: 'int' | 'percent';
}

const ELIGIBILITY_FIELDS: readonly EligibilitySpec[] = [
  { key: 'maxRemainingTerm', kind: 'int' },
  { key: 'minRate', kind: 'percent' },
  { key: 'maxRate', kind: 'percent' },
];

/** One optional eligibility limit; an emptied field lifts the limit. */
function EligibilityField({
  field,
  value,
  other,
  edit,
}: {
  field: EligibilitySpec;
  value: number | undefined;
  /** The opposite end of the rate band, so min above max is refused before it reaches the deal. */
  other: number | undefined;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const label = t(`revolving.limit.${field.key}`);
  return (
    <>
      <label>{label}</label>
      <NumberField
        kind={field.kind}
        value={value}
        label={label}
        testId={`eligibility-${field.key}`}
        suffix={field.kind === 'percent' ? '%' : undefined}
        validate={(v) => {
          if (other === undefined) return null;
          if (field.key === 'minRate' && v > other) return t('revolving.minAboveMax');
          if (field.key === 'maxRate' && v < other) return t('revolving.maxBelowMin');
          return null;
        }}
        onCommit={(v) =>
          edit(editLabel('eligibility', { limit: field.key }), (d) => setEligibility(d, field.key, v))
        }
        onClear={() =>
          edit(editLabel('liftEligibility', { limit: field.key }), (d) =>
            setEligibility(d, field.key, undefined),
          )
        }
      />
    </>
  );
}

/**
 * Eligible products or segments as checkboxes. "Any" means no restriction (the schema's absent list), so a
 * product or segment added later is eligible too; unticking one value writes the list out explicitly.
 */
function EligibleList({
  listKey,
  title,
  choices,
  labelOf,
  selected,
  edit,
}: {
  listKey: 'products' | 'segments';
  title: string;
  choices: readonly string[];
  labelOf: (v: string) => string;
  selected: readonly string[] | undefined;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const [message, setMessage] = useState<string | null>(null);
  const what = listKey === 'products' ? 'product' : 'segment';
  const products = listKey === 'products';
  // A restricted list may name a value no line has any more: keep it visible so it can be unticked.
  const shown = [...choices, ...(selected ?? []).filter((x) => !choices.includes(x))];
  function apply(label: EditLabel, update: (d: Deal) => Deal, next: readonly string[] | undefined): void {
    const refused = eligibleListProblem(next, what, t);
    setMessage(refused ?? edit(label, update));
  }
  return (
    <div
      className={`field eligible-list ${message ? 'field-invalid' : ''}`}
      data-testid={`eligible-${listKey}`}
    >
      <div className="eligible-title">
        <span className="muted">{title}</span>
        <label className="check" title={products ? t('revolving.anyProduct') : t('revolving.anySegment')}>
          <input
            type="checkbox"
            checked={selected === undefined}
            data-testid={`eligible-${listKey}-any`}
            onChange={(e) =>
              apply(
                editLabel(
                  e.target.checked
                    ? products
                      ? 'anyProduct'
                      : 'anySegment'
                    : products
                      ? 'listedProducts'
                      : 'listedSegments',
                ),
                (d) => setEligibleList(d, listKey, e.target.checked ? undefined : choices),
                e.target.checked ? undefined : choices,
              )
            }
          />
          {t('revolving.any')}
        </label>
      </div>
      <span className="checks">
        {shown.map((v) => {
          const on = selected === undefined || selected.includes(v);
          return (
            <label key={v} className="check">
              <input
                type="checkbox"
                checked={on}
                data-testid={`eligible-${listKey}-${v}`}
                onChange={(e) => {
                  const want = e.target.checked;
                  const base = selected ?? choices;
                  const next = want ? [...base, v] : base.filter((x) => x !== v);
                  apply(
                    editLabel(
                      products ? (want ? 'productOn' : 'productOff') : want ? 'eligibleOn' : 'eligibleOff',
                      { value: v },
                    ),
                    (d) => toggleEligible(d, listKey, v, want, choices),
                    next,
                  );
                }}
              />
              {products ? labelOf(v) : <span translate="no">{labelOf(v)}</span>}
            </label>
          );
        })}
      </span>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

function LimitsTable({
  deal,
  r,
  segments,
  edit,
}: {
  deal: Deal;
  r: Revolving;
  segments: readonly string[];
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const shares = profileShares(r);
  const choicesOf = (key: LimitKey) =>
    key === 'product'
      ? PRODUCTS.map((p) => ({ value: p, label: t(`revolving.product.${p}`) }))
      : segments.map((s) => ({ value: s, label: s }));
  function change(i: number, next: ConcentrationLimit, label: EditLabel): string | null {
    return limitProblem(r, i, next, t) ?? edit(label, (d) => setConcentrationLimit(d, i, next));
  }
  return (
    <div>
      <div className="card-head">
        <h3>{t('revolving.limits')}</h3>
        <select
          value=""
          aria-label={t('revolving.addLimit')}
          data-testid="add-limit"
          onChange={(e) => {
            const key = e.target.value;
            if (key === 'segment' || key === 'product')
              edit(editLabel(key === 'segment' ? 'addLimitSegment' : 'addLimitProduct'), (d) =>
                addConcentrationLimit(d, key),
              );
          }}
        >
          <option value="">{t('revolving.addLimitPrompt')}</option>
          <option value="segment">{t('revolving.onSegment')}</option>
          <option value="product">{t('revolving.onProduct')}</option>
        </select>
      </div>
      <div className="table-scroll" id="limit-table-host">
        <table className="table" data-testid="limit-table">
          <thead>
            <tr>
              <th>{t('revolving.on')}</th>
              <th>{t('revolving.group')}</th>
              <th className="num" title={t('revolving.maxOfPoolHint')}>
                {t('revolving.maxOfPool')}
              </th>
              <th className="num" title={t('revolving.ofProfileHint')}>
                {t('revolving.ofProfile')}
              </th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.concentrationLimits.length === 0 ? (
              <tr>
                <td colSpan={5} className="muted">
                  {t('revolving.noLimits')}
                </td>
              </tr>
            ) : null}
            {r.concentrationLimits.map((c, i) => {
              const ofProfile = r.profile.reduce(
                (a, l, j) =>
                  a + ((c.key === 'segment' ? l.segment : l.product) === c.value ? (shares[j] ?? 0) : 0),
                0,
              );
              return (
                <tr key={`${c.key}:${c.value}:${i}`} data-testid={`limit-row-${i}`}>
                  <td>
                    <ChoiceField
                      value={c.key}
                      label={t('revolving.limitKindLabel', { n: i + 1 })}
                      options={[
                        { value: 'segment', label: t('revolving.segment') },
                        { value: 'product', label: t('revolving.productKind') },
                      ]}
                      onChange={(v) => {
                        const key: LimitKey = v === 'product' ? 'product' : 'segment';
                        const taken = new Set(
                          r.concentrationLimits
                            .filter((x, j) => j !== i && x.key === key)
                            .map((x) => x.value),
                        );
                        const value = choicesOf(key).find((o) => !taken.has(o.value))?.value ?? '';
                        return change(
                          i,
                          { ...c, key, value },
                          editLabel(key === 'product' ? 'limitOnProduct' : 'limitOnSegment', { n: i + 1 }),
                        );
                      }}
                    />
                  </td>
                  <td>
                    <ChoiceField
                      value={c.value}
                      label={t('revolving.limitGroupLabel', { n: i + 1 })}
                      testId={`limit-${i}-value`}
                      options={choicesOf(c.key)}
                      onChange={(v) =>
                        change(i, { ...c, value: v }, editLabel('limitOn', { n: i + 1, value: v }))
                      }
                    />
                  </td>
                  <td className="num">
                    <NumberField
                      kind="percent"
                      value={c.maxShare}
                      width={76}
                      suffix="%"
                      label={t('revolving.limitMaxLabel', { n: i + 1 })}
                      testId={`limit-${i}-maxShare`}
                      validate={(v) => limitProblem(r, i, { ...c, maxShare: v }, t)}
                      onCommit={(v) =>
                        change(i, { ...c, maxShare: v }, editLabel('limitShare', { value: c.value }))
                      }
                    />
                  </td>
                  <td className="num muted">{pct(ofProfile, 1)}</td>
                  <td className="row-actions">
                    <button
                      className="icon"
                      title={t('revolving.removeLimit')}
                      aria-label={t('revolving.removeLimitLabel', { value: c.value })}
                      data-testid={`remove-limit-${i}`}
                      onClick={() =>
                        edit(editLabel('removeLimit', { value: c.value }), (d) =>
                          removeConcentrationLimit(d, i),
                        )
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {deal.pool.kind === 'file' ? <p className="muted small">{t('revolving.segmentsNote')}</p> : null}
    </div>
  );
}

function ProfileTable({ r, edit }: { r: Revolving; edit: DealEdit }) {
  const { t } = useTranslation('structure');
  const shares = profileShares(r);
  // The engine's reasons, in the interface language.
  const excluded = new Map(profileExclusions(r).map((x) => [x.id, x.messages.map((m) => coreText(t, m))]));
  const single = r.profile.length === 1;
  function field<K extends 'rate' | 'monthlyFeeRate' | 'paymentRate' | 'originalTerm' | 'remainingTerm'>(
    i: number,
    line: RepLine,
    key: K,
    v: RepLine[K],
  ): string | null {
    return edit(editLabel('lineField', { id: line.id, field: key }), (d) => setProfileField(d, i, key, v));
  }
  return (
    <div className="revolving-profile">
      <div className="card-head">
        <h3>{t('revolving.profile')}</h3>
        <span className="muted small">{t('revolving.profileNote')}</span>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="profile-table">
          <thead>
            <tr>
              <th>{t('revolving.col.line')}</th>
              <th>{t('revolving.col.segment')}</th>
              <th>{t('revolving.col.product')}</th>
              <th className="num">{t('revolving.col.share')}</th>
              <th className="num">{t('revolving.col.rate')}</th>
              <th className="num">{t('revolving.col.monthlyFeeRate')}</th>
              <th className="num">{t('revolving.col.originalTerm')}</th>
              <th className="num">{t('revolving.col.remainingTerm')}</th>
              <th className="num">{t('revolving.col.paymentRate')}</th>
              <th>{t('revolving.col.eligible')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {r.profile.map((l, i) => {
              const why = excluded.get(l.id);
              return (
                <tr key={`${l.id}-${i}`} data-testid={`profile-row-${i}`}>
                  <td>
                    <TextField
                      value={l.id}
                      width={140}
                      label={t('revolving.lineIdLabel', { n: i + 1 })}
                      testId={`profile-${i}-id`}
                      validate={(v) => profileIdProblem(r, i, v, t)}
                      onCommit={(v) =>
                        edit(editLabel('renameLine', { id: l.id }), (d) => setProfileField(d, i, 'id', v))
                      }
                    />
                  </td>
                  <td>
                    <TextField
                      value={l.segment}
                      width={96}
                      label={t('revolving.lineSegmentLabel', { id: l.id })}
                      testId={`profile-${i}-segment`}
                      validate={(v) =>
                        v.trim() === ''
                          ? t('revolving.problem.segmentName')
                          : v.length > 64
                            ? t('revolving.problem.long')
                            : null
                      }
                      onCommit={(v) =>
                        edit(editLabel('lineSegment', { id: l.id }), (d) =>
                          setProfileField(d, i, 'segment', v),
                        )
                      }
                    />
                  </td>
                  <td>
                    <ChoiceField
                      value={l.product}
                      label={t('revolving.lineProductLabel', { id: l.id })}
                      testId={`profile-${i}-product`}
                      options={PRODUCTS.map((p) => ({ value: p, label: t(`revolving.product.${p}`) }))}
                      onChange={(v) => {
                        const p = PRODUCTS.find((x) => x === v);
                        return p
                          ? edit(editLabel('lineProduct', { id: l.id }), (d) => setProfileProduct(d, i, p))
                          : null;
                      }}
                    />
                  </td>
                  <td className="num">
                    {single ? (
                      '100%'
                    ) : (
                      <NumberField
                        kind="percent"
                        value={shares[i] ?? 0}
                        width={76}
                        suffix="%"
                        label={t('revolving.lineShareLabel', { id: l.id })}
                        testId={`profile-${i}-share`}
                        validate={(v) => shareProblem(r, i, v, t)}
                        onCommit={(v) =>
                          edit(editLabel('lineShare', { id: l.id }), (d) => setProfileShare(d, i, v))
                        }
                      />
                    )}
                  </td>
                  <td className="num">
                    {l.product === 'interest-free-fee' ? (
                      <span className="muted">–</span>
                    ) : (
                      <NumberField
                        kind="percent"
                        value={l.rate}
                        width={76}
                        suffix="%"
                        label={t('revolving.lineRateLabel', { id: l.id })}
                        testId={`profile-${i}-rate`}
                        validate={(v) => (v < 0 || v > 1 ? t('revolving.problem.apr') : null)}
                        onCommit={(v) => field(i, l, 'rate', v)}
                      />
                    )}
                  </td>
                  <td className="num">
                    {l.product === 'interest-free-fee' || l.monthlyFeeRate > 0 ? (
                      <NumberField
                        kind="percent"
                        value={l.monthlyFeeRate}
                        width={76}
                        suffix="%"
                        label={t('revolving.lineFeeLabel', { id: l.id })}
                        testId={`profile-${i}-monthlyFeeRate`}
                        validate={(v) => (v < 0 || v > 0.1 ? t('revolving.problem.monthlyFee') : null)}
                        onCommit={(v) => field(i, l, 'monthlyFeeRate', v)}
                      />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="num">
                    <NumberField
                      kind="int"
                      value={l.originalTerm}
                      width={56}
                      label={t('revolving.lineOriginalTermLabel', { id: l.id })}
                      testId={`profile-${i}-originalTerm`}
                      validate={(v) => termProblem(l, 'originalTerm', v, t)}
                      onCommit={(v) => field(i, l, 'originalTerm', v)}
                    />
                  </td>
                  <td className="num">
                    <NumberField
                      kind="int"
                      value={l.remainingTerm}
                      width={56}
                      label={t('revolving.lineRemainingTermLabel', { id: l.id })}
                      testId={`profile-${i}-remainingTerm`}
                      validate={(v) => termProblem(l, 'remainingTerm', v, t)}
                      onCommit={(v) => field(i, l, 'remainingTerm', v)}
                    />
                  </td>
                  <td className="num">
                    {l.product === 'revolving' ? (
                      <NumberField
                        kind="percent"
                        value={l.paymentRate}
                        width={76}
                        suffix="%"
                        label={t('revolving.linePaymentRateLabel', { id: l.id })}
                        testId={`profile-${i}-paymentRate`}
                        validate={(v) => (v <= 0 || v > 1 ? t('revolving.problem.paymentRate') : null)}
                        onCommit={(v) => field(i, l, 'paymentRate', v)}
                      />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="wrap">
                    {why ? (
                      <span className="revolving-excluded" data-testid={`profile-${i}-excluded`}>
                        {t('revolving.excluded', { reasons: why.join(t('listSep')) })}
                      </span>
                    ) : (
                      <span className="muted">{t('revolving.yes')}</span>
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      className="icon"
                      title={single ? t('revolving.keepOneLine') : t('revolving.removeLine')}
                      aria-label={t('revolving.removeLineLabel', { id: l.id })}
                      data-testid={`remove-profile-${i}`}
                      disabled={single}
                      onClick={() =>
                        edit(editLabel('removeLine', { id: l.id }), (d) => removeProfileLine(d, i))
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>
                <button
                  data-testid="add-profile-line"
                  onClick={() => edit(editLabel('addLine'), addProfileLine)}
                >
                  {t('revolving.addLine')}
                </button>
              </td>
              <td className="num">
                <b>
                  {pct(
                    shares.reduce((a, b) => a + b, 0),
                    0,
                  )}
                </b>
              </td>
              <td colSpan={7} />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
