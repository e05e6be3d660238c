package io.github.settrademqtt.test.market;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Reads the symbol out of a market data topic, {@code proto/topic/<kind>/<symbol>} or
 * {@code proto/topic/<kind>/<symbol>/<interval>}, and checks the symbols tests name.
 * Symbols are compared as written: Settrade's are upper-case.
 *
 * @author settrade-mqtt
 */
public final class SymbolTopics {

	private static final String PREFIX = "proto/topic/";

	private SymbolTopics() {
	}

	/**
	 * Returns the symbol a topic name or filter names: its fourth level.
	 * @param topic the topic name or filter
	 * @return the symbol, or {@code null} for a topic outside {@code proto/topic/} or
	 * without a fourth level
	 */
	public static @Nullable String symbol(String topic) {
		if (!topic.startsWith(PREFIX)) {
			return null;
		}
		int kindEnd = topic.indexOf('/', PREFIX.length());
		if (kindEnd < 0) {
			return null;
		}
		int symbolEnd = topic.indexOf('/', kindEnd + 1);
		String symbol = topic.substring(kindEnd + 1, (symbolEnd < 0) ? topic.length() : symbolEnd);
		return symbol.isEmpty() ? null : symbol;
	}

	/**
	 * Checks symbols given by a test.
	 * @param symbols the symbols
	 * @return them, as a list
	 * @throws IllegalArgumentException when one is empty or holds {@code /}, {@code +} or
	 * {@code #}
	 */
	public static List<String> requireSymbols(String... symbols) {
		Objects.requireNonNull(symbols, "'symbols' must not be null");
		for (String symbol : symbols) {
			if (symbol == null || symbol.isEmpty()
					|| symbol.chars().anyMatch((c) -> c == '/' || c == '+' || c == '#')) {
				throw new IllegalArgumentException("'symbols' must be non-empty symbols without '/', '+' or '#'");
			}
		}
		return List.of(symbols);
	}

}
