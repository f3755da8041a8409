/** One headline figure in a `kpi-row`: a small label over a large value, green or red when it passes or fails. */
export function Kpi({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: 'ok' | 'bad' | undefined;
  testId?: string;
}) {
  return (
    <div className="kpi">
      <div className="kpi-label">{label}</div>
      <div className={tone ? `kpi-value ${tone}` : 'kpi-value'} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
