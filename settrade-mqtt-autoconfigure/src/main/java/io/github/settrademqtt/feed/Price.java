package io.github.settrademqtt.feed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.springframework.util.Assert;

/**
 * An exact price or amount, as Settrade sends it ({@code google.type.Money} without the
 * currency): {@code units + nanos × 10⁻⁹}. Never passes through a {@code double}.
 * <p>
 * The form is canonical, so that {@link #equals(Object)} is numeric equality:
 * {@code nanos} is between -999,999,999 and 999,999,999 and never has the opposite sign
 * of {@code units}.
 *
 * @param units the whole units
 * @param nanos the billionths of a unit, with the sign of {@code units}
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record Price(long units, int nanos) implements Comparable<Price> {

	/**
	 * Zero.
	 */
	public static final Price ZERO = new Price(0, 0);

	private static final int NANOS_PER_UNIT = 1_000_000_000;

	private static final int SCALE = 9;

	private static final BigInteger BIG_NANOS_PER_UNIT = BigInteger.valueOf(NANOS_PER_UNIT);

	/**
	 * Largest number of units whose value in nanos still fits in a {@code long}.
	 */
	private static final long MAX_COMPACT_UNITS = Long.MAX_VALUE / NANOS_PER_UNIT - 1;

	/**
	 * Create a price.
	 * @param units the whole units
	 * @param nanos the billionths of a unit, with the sign of {@code units}
	 * @throws IllegalArgumentException if {@code nanos} is out of range or its sign
	 * differs from that of {@code units}
	 */
	public Price {
		Assert.isTrue(nanos > -NANOS_PER_UNIT && nanos < NANOS_PER_UNIT,
				"'nanos' must be between -999,999,999 and 999,999,999");
		Assert.isTrue((units >= 0 && nanos >= 0) || (units <= 0 && nanos <= 0),
				"'nanos' must have the sign of 'units'");
	}

	/**
	 * Return the price of a decimal number.
	 * @param value the value, with at most nine decimals (trailing zeros aside)
	 * @return the price
	 * @throws IllegalArgumentException if the value has more than nine decimals or its
	 * units do not fit in a {@code long}
	 */
	public static Price of(BigDecimal value) {
		Assert.notNull(value, "'value' must not be null");
		BigInteger scaled;
		try {
			scaled = value.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue();
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("'value' must have at most 9 decimals: " + value.toPlainString(), ex);
		}
		// Truncating division: the remainder takes the sign of the dividend, as nanos
		// must
		BigInteger[] parts = scaled.divideAndRemainder(BIG_NANOS_PER_UNIT);
		Assert.isTrue(parts[0].bitLength() < Long.SIZE, () -> "'value' is out of range: " + value.toPlainString());
		return new Price(parts[0].longValue(), parts[1].intValue());
	}

	/**
	 * Return this price as a {@link BigDecimal}, exactly, without trailing zeros in the
	 * fraction (scale 0 for whole numbers).
	 * @return the value
	 */
	public BigDecimal toBigDecimal() {
		BigDecimal value;
		if (this.units >= -MAX_COMPACT_UNITS && this.units <= MAX_COMPACT_UNITS) {
			value = BigDecimal.valueOf(this.units * NANOS_PER_UNIT + this.nanos, SCALE);
		}
		else {
			value = new BigDecimal(
					BigInteger.valueOf(this.units).multiply(BIG_NANOS_PER_UNIT).add(BigInteger.valueOf(this.nanos)),
					SCALE);
		}
		value = value.stripTrailingZeros();
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	/**
	 * Return whether this price is zero.
	 * @return whether this price is zero
	 */
	public boolean isZero() {
		return this.units == 0 && this.nanos == 0;
	}

	/**
	 * Return whether this price is below zero.
	 * @return whether this price is below zero
	 */
	public boolean isNegative() {
		return this.units < 0 || this.nanos < 0;
	}

	/**
	 * Return whether this price is above another.
	 * @param other the other price
	 * @return whether this price is greater than {@code other}
	 */
	public boolean isGreaterThan(Price other) {
		return compareTo(other) > 0;
	}

	/**
	 * Return whether this price is below another.
	 * @param other the other price
	 * @return whether this price is less than {@code other}
	 */
	public boolean isLessThan(Price other) {
		return compareTo(other) < 0;
	}

	/**
	 * Compare by value. Consistent with {@link #equals(Object)}.
	 * @param other the other price
	 * @return a negative number, zero or a positive number as this price is less than,
	 * equal to or greater than {@code other}
	 */
	@Override
	public int compareTo(Price other) {
		// nanos share the sign of units, so (units, nanos) order lexicographically
		int units = Long.compare(this.units, other.units);
		return (units != 0) ? units : Integer.compare(this.nanos, other.nanos);
	}

	/**
	 * Return the value as a plain decimal number, such as {@code 1234.5} or
	 * {@code -0.25}.
	 * @return the value
	 */
	@Override
	public String toString() {
		return toBigDecimal().toPlainString();
	}

}
