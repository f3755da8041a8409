/** Results, Triggers tab: the trigger events of the run beside the annualised excess spread. */
import type { Deal } from '../../../core/deal/schema';
import type { RunResult } from '../../../core/result';
import { ExcessSpreadChart } from './ExcessSpreadChart';
import { TriggerEventsCard } from './TriggerEventsCard';

export function TriggersTab({ r, deal }: { r: RunResult; deal: Deal }) {
  return (
    <div className="two-col">
      <TriggerEventsCard r={r} deal={deal} />
      <ExcessSpreadChart r={r} />
    </div>
  );
}
