/**
 * Discount curves the Pricing tab offers: the bundled samples (samples/curves, included at build time), plus one the
 * user loads from a file (read in the page, never by path).
 */
import { CurveFile } from '../../core/analytics/curve';

const bundled = import.meta.glob<unknown>('../../samples/curves/*.curve.json', {
  eager: true,
  import: 'default',
});

export interface SampleCurve {
  key: string;
  file: CurveFile;
}

export function sampleCurves(): SampleCurve[] {
  const out: SampleCurve[] = [];
  for (const [path, json] of Object.entries(bundled)) {
    const parsed = CurveFile.safeParse(json);
    if (parsed.success)
      out.push({ key: path.replace(/^.*\//, '').replace(/\.curve\.json$/, ''), file: parsed.data });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** A curve file's text checked against the schema: the curve, or the first problem as "field: reason". */
export function parseCurveText(text: string): { file: CurveFile } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: e instanceof Error ? e.message : String(e) };
  }
  const parsed = CurveFile.safeParse(json);
  if (parsed.success) return { file: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid' };
}
