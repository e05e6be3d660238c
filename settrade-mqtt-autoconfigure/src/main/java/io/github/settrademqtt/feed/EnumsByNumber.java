package io.github.settrademqtt.feed;

import java.util.Arrays;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Builds the tables that map protobuf enum numbers to Java enum constants.
 *
 * @author settrade-mqtt
 */
final class EnumsByNumber {

	private EnumsByNumber() {
	}

	/**
	 * Index constants by their number (negative for none), {@code null} in the gaps.
	 */
	static <E extends Enum<E>> @Nullable E[] index(E[] values, ToIntFunction<E> number) {
		int max = Arrays.stream(values).mapToInt(number).max().orElse(-1);
		@Nullable E[] byNumber = Arrays.copyOf(values, max + 1);
		Arrays.fill(byNumber, null);
		for (E value : values) {
			if (number.applyAsInt(value) >= 0) {
				byNumber[number.applyAsInt(value)] = value;
			}
		}
		return byNumber;
	}

}
