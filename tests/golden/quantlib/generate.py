#!/usr/bin/env python3
"""QuantLib reference figures for curve pricing, Z-spread, bond yield and accrued (tests/golden/curve.test.ts).

Regenerate (QuantLib's Python package is not on CI; the fixture it writes is committed):

    /usr/bin/python3 tests/golden/quantlib/generate.py > tests/golden/quantlib/curve-pricing.json

Written with QuantLib 1.29. Every number the test checks comes from QuantLib here; the inputs (pillars, flows,
prices) are chosen by hand. Fixed cash flows are priced off
- a ZeroCurve (zero rates annually compounded, ACT/365F, Linear interpolation; QuantLib converts the rates to
  continuous before interpolating, which is our `linearZero`), and
- a DiscountCurve on the same pillars' discount factors (LogLinear: our `logLinearDiscount`),
then the Z-spread for a value is found with CashFlows.zSpread (spread added to the zero rate in the stated
compounding: QuantLib's ZeroSpreadedTermStructure), with and without an npv date after the curve date.
A fixed-rate bond on 30/360 (bond basis), semiannual, settling mid-period gives the bond-equivalent yield at a clean
price and the accrued interest, against core/analytics/yield.ts and accrued.ts.
"""
import json

import QuantLib as ql

REF = ql.Date(15, ql.March, 2024)
ql.Settings.instance().evaluationDate = REF
DC = ql.Actual365Fixed()
CAL = ql.NullCalendar()

# Pillars: months from the curve date, zero rate annually compounded.
PILLARS = [(3, 0.0172), (6, 0.0178), (12, 0.0185), (24, 0.0196), (36, 0.0209), (60, 0.0224), (84, 0.0233)]

# A class's amortising flows (monthly, uneven), all inside the pillars.
FLOWS = []
balance = 1_000_000.0
for m in range(1, 40):
    principal = round(min(balance, 18_000.0 + 700.0 * (m % 5)), 2)
    interest = round(balance * 0.035 / 12, 2)
    balance = round(balance - principal, 2)
    FLOWS.append((REF + ql.Period(m, ql.Months) + ql.Period(2, ql.Days), interest + principal))
FLOWS.append((REF + ql.Period(40, ql.Months) + ql.Period(2, ql.Days), round(balance * (1 + 0.035 / 12), 2)))

COMPOUNDINGS = {
    'continuous': (ql.Continuous, ql.NoFrequency),
    'annual': (ql.Compounded, ql.Annual),
    'semiannual': (ql.Compounded, ql.Semiannual),
}


def iso(d):
    return '%04d-%02d-%02d' % (d.year(), d.month(), d.dayOfMonth())


def leg():
    return ql.Leg([ql.SimpleCashFlow(a, d) for d, a in FLOWS])


def curves():
    dates = [REF] + [REF + ql.Period(m, ql.Months) for m, _ in PILLARS]
    rates = [PILLARS[0][1]] + [r for _, r in PILLARS]
    zero = ql.ZeroCurve(dates, rates, DC, CAL, ql.Linear(), ql.Compounded, ql.Annual)
    zero.enableExtrapolation()
    dfs = [1.0] + [zero.discount(d) for d in dates[1:]]
    disc = ql.DiscountCurve(dates, dfs, DC)
    disc.enableExtrapolation()
    return {'linearZero': zero, 'logLinearDiscount': disc}


def case(name, curve):
    h = ql.YieldTermStructureHandle(curve)
    out = {'interpolation': name, 'npv': [], 'zSpread': [], 'discount': []}
    for m in (1, 3, 7, 18, 30, 41, 60, 84):
        d = REF + ql.Period(m, ql.Months) + ql.Period(5, ql.Days)
        out['discount'].append({'date': iso(d), 'df': curve.discount(d)})
    for settle in (REF, REF + ql.Period(23, ql.Days)):
        for comp_name, (comp, freq) in COMPOUNDINGS.items():
            for spread in (0.0, 0.0125, -0.004):
                spreaded = ql.ZeroSpreadedTermStructure(h, ql.QuoteHandle(ql.SimpleQuote(spread)), comp, freq)
                npv = ql.CashFlows.npv(leg(), ql.YieldTermStructureHandle(spreaded), False, settle, settle)
                out['npv'].append({'settlement': iso(settle), 'compounding': comp_name, 'spread': spread, 'npv': npv})
            for value in (1_000_000.0, 985_000.0, 1_012_345.67):
                z = ql.CashFlows.zSpread(leg(), value, curve, DC, comp, freq, False, settle, settle, 1e-14, 1000, 0.0)
                out['zSpread'].append({'settlement': iso(settle), 'compounding': comp_name, 'value': value, 'spread': z})
    return out


def bond():
    issue = ql.Date(15, ql.January, 2024)
    maturity = ql.Date(15, ql.January, 2029)
    settle = ql.Date(20, ql.April, 2024)
    sched = ql.Schedule(issue, maturity, ql.Period(ql.Semiannual), CAL, ql.Unadjusted, ql.Unadjusted,
                        ql.DateGeneration.Backward, False)
    dc = ql.Thirty360(ql.Thirty360.BondBasis)
    b = ql.FixedRateBond(0, 100.0, sched, [0.045], dc)
    out = {'issue': iso(issue), 'maturity': iso(maturity), 'settlement': iso(settle), 'coupon': 0.045,
           'frequency': 2, 'dayCount': '30/360', 'accrued': b.accruedAmount(settle), 'prices': []}
    for clean in (97.5, 100.0, 101.25):
        y = ql.BondFunctions.bondYield(b, clean, dc, ql.Compounded,
                                       ql.Semiannual, settle, 1e-14, 1000)
        out['prices'].append({'clean': clean, 'yield': y})
    out['flows'] = [{'date': iso(c.date()), 'amount': c.amount()} for c in b.cashflows()]
    return out


def main():
    fixture = {
        'generator': 'tests/golden/quantlib/generate.py',
        'quantlib': ql.__version__,
        'asOf': iso(REF),
        'dayCount': 'ACT/365F',
        'pillars': [{'months': m, 'rate': r} for m, r in PILLARS],
        'pillarCompounding': 'annual',
        'flows': [{'date': iso(d), 'amount': a} for d, a in FLOWS],
        'curves': [case(n, c) for n, c in curves().items()],
        'bond': bond(),
    }
    print(json.dumps(fixture, indent=1))


main()
