#!/usr/bin/env python3
"""Reference values for the PK engine (src/pk), computed independently of the Rust code.

Writes data/pk_reference.json with three parts:

* closed_form: two-compartment model with constant clearance, zero-order IV infusions.
  Concentrations from the textbook closed form (superposition of biexponential infusion
  terms), evaluated with mpmath at 40 significant digits; AUC over the last dosing interval
  by mpmath quadrature of the same closed form. The Rust engine must match to 1e-9 relative.
* ode: the same model with time-varying clearance
      CL(t) = CL0 * exp(ln(CLss/CL0) * t^h / (T50^h + t^h)),
  integrated with scipy's DOP853 at rtol 1e-12, breaking at every infusion start and stop.
  Each case is also integrated at rtol 1e-10 and the largest relative difference is stored
  as `estimated_relative_error` (it must be far below the 1e-4 the Rust engine is held to).
* calibration: the two default-model calibrations, solved here by root finding (brentq)
  rather than by the algebraic inversion the Rust code uses:
    - V2 such that the terminal half-life at CLss is 9.85 days (seed 000, Pharmacokinetics);
    - T50 such that, at 20 mg/kg every 3 weeks (1-h infusions), the pre-dose trough just
      before the dose on day 105 (end of week 15) is 90 % of the steady-state trough, the
      steady-state trough being the limit of the pre-dose trough for infinitely many doses
      with clearance fixed at CLss (closed form, geometric series).

Usage: python3 scripts/pk_reference.py   (needs numpy, scipy, mpmath; pip install --user scipy mpmath)
"""

import json
import math
import os
import platform
import sys

import mpmath
import numpy as np
import scipy
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

mpmath.mp.dps = 40

# Default-model inputs, as in data/pk_defaults.json (sources there).
CL0 = 0.461  # L/day, seed 000
CLSS = 0.334  # L/day, seed 000
V1 = 3.48  # L, pembrolizumab popPK (Ahamadi 2017)
Q = 0.795  # L/day, pembrolizumab popPK (Ahamadi 2017)
HILL = 3.15  # nivolumab time-varying CL (Bajaj 2017)
TERMINAL_HALF_LIFE_DAYS = 9.85  # seed 000
STEADY_STATE_DAY = 105.0  # end of week 15, seed 000
TROUGH_FRACTION = 0.9


# ---------------------------------------------------------------- closed form (mpmath)
def macro_constants(cl, v1, v2, q):
    """alpha, beta (1/day) and the unit-impulse coefficients A, B of C1 (times 1/V1)."""
    cl, v1, v2, q = (mpmath.mpf(x) for x in (cl, v1, v2, q))
    k10, k12, k21 = cl / v1, q / v1, q / v2
    s = k10 + k12 + k21
    root = mpmath.sqrt(s * s - 4 * k10 * k21)
    alpha = (s + root) / 2
    beta = (s - root) / 2
    a = (alpha - k21) / (alpha - beta)
    b = (k21 - beta) / (alpha - beta)
    return alpha, beta, a, b


def conc_closed_form(t, cl, v1, v2, q, dose_mg, tau, doses, tinf_days):
    """C(t) in mg/L by superposition of the infusion terms of every dose given before t."""
    alpha, beta, a, b = macro_constants(cl, v1, v2, q)
    t = mpmath.mpf(t)
    rate = mpmath.mpf(dose_mg) / mpmath.mpf(tinf_days)
    total = mpmath.mpf(0)
    for k in range(doses):
        start = k * mpmath.mpf(tau)
        if t <= start:
            break
        since = t - start
        on = min(since, mpmath.mpf(tinf_days))
        off = max(mpmath.mpf(0), since - mpmath.mpf(tinf_days))
        for coef, lam in ((a, alpha), (b, beta)):
            total += coef / lam * (1 - mpmath.exp(-lam * on)) * mpmath.exp(-lam * off)
    return rate / mpmath.mpf(v1) * total


def steady_state_trough(cl, v1, v2, q, dose_mg, tau, tinf_days):
    """Pre-dose trough for infinitely many doses (geometric series of each exponential)."""
    alpha, beta, a, b = macro_constants(cl, v1, v2, q)
    rate = mpmath.mpf(dose_mg) / mpmath.mpf(tinf_days)
    tau, tinf = mpmath.mpf(tau), mpmath.mpf(tinf_days)
    total = mpmath.mpf(0)
    for coef, lam in ((a, alpha), (b, beta)):
        total += (coef / lam * (1 - mpmath.exp(-lam * tinf)) * mpmath.exp(-lam * (tau - tinf))
                  / (1 - mpmath.exp(-lam * tau)))
    return rate / mpmath.mpf(v1) * total


def terminal_half_life(cl, v1, v2, q):
    _, beta, _, _ = macro_constants(cl, v1, v2, q)
    return mpmath.log(2) / beta


# ---------------------------------------------------------------- ODE (scipy)
def clearance(t, cl0, clss, t50, hill):
    if t <= 0.0:
        return cl0
    frac = t**hill / (t50**hill + t**hill)
    return cl0 * math.exp(math.log(clss / cl0) * frac)


def integrate(model, regimen, times, rtol):
    """Concentrations at `times`, pre-dose troughs and AUC over the last interval."""
    cl0, clss, t50, hill, v1, v2, q = (model[k] for k in ("cl0", "clss", "t50", "hill", "v1", "v2", "q"))
    dose, tau, n, tinf = (regimen[k] for k in ("dose_mg", "interval_days", "doses", "infusion_hours"))
    tinf = tinf / 24.0
    rate = dose / tinf
    end = n * tau
    t_last = (n - 1) * tau
    breaks = sorted(set([k * tau for k in range(n)] + [k * tau + tinf for k in range(n)]
                        + [end, t_last]))
    # state: A1, A2, integral of C from t_last
    state = np.array([0.0, 0.0, 0.0])
    out = {}
    wanted = sorted(set(times) | {k * tau for k in range(1, n + 1)})
    for lo, hi in zip(breaks[:-1], breaks[1:]):
        infusing = any(k * tau <= lo < k * tau + tinf for k in range(n))
        r = rate if infusing else 0.0
        count_auc = lo >= t_last - 1e-12

        def rhs(t, y, r=r, count_auc=count_auc):
            cl = clearance(t, cl0, clss, t50, hill)
            a1, a2 = y[0], y[1]
            return [r - (cl + q) / v1 * a1 + q / v2 * a2,
                    q / v1 * a1 - q / v2 * a2,
                    a1 / v1 if count_auc else 0.0]

        inside = [t for t in wanted if lo < t <= hi]
        sol = solve_ivp(rhs, (lo, hi), state, method="DOP853", rtol=rtol,
                        atol=rtol * 1e-3, t_eval=inside if inside else None, dense_output=False)
        if not sol.success:
            raise RuntimeError(sol.message)
        for t, a1 in zip(sol.t, sol.y[0]):
            out[float(t)] = a1 / v1
        state = sol.y[:, -1]
    conc = [out[t] if t > 0 else 0.0 for t in times]
    troughs = [out[k * tau] for k in range(1, n + 1)]
    return conc, troughs, float(state[2])


def rel_diff(a, b):
    return max(abs(x - y) / max(abs(y), 1e-300) for x, y in zip(a, b))


# ---------------------------------------------------------------- calibrations
def calibrate_v2():
    target = TERMINAL_HALF_LIFE_DAYS
    f = lambda v2: float(terminal_half_life(CLSS, V1, v2, Q)) - target
    return brentq(f, 1e-3, 1e3, xtol=1e-15, rtol=1e-15)


def trough_ratio_week15(t50, v2):
    dose = 20.0 * 70.0
    tau = 21.0
    model = dict(cl0=CL0, clss=CLSS, t50=t50, hill=HILL, v1=V1, v2=v2, q=Q)
    regimen = dict(dose_mg=dose, interval_days=tau, doses=5, infusion_hours=1.0)
    _, troughs, _ = integrate(model, regimen, [], 1e-12)
    # five doses: the fifth trough is the pre-dose value on day 105
    ss = float(steady_state_trough(CLSS, V1, v2, Q, dose, tau, 1.0 / 24.0))
    return troughs[-1] / ss


def calibrate_t50(v2):
    return brentq(lambda t50: trough_ratio_week15(t50, v2) - TROUGH_FRACTION, 1.0, 500.0,
                  xtol=1e-9, rtol=1e-12)


# ---------------------------------------------------------------- cases
def times_for(regimen, step):
    tau, n, tinf = regimen["interval_days"], regimen["doses"], regimen["infusion_hours"] / 24.0
    end = n * tau
    ts = set()
    k = 1
    while k * step < end:
        ts.add(round(k * step, 10))
        k += 1
    for d in range(n):
        ts.add(d * tau + tinf)  # end of infusion
        ts.add(d * tau + tinf / 2)  # inside the infusion
        if d > 0:
            ts.add(d * tau)  # pre-dose
    ts.add(end)
    return sorted(ts)


def closed_form_case(name, p, regimen, step):
    times = times_for(regimen, step)
    args = (p["cl"], p["v1"], p["v2"], p["q"], regimen["dose_mg"], regimen["interval_days"],
            regimen["doses"], regimen["infusion_hours"] / 24.0)
    conc = [conc_closed_form(t, *args) for t in times]
    tau, n, tinf = regimen["interval_days"], regimen["doses"], regimen["infusion_hours"] / 24.0
    t_last = (n - 1) * tau
    f = lambda t: conc_closed_form(t, *args)
    auc = mpmath.quad(f, [t_last, t_last + tinf, t_last + tau])
    troughs = [f(k * tau) for k in range(1, n + 1)]
    return {
        "name": name,
        "model": p,
        "regimen": regimen,
        "times_days": times,
        "conc_ug_per_ml": [float(c) for c in conc],
        "troughs_ug_per_ml": [float(c) for c in troughs],
        "auc_last_interval_ug_day_per_ml": float(auc),
    }


def ode_case(name, model, regimen, step):
    times = times_for(regimen, step)
    conc, troughs, auc = integrate(model, regimen, times, 1e-12)
    conc2, troughs2, auc2 = integrate(model, regimen, times, 1e-10)
    err = max(rel_diff(conc2, conc), rel_diff(troughs2, troughs), abs(auc2 - auc) / auc)
    return {
        "name": name,
        "model": model,
        "regimen": regimen,
        "times_days": times,
        "conc_ug_per_ml": conc,
        "troughs_ug_per_ml": troughs,
        "auc_last_interval_ug_day_per_ml": auc,
        "estimated_relative_error": err,
    }


def main():
    v2 = calibrate_v2()
    half_life_cl0 = float(terminal_half_life(CL0, V1, v2, Q))
    t50 = calibrate_t50(v2)
    print(f"V2 = {v2:.10f} L, half-life at CL0 = {half_life_cl0:.6f} d, T50 = {t50:.8f} d",
          file=sys.stderr)

    default_v2 = v2
    closed = [
        closed_form_case("constant CLss, default volumes, 1400 mg q21d x17, 1 h",
                         dict(cl=CLSS, v1=V1, v2=default_v2, q=Q),
                         dict(dose_mg=1400.0, interval_days=21.0, doses=17, infusion_hours=1.0), 1.7),
        closed_form_case("constant 0.461 L/day, other volumes, 700 mg q14d x10, 0.5 h",
                         dict(cl=0.461, v1=2.9, v2=4.1, q=0.35),
                         dict(dose_mg=700.0, interval_days=14.0, doses=10, infusion_hours=0.5), 1.3),
        closed_form_case("fast kinetics, 100 mg q1d x7, 2 h",
                         dict(cl=5.0, v1=10.0, v2=30.0, q=20.0),
                         dict(dose_mg=100.0, interval_days=1.0, doses=7, infusion_hours=2.0), 0.07),
    ]
    ode = [
        ode_case("default model (script calibration), 1400 mg q21d x17, 1 h",
                 dict(cl0=CL0, clss=CLSS, t50=t50, hill=HILL, v1=V1, v2=v2, q=Q),
                 dict(dose_mg=1400.0, interval_days=21.0, doses=17, infusion_hours=1.0), 1.7),
        ode_case("T50 20 d, h 1.5, 700 mg q14d x26, 1 h",
                 dict(cl0=0.461, clss=0.334, t50=20.0, hill=1.5, v1=3.48, v2=1.14, q=0.795),
                 dict(dose_mg=700.0, interval_days=14.0, doses=26, infusion_hours=1.0), 1.3),
        ode_case("rising clearance, sharp change (h 8), 500 mg q7d x12, 3 h",
                 dict(cl0=0.3, clss=0.6, t50=10.0, hill=8.0, v1=4.0, v2=2.5, q=0.5),
                 dict(dose_mg=500.0, interval_days=7.0, doses=12, infusion_hours=3.0), 0.45),
    ]
    doc = {
        "generator": "scripts/pk_reference.py",
        "versions": {"python": platform.python_version(), "numpy": np.__version__,
                     "scipy": scipy.__version__, "mpmath": mpmath.__version__},
        "units": {"time": "days", "conc": "ug/mL (= mg/L)", "auc": "ug*day/mL",
                  "clearance": "L/day", "volume": "L", "infusion": "hours"},
        "calibration": {
            "v2_l": v2,
            "half_life_at_clss_days": float(terminal_half_life(CLSS, V1, v2, Q)),
            "half_life_at_cl0_days": half_life_cl0,
            "t50_days": t50,
            "trough_ratio_day_105": trough_ratio_week15(t50, v2),
            "criterion": "pre-dose trough just before the dose on day 105 (20 mg/kg x 70 kg q21d, "
                         "1-h infusions) / steady-state trough at CLss = 0.9",
        },
        "closed_form": closed,
        "ode": ode,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "pk_reference.json")
    with open(path, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(f"wrote {os.path.normpath(path)}; ODE error estimates: "
          + ", ".join(f"{c['estimated_relative_error']:.1e}" for c in ode), file=sys.stderr)


if __name__ == "__main__":
    main()
