/** Structure: the deal's fees — name, basis, amount or rate, cap, carry-forward — each validated in place. */
import type { Fee } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField, TextField } from '../../components/Field';
import { money } from '../../format';
import { poolBalance } from '../../project/dealEdit';
import {
  addFee,
  FEE_BASIS_LABEL,
  feeValueProblem,
  firstPeriodFee,
  removeFee,
  setFeeBasisType,
  setFeeCap,
  setFeeCarry,
  setFeeName,
  setFeeValue,
  type FeeBasisType,
} from '../../project/feeEdit';
import { useDealEditor } from '../useDealEditor';

/** One select for the basis and, for a class fee, the class: "percentOfTranche:B". */
function basisKey(b: Fee['basis']): string {
  return b.type === 'percentOfTranche' ? `percentOfTranche:${b.tranche}` : b.type;
}

export function FeesCard() {
  const { state } = useApp();
  const edit = useDealEditor();
  const doc = state.history.present;
  const deal = doc.deal;
  const fees = deal.structure.fees;
  const pool = poolBalance(deal, doc.pool?.loans ?? null);

  return (
    <section className="card">
      <div className="card-head">
        <h2>Fees</h2>
        <select
          value=""
          aria-label="Add fee"
          data-testid="add-fee"
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'fixed' || kind === 'percentOfPool') edit('add fee', (d) => addFee(d, kind));
          }}
        >
          <option value="">+ Add fee…</option>
          <option value="fixed">Fixed amount per period</option>
          <option value="percentOfPool">% of pool a year</option>
        </select>
      </div>
      <table className="table fees" data-testid="fees">
        <thead>
          <tr>
            <th>Fee</th>
            <th title="Percentages are a year, charged monthly on the balance at the start of the period">
              Basis
            </th>
            <th className="num">Amount / rate</th>
            <th className="num" title="Most paid in one period; the part above it is not carried">
              Cap / period
            </th>
            <th title="Unpaid fee is carried to the next period">Carry</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fees.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                No fees
              </td>
            </tr>
          ) : null}
          {fees.map((f) => (
            <tr key={f.id} title={`Period 1 charge before any cap: ${money(firstPeriodFee(deal, f, pool))}`}>
              <td>
                <TextField
                  value={f.name ?? ''}
                  label={`Fee ${f.id} name`}
                  width={136}
                  validate={(v) => (v.trim().length > 64 ? 'At most 64 characters' : null)}
                  onCommit={(v) => edit(`fee ${f.id} name`, (d) => setFeeName(d, f.id, v))}
                />
              </td>
              <td>
                <select
                  value={basisKey(f.basis)}
                  aria-label={`Fee ${f.id} basis`}
                  data-testid={`fee-basis-${f.id}`}
                  onChange={(e) => {
                    const [type, tranche] = e.target.value.split(':') as [FeeBasisType, string?];
                    edit(`fee ${f.id} basis`, (d) => setFeeBasisType(d, f.id, type, pool, tranche));
                  }}
                >
                  <option value="fixed">{FEE_BASIS_LABEL.fixed}</option>
                  <option value="percentOfPool">{FEE_BASIS_LABEL.percentOfPool}</option>
                  {deal.structure.tranches.map((t) => (
                    <option key={t.id} value={`percentOfTranche:${t.id}`}>
                      % of class {t.id}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num">
                <NumberField
                  kind={f.basis.type === 'fixed' ? 'money' : 'percent'}
                  value={f.basis.type === 'fixed' ? f.basis.amount : f.basis.rate}
                  label={`Fee ${f.id}`}
                  testId={`fee-value-${f.id}`}
                  width={92}
                  suffix={f.basis.type === 'fixed' ? undefined : '%'}
                  validate={(v) => feeValueProblem(f, v)}
                  onCommit={(v) => edit(`fee ${f.id}`, (d) => setFeeValue(d, f.id, v))}
                />
              </td>
              <td className="num">
                <NumberField
                  kind="money"
                  value={f.capPerPeriod}
                  label={`Fee ${f.id} cap per period`}
                  width={84}
                  validate={(v) => (v < 0 ? 'A cap cannot be negative' : null)}
                  onCommit={(v) => edit(`fee ${f.id} cap`, (d) => setFeeCap(d, f.id, v))}
                  onClear={() => edit(`fee ${f.id} no cap`, (d) => setFeeCap(d, f.id, undefined))}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={f.carryUnpaid}
                  aria-label={`Fee ${f.id} carries unpaid`}
                  onChange={(e) => edit(`fee ${f.id} carry`, (d) => setFeeCarry(d, f.id, e.target.checked))}
                />
              </td>
              <td className="row-actions">
                <button
                  className="icon"
                  title="Remove fee and its waterfall steps"
                  onClick={() => edit(`remove fee ${f.id}`, (d) => removeFee(d, f.id))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Rates are a year, on the balance at the start of each period; an empty cap means none. Hover a fee for
        what it charges in period 1.
      </p>
    </section>
  );
}
