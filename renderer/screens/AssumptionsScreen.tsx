/** Assumptions: scenarios side by side. */
import { useApp } from '../AppContext';

export function AssumptionsScreen() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Assumptions</h1>
      </div>
      <p>{deal.scenarios.map((s) => s.name).join(', ')}</p>
    </div>
  );
}
