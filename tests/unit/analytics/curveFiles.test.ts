import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCurve, CurveFile, discountFactor, curveTime, tenorMonths } from '../../../core/analytics/curve';
import { curveJsonSchema } from '../../../core/analytics/curveJsonSchema';
import { loadCurveFile } from '../../../core/node/curveFile';
import { addMonths } from '../../../core/time/isoDate';

const DIR = fileURLToPath(new URL('../../../samples/curves/', import.meta.url));
const SCHEMA = `${DIR}curve.schema.json`;

describe('samples/curves', () => {
  // Regenerate after a schema change with: UPDATE_CURVE_SCHEMA=1 npx vitest run tests/unit/analytics/curveFiles.test.ts
  it('curve.schema.json is the JSON Schema generated from core/analytics/curve.ts', () => {
    const current = curveJsonSchema();
    if (process.env.UPDATE_CURVE_SCHEMA === '1')
      writeFileSync(SCHEMA, JSON.stringify(current, null, 2) + '\n');
    const committed: unknown = JSON.parse(readFileSync(SCHEMA, 'utf8'));
    expect(committed, 'stale: rerun with UPDATE_CURVE_SCHEMA=1').toEqual(current);
  });

  const samples = readdirSync(DIR).filter((f) => f.endsWith('.curve.json'));
  it('has a CNY government and a US Treasury curve, each citing a public source (an address, not a path)', () => {
    expect(samples.sort()).toEqual([
      'cny-government-2024-03-18.curve.json',
      'us-treasury-2023-09-01.curve.json',
    ]);
  });

  for (const name of samples) {
    it(`${name}: every par pillar reprices to par on the bootstrapped curve`, () => {
      const file = CurveFile.parse(JSON.parse(readFileSync(DIR + name, 'utf8')));
      expect(file.source?.url).toMatch(/^https?:\/\//);
      const curve = buildCurve(file);
      const periodMonths = file.compounding === 'annual' ? 12 : 6;
      for (const p of file.pillars) {
        const months = tenorMonths(p.tenor);
        const t = (m: number) => curveTime(curve, addMonths(file.asOf, m));
        let pv: number;
        if (months <= periodMonths) pv = discountFactor(curve, t(months)) * (1 + p.rate * t(months));
        else {
          pv = discountFactor(curve, t(months));
          for (let m = months; m > 0; m -= periodMonths)
            pv += ((p.rate * periodMonths) / 12) * discountFactor(curve, t(m));
        }
        expect(pv).toBeCloseTo(1, 12);
      }
    });
  }

  it('a bad curve file names the file and the field', async () => {
    await expect(loadCurveFile(`${DIR}curve.schema.json`)).rejects.toThrow(
      /curve\.schema\.json: .*(asOf|quote|name)/,
    );
  });
});
