/** Pool: rep lines of the deal, or an imported loan tape with its grid and stratification. */
import { useApp } from '../AppContext';
import { money, pct } from '../format';

export function PoolScreen() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Pool</h1>
      </div>
      <section className="card">
        <div className="card-head">
          <h2>Rep lines</h2>
        </div>
        {deal.pool.kind === 'repLines' ? (
          <table className="table">
            <thead>
              <tr>
                <th>Line</th>
                <th>Segment</th>
                <th>Product</th>
                <th className="num">Balance</th>
                <th className="num">Rate</th>
                <th className="num">Orig. term</th>
                <th className="num">Rem. term</th>
              </tr>
            </thead>
            <tbody>
              {deal.pool.lines.map((l) => (
                <tr key={l.id}>
                  <td>{l.id}</td>
                  <td>{l.segment}</td>
                  <td>{l.product}</td>
                  <td className="num">{money(l.balance)}</td>
                  <td className="num">{pct(l.rate)}</td>
                  <td className="num">{l.originalTerm}</td>
                  <td className="num">{l.remainingTerm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Loan file: {deal.pool.path}</p>
        )}
      </section>
    </div>
  );
}
