package io.github.settrademqtt.autoconfigure;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.settrademqtt.login.SettradeEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Guesses what a mistyped configuration value was meant to be, so that a start-up failure
 * can say "did you mean ...". Every guess is a suggestion for a person to confirm:
 * nothing here changes a value.
 *
 * @author settrade-mqtt
 */
final class Suggestions {

	/**
	 * Two edits (an insertion, a deletion, a change or a swap of neighbours) cover the
	 * usual slips, {@code sandbx}, {@code sanbox}, {@code sandboxx}, {@code snadbox},
	 * without reaching other words.
	 */
	private static final int NEAR = 2;

	/**
	 * What people call the sandbox besides its broker id.
	 */
	private static final Set<String> SANDBOX_NAMES = Set.of("uat", "test");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern INTERVAL = Pattern.compile("0*([0-9]+)\\s*([A-Za-z]+)");

	/**
	 * Units people write for a candle interval, by what the service calls them. Single
	 * letters are matched as written ('m' is minutes, 'M' months), longer words in any
	 * case.
	 */
	private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("m", "m"), Map.entry("min", "m"),
			Map.entry("mins", "m"), Map.entry("minute", "m"), Map.entry("minutes", "m"), Map.entry("h", "h"),
			Map.entry("H", "h"), Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"),
			Map.entry("hours", "h"), Map.entry("d", "d"), Map.entry("D", "d"), Map.entry("day", "d"),
			Map.entry("days", "d"), Map.entry("w", "w"), Map.entry("W", "w"), Map.entry("wk", "w"),
			Map.entry("week", "w"), Map.entry("weeks", "w"), Map.entry("M", "M"), Map.entry("mo", "M"),
			Map.entry("mon", "M"), Map.entry("month", "M"), Map.entry("months", "M"));

	private Suggestions() {
	}

	/**
	 * Whether a broker id looks like a slip for {@code SANDBOX}: a few edits away in any
	 * case, or another name for the sandbox such as {@code UAT}.
	 */
	static boolean meantSandbox(String brokerId) {
		String id = brokerId.strip().toLowerCase(Locale.ROOT);
		return SANDBOX_NAMES.contains(id) || near(id, SettradeEnvironment.SANDBOX_BROKER_ID.toLowerCase(Locale.ROOT));
	}

	/**
	 * Return the broker id a YAML file probably held when the configured one is a number
	 * of one or two digits: unquoted, YAML reads {@code 063} as the octal number 51.
	 */
	static Optional<String> octalBrokerId(String brokerId) {
		String id = brokerId.strip();
		if (!DIGITS.matcher(id).matches() || id.length() > 2 || Integer.parseInt(id) > 63) {
			return Optional.empty();
		}
		String octal = Integer.toOctalString(Integer.parseInt(id));
		return Optional.of("0".repeat(3 - octal.length()) + octal);
	}

	/**
	 * Return the candle interval probably meant, as the service spells it: {@code 60m}
	 * for {@code 1h}, {@code 1d} for {@code 1 day} or {@code 1D}, {@code 1M} for
	 * {@code 1month}, if one is obvious.
	 */
	static Optional<String> interval(String interval) {
		Matcher matcher = INTERVAL.matcher(interval.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String written = matcher.group(2);
		String unit = UNITS.get((written.length() == 1) ? written : written.toLowerCase(Locale.ROOT));
		long count;
		try {
			count = Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (unit == null || count == 0) {
			return Optional.empty();
		}
		return Optional.of("h".equals(unit) ? (count * 60) + "m" : count + unit);
	}

	/**
	 * Return the Settrade host probably meant by a host a few edits away from one of
	 * Settrade's, outside Settrade's own domain (where any host may be real).
	 */
	static Optional<SettradeEnvironment> settradeHost(String host) {
		String lowerCase = host.toLowerCase(Locale.ROOT);
		if (lowerCase.equals("settrade.com") || lowerCase.endsWith(".settrade.com")) {
			return Optional.empty();
		}
		return Stream.of(SettradeEnvironment.values())
			.filter((environment) -> near(lowerCase, environment.baseUrl().getHost()))
			.findFirst();
	}

	/**
	 * Return the candidate nearest a mistyped name, if it is within a few edits.
	 */
	static Optional<String> nearest(String name, Collection<String> candidates) {
		@Nullable String best = null;
		int bestDistance = NEAR + 1;
		for (String candidate : candidates) {
			int distance = distance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return Optional.ofNullable(best);
	}

	private static boolean near(String value, String target) {
		return distance(value, target) <= NEAR;
	}

	/**
	 * The optimal string alignment distance: insertions, deletions, substitutions and
	 * swaps of neighbours each count one.
	 */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
