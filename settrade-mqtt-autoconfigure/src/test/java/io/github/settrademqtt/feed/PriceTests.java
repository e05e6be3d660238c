package io.github.settrademqtt.feed;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Price}.
 */
class PriceTests {

	@Test
	void toBigDecimalIsExact() {
		assertThat(new Price(1234, 500_000_000).toBigDecimal()).isEqualTo(new BigDecimal("1234.5"));
		assertThat(new Price(0, 1).toBigDecimal()).isEqualTo(new BigDecimal("0.000000001"));
		assertThat(new Price(0, -1).toBigDecimal()).isEqualTo(new BigDecimal("-0.000000001"));
		assertThat(new Price(-3, -250_000_000).toBigDecimal()).isEqualTo(new BigDecimal("-3.25"));
		assertThat(new Price(100, 0).toBigDecimal()).isEqualTo(new BigDecimal("100"));
		assertThat(Price.ZERO.toBigDecimal()).isEqualTo(BigDecimal.ZERO);
		assertThat(new Price(Long.MAX_VALUE, 999_999_999).toBigDecimal())
			.isEqualTo(new BigDecimal("9223372036854775807.999999999"));
		assertThat(new Price(Long.MIN_VALUE, -999_999_999).toBigDecimal())
			.isEqualTo(new BigDecimal("-9223372036854775808.999999999"));
		assertThat(new Price(9_223_372_036L, 854_775_807).toBigDecimal())
			.isEqualTo(new BigDecimal("9223372036.854775807"));
	}

	@Test
	void ofBigDecimalRoundTrips() {
		for (String value : new String[] { "0", "1", "-1", "0.5", "-0.5", "1234.5", "-62.125", "0.000000001",
				"-0.000000001", "9223372036854775807.999999999", "-9223372036854775808.999999999", "1E+3",
				"12.3400000000000" }) {
			Price price = Price.of(new BigDecimal(value));
			assertThat(price.toBigDecimal()).isEqualByComparingTo(value);
			assertThat(Price.of(price.toBigDecimal())).isEqualTo(price);
		}
		assertThat(Price.of(new BigDecimal("-0.5"))).isEqualTo(new Price(0, -500_000_000));
		assertThat(Price.of(new BigDecimal("-1.000000001"))).isEqualTo(new Price(-1, -1));
		assertThat(Price.of(new BigDecimal("1E+3"))).isEqualTo(new Price(1000, 0));
	}

	@Test
	void ofBigDecimalRejectsMoreThanNineDecimals() {
		assertThatIllegalArgumentException().isThrownBy(() -> Price.of(new BigDecimal("0.0000000001")))
			.withMessageContaining("at most 9 decimals");
		assertThatIllegalArgumentException().isThrownBy(() -> Price.of(new BigDecimal("-1.0000000005")));
	}

	@Test
	void ofBigDecimalRejectsUnitsBeyondLong() {
		assertThatIllegalArgumentException().isThrownBy(() -> Price.of(new BigDecimal("9223372036854775808")))
			.withMessageContaining("out of range");
		assertThatIllegalArgumentException().isThrownBy(() -> Price.of(new BigDecimal("-9223372036854775809")));
	}

	@Test
	void constructorValidatesNanos() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Price(0, 1_000_000_000));
		assertThatIllegalArgumentException().isThrownBy(() -> new Price(0, -1_000_000_000));
		assertThatIllegalArgumentException().isThrownBy(() -> new Price(1, -1))
			.withMessageContaining("sign of 'units'");
		assertThatIllegalArgumentException().isThrownBy(() -> new Price(-1, 1));
		assertThat(new Price(0, -999_999_999).isNegative()).isTrue();
	}

	@Test
	void comparesByValue() {
		Price minusTwo = Price.of(new BigDecimal("-2"));
		Price minusOneAndHalf = new Price(-1, -500_000_000);
		Price minusOneFifth = new Price(-1, -200_000_000);
		Price minusHalf = new Price(0, -500_000_000);
		Price half = new Price(0, 500_000_000);
		Price one = new Price(1, 0);
		Price oneAndHalf = new Price(1, 500_000_000);
		Price[] ascending = { minusTwo, minusOneAndHalf, minusOneFifth, minusHalf, Price.ZERO, half, one, oneAndHalf };
		for (int i = 0; i < ascending.length; i++) {
			for (int j = 0; j < ascending.length; j++) {
				assertThat(Integer.signum(ascending[i].compareTo(ascending[j]))).isEqualTo(Integer.compare(i, j));
				assertThat(ascending[i].isLessThan(ascending[j])).isEqualTo(i < j);
				assertThat(ascending[i].isGreaterThan(ascending[j])).isEqualTo(i > j);
				assertThat(Integer.signum(ascending[i].compareTo(ascending[j])))
					.isEqualTo(ascending[i].toBigDecimal().compareTo(ascending[j].toBigDecimal()));
			}
		}
	}

	@Test
	void signs() {
		assertThat(Price.ZERO.isZero()).isTrue();
		assertThat(Price.ZERO.isNegative()).isFalse();
		assertThat(new Price(0, 1).isZero()).isFalse();
		assertThat(new Price(0, -1).isNegative()).isTrue();
		assertThat(new Price(-1, 0).isNegative()).isTrue();
		assertThat(new Price(1, 0).isNegative()).isFalse();
	}

	@Test
	void equalsIsNumericEquality() {
		assertThat(Price.of(new BigDecimal("1.50"))).isEqualTo(Price.of(new BigDecimal("1.5")))
			.hasSameHashCodeAs(new Price(1, 500_000_000));
	}

	@Test
	void toStringIsPlainDecimal() {
		assertThat(new Price(1234, 500_000_000)).hasToString("1234.5");
		assertThat(new Price(0, -250_000_000)).hasToString("-0.25");
		assertThat(new Price(100, 0)).hasToString("100");
		assertThat(Price.ZERO).hasToString("0");
		assertThat(new Price(0, 1)).hasToString("0.000000001");
	}

}
