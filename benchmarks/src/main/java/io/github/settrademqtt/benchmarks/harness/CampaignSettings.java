package io.github.settrademqtt.benchmarks.harness;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a {@link FaultCampaign} runs: its seed and length, the fault kinds, the feed, and
 * the short tokens that are always on. The starter's settings that make faults cost
 * seconds rather than minutes are fixed here, the same for every client under test.
 *
 * @param seed the seed of the fault schedule
 * @param duration how long to fire faults (the round in progress is finished first when
 * fewer than {@code minRounds} rounds are complete)
 * @param minRounds the rounds to complete whatever the duration (every fault kind comes
 * once a round)
 * @param faults the fault kinds
 * @param symbolCount the symbols subscribed from the start, one order-book topic each
 * @param rate books published a second, across those topics and two spare ones
 * @param tokenLifetime how long the simulator's access tokens live
 * @param refreshBeforeExpiry {@code settrade.mqtt.token-refresh-before-expiry}: more than
 * half the lifetime, so that the starter's cap at half the lifetime is always in effect
 * @param warmupRotations connections replaced before the run is measured
 * @param minGap the shortest pause before a fault
 * @param maxGap the longest pause before a fault
 * @author settrade-mqtt
 */
public record CampaignSettings(long seed, Duration duration, int minRounds, List<Fault> faults, int symbolCount,
		int rate, Duration tokenLifetime, Duration refreshBeforeExpiry, int warmupRotations, Duration minGap,
		Duration maxGap) {

	/**
	 * The MQTT keep-alive of the bare Paho client: how it notices a half-open connection.
	 * The starter keeps its default (30 s): it notices a silent feed at the application
	 * level, {@link #SILENCE_THRESHOLD} after the last message.
	 */
	public static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

	/**
	 * The read timeout of the REST calls: what a hung request costs.
	 */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * How long the starter may be without a connection before its health says DOWN, and
	 * how long the feed may deliver nothing before its health must not say UP.
	 */
	public static final Duration CONNECT_GRACE = Duration.ofSeconds(5);

	/**
	 * How long a topic may be silent before the starter calls it silent: the feed
	 * publishes on every topic several times a second, so this is unambiguous.
	 */
	public static final Duration SILENCE_THRESHOLD = Duration.ofSeconds(3);

	/**
	 * Return the arguments a campaign takes, with their defaults.
	 * @return the defaults
	 */
	public static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("seed", "random");
		defaults.put("duration", "2m");
		defaults.put("min-rounds", "1");
		defaults.put("faults", "all");
		defaults.put("symbols", "5");
		defaults.put("rate", "200");
		defaults.put("token-lifetime", "12s");
		defaults.put("refresh-before-expiry", "7s");
		defaults.put("warmup-rotations", "2");
		defaults.put("min-gap", "1s");
		defaults.put("max-gap", "4s");
		return defaults;
	}

	/**
	 * Read the settings from a harness's arguments.
	 * @param arguments arguments that include {@link #defaults()}
	 * @return the settings
	 */
	public static CampaignSettings from(HarnessArguments arguments) {
		String seed = arguments.string("seed");
		return new CampaignSettings(seed.equals("random") ? new SecureRandom().nextLong() : arguments.longValue("seed"),
				arguments.duration("duration"), arguments.intValue("min-rounds"),
				Fault.parse(arguments.string("faults")), arguments.intValue("symbols"), arguments.intValue("rate"),
				arguments.duration("token-lifetime"), arguments.duration("refresh-before-expiry"),
				arguments.intValue("warmup-rotations"), arguments.duration("min-gap"), arguments.duration("max-gap"));
	}

	/**
	 * Return the margin the starter rotates at: the configured one, capped at half the
	 * token's lifetime.
	 * @return the effective margin
	 */
	public Duration margin() {
		Duration half = this.tokenLifetime.dividedBy(2);
		return (this.refreshBeforeExpiry.compareTo(half) > 0) ? half : this.refreshBeforeExpiry;
	}

	/**
	 * Return the symbols subscribed from the start.
	 * @return the symbols
	 */
	public List<String> symbols() {
		return Harness.symbols("F", this.symbolCount);
	}

	/**
	 * Return the symbols published on but claimed only by subscription faults.
	 * @return two symbols
	 */
	public List<String> spareSymbols() {
		return Harness.symbols("X", 2);
	}

	/**
	 * Return the starter's properties for the campaign, the subscriptions and the
	 * rotation strategy aside.
	 * @return the properties
	 */
	public Map<String, String> starterProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("settrade.mqtt.token-refresh-before-expiry", this.refreshBeforeExpiry.toMillis() + "ms");
		properties.put("settrade.mqtt.http.read-timeout", READ_TIMEOUT.toMillis() + "ms");
		properties.put("settrade.mqtt.health.connect-grace-period", CONNECT_GRACE.toMillis() + "ms");
		properties.put("settrade.mqtt.liveness.silence-threshold", SILENCE_THRESHOLD.toSeconds() + "s");
		// application-level detection of a silent feed, all day every day
		properties.put("settrade.mqtt.liveness.feed-silence-timeout", SILENCE_THRESHOLD.toSeconds() + "s");
		properties.put("settrade.mqtt.market-hours.sessions", "00:00-24:00");
		properties.put("settrade.mqtt.market-hours.days",
				Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).collect(Collectors.joining(",")));
		return properties;
	}

}
