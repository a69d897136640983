package org.trialstream.statistics.survival;

/**
 * The two special functions the log-rank p-value needs, to double precision and with no library:
 * erfc(x) = Q(1/2, x&sup2;), the regularised upper incomplete gamma function, computed by its power series for
 * x&sup2; &lt; 1.5 and by its continued fraction (modified Lentz) beyond (Numerical Recipes, 3rd ed., &sect;6.2).
 * The chi-square upper tail with 1 degree of freedom is erfc(sqrt(x/2)).
 */
public final class Distributions {

    private static final double LOG_GAMMA_HALF = 0.5 * Math.log(Math.PI);
    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 500;

    private Distributions() {
    }

    /** Complementary error function, relative error about 1e-15. */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        double squared = x * x;
        return squared < 1.5 ? 1.0 - lowerRegularisedGammaHalf(squared) : upperRegularisedGammaHalf(squared);
    }

    /** P(X &ge; chiSquare) for X chi-square with 1 degree of freedom. */
    public static double chiSquareUpperTailOneDf(double chiSquare) {
        if (chiSquare < 0 || Double.isNaN(chiSquare)) {
            throw new IllegalArgumentException("a chi-square statistic cannot be " + chiSquare);
        }
        return erfc(Math.sqrt(chiSquare / 2.0));
    }

    /** P(1/2, x) by its series: e^-x x^a / &Gamma;(a+1) &middot; &Sigma; x^n / ((a+1)...(a+n)). */
    private static double lowerRegularisedGammaHalf(double x) {
        if (x == 0) {
            return 0.0;
        }
        double a = 0.5;
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF);
    }

    /** Q(1/2, x) by its continued fraction, evaluated with the modified Lentz method. */
    private static double upperRegularisedGammaHalf(double x) {
        double a = 0.5;
        double b = x + 1.0 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - LOG_GAMMA_HALF) * h;
    }
}
