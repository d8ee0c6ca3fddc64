package org.stimtrial.analysis.sequential;

/**
 * An alpha spending function: the type I error spent by information fraction {@code t} (0 to 1) of a design with
 * total error {@code alpha}; {@code spent(alpha, 0) = 0}, {@code spent(alpha, 1) = alpha}, non-decreasing.
 */
public interface SpendingFunction {
    double spent(double alpha, double t);

    String name();

    /**
     * Lan and DeMets' O'Brien-Fleming-type function, {@code 2 - 2 Phi(z_{1-alpha/2} / sqrt(t))}: almost nothing early,
     * nearly the whole alpha at the end.
     */
    static SpendingFunction obrienFlemingType() {
        return new SpendingFunction() {
            @Override
            public double spent(double alpha, double t) {
                if (t <= 0) {
                    return 0;
                }
                double z = Normal.upperQuantile(alpha / 2);
                return Math.min(alpha, 2 * Normal.upperTail(z / Math.sqrt(Math.min(t, 1))));
            }

            @Override
            public String name() {
                return "Lan-DeMets O'Brien-Fleming type";
            }
        };
    }

    /** Lan and DeMets' Pocock-type function, {@code alpha ln(1 + (e - 1) t)}: spends evenly over the looks. */
    static SpendingFunction pocockType() {
        return new SpendingFunction() {
            @Override
            public double spent(double alpha, double t) {
                return t <= 0 ? 0 : alpha * Math.log(1 + (Math.E - 1) * Math.min(t, 1));
            }

            @Override
            public String name() {
                return "Lan-DeMets Pocock type";
            }
        };
    }

    /** Kim and DeMets' power family, {@code alpha t^rho} (rho 3 is close to O'Brien-Fleming, 1 to Pocock). */
    static SpendingFunction power(double rho) {
        if (!(rho > 0)) {
            throw new IllegalArgumentException("the power of the spending function must be positive: " + rho);
        }
        return new SpendingFunction() {
            @Override
            public double spent(double alpha, double t) {
                return t <= 0 ? 0 : alpha * Math.pow(Math.min(t, 1), rho);
            }

            @Override
            public String name() {
                return "power family, rho = " + rho;
            }
        };
    }
}
