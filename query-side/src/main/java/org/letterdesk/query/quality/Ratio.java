package org.letterdesk.query.quality;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction. Figures are rounded once, at the end, from exact values, so a published number never
 * depends on rounding its parts first (a score of exactly 85.25 rounds to 85.3, not to whatever 0.1 + 0.2 makes).
 */
record Ratio(BigInteger numerator, BigInteger denominator) {

    Ratio {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    /** {@code numerator / denominator}, or null when nothing was counted (0/0 is no information, not 0 % or 100 %). */
    static Ratio of(long numerator, long denominator) {
        return denominator == 0 ? null : new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    static Ratio of(BigDecimal numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        BigDecimal scaled = numerator.movePointRight(Math.max(0, numerator.scale()));
        return new Ratio(scaled.toBigIntegerExact(),
                BigInteger.valueOf(denominator).multiply(BigInteger.TEN.pow(Math.max(0, numerator.scale()))));
    }

    /** 1 − this, floored at 0. */
    Ratio complement() {
        BigInteger rest = denominator.subtract(numerator);
        return new Ratio(rest.signum() < 0 ? BigInteger.ZERO : rest, denominator);
    }

    Ratio times(long factor) {
        return new Ratio(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    Ratio dividedBy(long divisor) {
        return new Ratio(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    Ratio plus(Ratio other) {
        return new Ratio(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** Rounded half up to {@code scale} decimals. */
    BigDecimal rounded(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }
}
