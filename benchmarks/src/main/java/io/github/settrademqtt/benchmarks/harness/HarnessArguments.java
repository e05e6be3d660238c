package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code --name=value} arguments of a harness, with defaults. An argument the harness
 * does not know, or a value that does not parse, stops the run with a message naming it.
 *
 * @author settrade-mqtt
 */
public final class HarnessArguments {

	private final Map<String, String> values = new LinkedHashMap<>();

	private HarnessArguments(Map<String, String> values) {
		this.values.putAll(values);
	}

	/**
	 * Parse command-line arguments against the harness's defaults.
	 * @param args the arguments, each {@code --name=value}
	 * @param defaults every argument the harness knows, with its default
	 * @return the arguments
	 * @throws IllegalArgumentException naming the argument that is unknown or malformed
	 */
	public static HarnessArguments parse(String[] args, Map<String, String> defaults) {
		Map<String, String> values = new LinkedHashMap<>(defaults);
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Argument '" + arg + "' is not --name=value");
			}
			String name = arg.substring(2, equals);
			if (!defaults.containsKey(name)) {
				throw new IllegalArgumentException(
						"Unknown argument '--" + name + "'; known: " + Set.copyOf(defaults.keySet()));
			}
			values.put(name, arg.substring(equals + 1));
		}
		return new HarnessArguments(values);
	}

	public int intValue(String name) {
		return convert(name, Integer::parseInt);
	}

	public long longValue(String name) {
		return convert(name, Long::parseLong);
	}

	public Duration duration(String name) {
		return convert(name, DurationStyle::detectAndParse);
	}

	public List<Integer> ints(String name) {
		return convert(name,
				(value) -> Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList());
	}

	public String string(String name) {
		return convert(name, (value) -> value);
	}

	/**
	 * Return the arguments as given, for the report.
	 * @return every argument with its value
	 */
	public Map<String, String> asMap() {
		return Map.copyOf(this.values);
	}

	private <T> T convert(String name, java.util.function.Function<String, T> converter) {
		String value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("No argument '--" + name + "'");
		}
		try {
			return converter.apply(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Argument '--" + name + "' has an invalid value '" + value + "'", ex);
		}
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.values.forEach((name,
				value) -> text.append(text.isEmpty() ? "" : " ").append("--").append(name).append('=').append(value));
		return text.toString();
	}

}
