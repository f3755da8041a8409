/**
 * Structure: the revolving period as its own card — its terms, eligibility (limits, products, segments),
 * concentration limits and the purchase profile new receivables are bought from, or a button to add one.
 */
import { useMemo, useState } from 'react';
import type { Deal, Product, RepLine, Revolving } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField, TextField } from '../../components/Field';
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
import { useDealEditor } from '../useDealEditor';

type DealEdit = (label: string, update: (d: Deal) => Deal) => string | null;

const PRODUCT_LABEL: Record<Product, string> = {
  'level-pay': 'Level pay',
  'equal-principal': 'Equal principal',
  'interest-free-fee': 'Interest-free, fee',
  bullet: 'Bullet (interest monthly)',
  revolving: 'Revolving balance',
  'single-payment': 'Single payment (principal and interest at maturity)',
};

export function RevolvingCard() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const r = deal.structure.revolving;
  const edit = useDealEditor();
  const dropped = revolvingOnlyTriggers(deal);
  return (
    <section className="card revolving" data-testid="revolving-card">
      <div className="card-head">
        <h2>Revolving period</h2>
        {r ? (
          <button
            data-testid="revolving-off"
            title={
              dropped.length > 0
                ? `Also removes the triggers that only end revolving: ${dropped.join(', ')}`
                : 'The pool amortises from the cut-off'
            }
            onClick={() =>
              edit(
                dropped.length > 0
                  ? `remove the revolving period and trigger ${dropped.join(', ')}`
                  : 'remove the revolving period',
                (d) => setRevolvingOn(d, false),
              )
            }
          >
            Remove revolving period
          </button>
        ) : (
          <button
            data-testid="revolving-on"
            onClick={() => edit('add a revolving period', (d) => setRevolvingOn(d, true))}
          >
            + Add revolving period
          </button>
        )}
      </div>
      {r ? (
        <RevolvingBody deal={deal} r={r} edit={edit} />
      ) : (
        <p className="muted">
          None: a static pool that amortises from the cut-off. Adding one buys new receivables shaped like the
          pool for {defaultRevolving(deal).endPeriod} months, from principal and then interest collections.
        </p>
      )}
    </section>
  );
}

function RevolvingBody({ deal, r, edit }: { deal: Deal; r: Revolving; edit: DealEdit }) {
  const { state } = useApp();
  const loans = state.history.present.pool?.loans ?? null;
  // A tape can hold a million loans: scan it once per tape, not on every edit.
  const fromTape = useMemo(() => tapeSegments(loans), [loans]);
  const segments = knownSegments(deal, fromTape);
  return (
    <>
      <div className="revolving-top">
        <div>
          <h3>Terms</h3>
          <div className="form-grid">
            <label>Last period</label>
            <NumberField
              kind="int"
              value={r.endPeriod}
              label="Revolving end period"
              testId="revolving-endPeriod"
              validate={(v) => (v < 1 ? 'The last period is 1 or later' : null)}
              onCommit={(v) => edit('revolving end period', (d) => setRevolvingNumber(d, 'endPeriod', v))}
            />
            <label>Purchase price (% par)</label>
            <NumberField
              kind="number"
              value={r.purchasePrice}
              label="Revolving purchase price"
              validate={(v) => (v <= 0 || v > 200 ? 'Price is % of par, above 0 and at most 200' : null)}
              onCommit={(v) =>
                edit('revolving purchase price', (d) => setRevolvingNumber(d, 'purchasePrice', v))
              }
            />
            <label title="Purchases aim to restore the pool to this share of its initial balance">
              Target pool, % of initial
            </label>
            <NumberField
              kind="percent"
              value={r.targetPoolShare}
              label="Revolving target pool share"
              suffix="%"
              validate={(v) => (v < 0 || v > 1 ? 'Between 0% and 100% of the initial pool' : null)}
              onCommit={(v) =>
                edit('revolving target pool', (d) => setRevolvingNumber(d, 'targetPoolShare', v))
              }
            />
          </div>
        </div>
        <div>
          <h3>Eligible</h3>
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
            title="Products"
            choices={PRODUCTS}
            labelOf={(p) => PRODUCT_LABEL[p as Product]}
            selected={r.eligibility.products}
            edit={edit}
          />
          <EligibleList
            listKey="segments"
            title="Segments"
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
  label: string;
  kind: 'int' | 'percent';
}

const ELIGIBILITY_FIELDS: readonly EligibilitySpec[] = [
  { key: 'maxRemainingTerm', label: 'Max remaining term (months)', kind: 'int' },
  { key: 'minRate', label: 'Min rate (APR)', kind: 'percent' },
  { key: 'maxRate', label: 'Max rate (APR)', kind: 'percent' },
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
  return (
    <>
      <label>{field.label}</label>
      <NumberField
        kind={field.kind}
        value={value}
        label={field.label}
        testId={`eligibility-${field.key}`}
        suffix={field.kind === 'percent' ? '%' : undefined}
        validate={(v) => {
          if (other === undefined) return null;
          if (field.key === 'minRate' && v > other) return 'Min rate is above the max rate';
          if (field.key === 'maxRate' && v < other) return 'Max rate is below the min rate';
          return null;
        }}
        onCommit={(v) => edit(`eligibility ${field.key}`, (d) => setEligibility(d, field.key, v))}
        onClear={() => edit(`lift eligibility ${field.key}`, (d) => setEligibility(d, field.key, undefined))}
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
  const [message, setMessage] = useState<string | null>(null);
  const what = listKey === 'products' ? 'product' : 'segment';
  // A restricted list may name a value no line has any more: keep it visible so it can be unticked.
  const shown = [...choices, ...(selected ?? []).filter((x) => !choices.includes(x))];
  function apply(label: string, update: (d: Deal) => Deal, next: readonly string[] | undefined): void {
    const refused = eligibleListProblem(next, what);
    setMessage(refused ?? edit(label, update));
  }
  return (
    <div
      className={`field eligible-list ${message ? 'field-invalid' : ''}`}
      data-testid={`eligible-${listKey}`}
    >
      <div className="eligible-title">
        <span className="muted">{title}</span>
        <label className="check" title={`Any ${what}, including ones added later`}>
          <input
            type="checkbox"
            checked={selected === undefined}
            data-testid={`eligible-${listKey}-any`}
            onChange={(e) =>
              apply(
                e.target.checked ? `any ${what} eligible` : `eligible ${what}s listed`,
                (d) => setEligibleList(d, listKey, e.target.checked ? undefined : choices),
                e.target.checked ? undefined : choices,
              )
            }
          />
          Any
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
                    `${labelOf(v)} ${want ? 'eligible' : 'not eligible'}`,
                    (d) => toggleEligible(d, listKey, v, want, choices),
                    next,
                  );
                }}
              />
              {labelOf(v)}
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

/** A select whose refused change is explained under it, like the text fields. */
function Choice({
  value,
  options,
  onChange,
  label,
  testId,
}: {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (v: string) => string | null;
  label: string;
  testId?: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const known = options.some((o) => o.value === value);
  return (
    <span className={`field ${message ? 'field-invalid' : ''}`}>
      <select
        value={value}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => setMessage(onChange(e.target.value))}
      >
        {known ? null : <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {message ? (
        <span className="field-message" role="alert">
          {message}
        </span>
      ) : null}
    </span>
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
  const shares = profileShares(r);
  const choicesOf = (key: LimitKey) =>
    key === 'product'
      ? PRODUCTS.map((p) => ({ value: p, label: PRODUCT_LABEL[p] }))
      : segments.map((s) => ({ value: s, label: s }));
  function change(i: number, next: ConcentrationLimit, label: string): string | null {
    return limitProblem(r, i, next) ?? edit(label, (d) => setConcentrationLimit(d, i, next));
  }
  return (
    <div>
      <div className="card-head">
        <h3>Concentration limits</h3>
        <select
          value=""
          aria-label="Add concentration limit"
          data-testid="add-limit"
          onChange={(e) => {
            const key = e.target.value;
            if (key === 'segment' || key === 'product')
              edit(`add ${key} concentration limit`, (d) => addConcentrationLimit(d, key));
          }}
        >
          <option value="">+ Add limit…</option>
          <option value="segment">On a segment</option>
          <option value="product">On a product</option>
        </select>
      </div>
      <table className="table" data-testid="limit-table">
        <thead>
          <tr>
            <th>On</th>
            <th>Group</th>
            <th className="num" title="Most of the pool the group may be after a purchase">
              Max of pool
            </th>
            <th className="num" title="The group's share of each purchase by the profile weights">
              Of profile
            </th>
            <th />
          </tr>
        </thead>
        <tbody>
          {r.concentrationLimits.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                No limits
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
                  <Choice
                    value={c.key}
                    label={`Limit ${i + 1} kind`}
                    options={[
                      { value: 'segment', label: 'Segment' },
                      { value: 'product', label: 'Product' },
                    ]}
                    onChange={(v) => {
                      const key: LimitKey = v === 'product' ? 'product' : 'segment';
                      const taken = new Set(
                        r.concentrationLimits.filter((x, j) => j !== i && x.key === key).map((x) => x.value),
                      );
                      const value = choicesOf(key).find((o) => !taken.has(o.value))?.value ?? '';
                      return change(i, { ...c, key, value }, `limit ${i + 1} on a ${key}`);
                    }}
                  />
                </td>
                <td>
                  <Choice
                    value={c.value}
                    label={`Limit ${i + 1} group`}
                    testId={`limit-${i}-value`}
                    options={choicesOf(c.key)}
                    onChange={(v) => change(i, { ...c, value: v }, `limit ${i + 1} on ${v}`)}
                  />
                </td>
                <td className="num">
                  <NumberField
                    kind="percent"
                    value={c.maxShare}
                    width={76}
                    suffix="%"
                    label={`Limit ${i + 1} max share`}
                    testId={`limit-${i}-maxShare`}
                    validate={(v) => limitProblem(r, i, { ...c, maxShare: v })}
                    onCommit={(v) => change(i, { ...c, maxShare: v }, `limit on ${c.value}`)}
                  />
                </td>
                <td className="num muted">{pct(ofProfile, 1)}</td>
                <td className="row-actions">
                  <button
                    className="icon"
                    title="Remove limit"
                    aria-label={`Remove limit on ${c.value}`}
                    data-testid={`remove-limit-${i}`}
                    onClick={() => edit(`remove limit on ${c.value}`, (d) => removeConcentrationLimit(d, i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deal.pool.kind === 'file' ? (
        <p className="muted small">Segments listed are the profile&rsquo;s; a loan-level pool has its own.</p>
      ) : null}
    </div>
  );
}

function ProfileTable({ r, edit }: { r: Revolving; edit: DealEdit }) {
  const shares = profileShares(r);
  const excluded = new Map(profileExclusions(r).map((x) => [x.id, x.reasons]));
  const single = r.profile.length === 1;
  function field<K extends 'rate' | 'monthlyFeeRate' | 'paymentRate' | 'originalTerm' | 'remainingTerm'>(
    i: number,
    line: RepLine,
    key: K,
    v: RepLine[K],
  ): string | null {
    return edit(`${line.id} ${key}`, (d) => setProfileField(d, i, key, v));
  }
  return (
    <div className="revolving-profile">
      <div className="card-head">
        <h3>Purchase profile</h3>
        <span className="muted small">
          What new receivables look like; each purchase is split among eligible lines by share.
        </span>
      </div>
      <table className="table" data-testid="profile-table">
        <thead>
          <tr>
            <th>Line</th>
            <th>Segment</th>
            <th>Product</th>
            <th className="num">Share</th>
            <th className="num">Rate (APR)</th>
            <th className="num">Fee / month</th>
            <th className="num">Orig. term</th>
            <th className="num">Rem. term</th>
            <th className="num">Payment rate</th>
            <th>Eligible</th>
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
                    label={`Profile line ${i + 1} id`}
                    testId={`profile-${i}-id`}
                    validate={(v) => profileIdProblem(r, i, v)}
                    onCommit={(v) =>
                      edit(`rename profile line ${l.id}`, (d) => setProfileField(d, i, 'id', v))
                    }
                  />
                </td>
                <td>
                  <TextField
                    value={l.segment}
                    width={96}
                    label={`Profile line ${l.id} segment`}
                    testId={`profile-${i}-segment`}
                    validate={(v) =>
                      v.trim() === '' ? 'Name a segment' : v.length > 64 ? 'At most 64 characters' : null
                    }
                    onCommit={(v) => edit(`${l.id} segment`, (d) => setProfileField(d, i, 'segment', v))}
                  />
                </td>
                <td>
                  <Choice
                    value={l.product}
                    label={`Profile line ${l.id} product`}
                    testId={`profile-${i}-product`}
                    options={PRODUCTS.map((p) => ({ value: p, label: PRODUCT_LABEL[p] }))}
                    onChange={(v) => {
                      const p = PRODUCTS.find((x) => x === v);
                      return p ? edit(`${l.id} product`, (d) => setProfileProduct(d, i, p)) : null;
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
                      label={`Profile line ${l.id} share`}
                      testId={`profile-${i}-share`}
                      validate={(v) => shareProblem(r, i, v)}
                      onCommit={(v) => edit(`${l.id} share`, (d) => setProfileShare(d, i, v))}
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
                      label={`Profile line ${l.id} rate`}
                      testId={`profile-${i}-rate`}
                      validate={(v) => (v < 0 || v > 1 ? 'An APR between 0% and 100%' : null)}
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
                      label={`Profile line ${l.id} monthly fee`}
                      testId={`profile-${i}-monthlyFeeRate`}
                      validate={(v) =>
                        v < 0 || v > 0.1 ? 'A monthly fee on original principal, 0% to 10%' : null
                      }
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
                    label={`Profile line ${l.id} original term`}
                    testId={`profile-${i}-originalTerm`}
                    validate={(v) => termProblem(l, 'originalTerm', v)}
                    onCommit={(v) => field(i, l, 'originalTerm', v)}
                  />
                </td>
                <td className="num">
                  <NumberField
                    kind="int"
                    value={l.remainingTerm}
                    width={56}
                    label={`Profile line ${l.id} remaining term`}
                    testId={`profile-${i}-remainingTerm`}
                    validate={(v) => termProblem(l, 'remainingTerm', v)}
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
                      label={`Profile line ${l.id} payment rate`}
                      testId={`profile-${i}-paymentRate`}
                      validate={(v) =>
                        v <= 0 || v > 1 ? 'A monthly payment rate above 0% and at most 100%' : null
                      }
                      onCommit={(v) => field(i, l, 'paymentRate', v)}
                    />
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td className="wrap">
                  {why ? (
                    <span className="revolving-excluded" data-testid={`profile-${i}-excluded`}>
                      No: {why.join('; ')}
                    </span>
                  ) : (
                    <span className="muted">Yes</span>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    className="icon"
                    title={single ? 'A revolving period needs at least one profile line' : 'Remove line'}
                    aria-label={`Remove profile line ${l.id}`}
                    data-testid={`remove-profile-${i}`}
                    disabled={single}
                    onClick={() => edit(`remove profile line ${l.id}`, (d) => removeProfileLine(d, i))}
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
              <button data-testid="add-profile-line" onClick={() => edit('add profile line', addProfileLine)}>
                + Add line
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
  );
}
