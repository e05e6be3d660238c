package io.github.settrademqtt.connection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the service's own reports of subscriptions that make no sense to it (an unknown
 * symbol, an unknown market), which Settrade's broker publishes on {@value #TOPIC} after
 * granting the SUBACK. The payload format is not published, so it is read as text, JSON
 * or not: the topic it names, or failing that the symbol, market or account, is looked up
 * among the wanted topics, which are then marked {@link SubscriptionState#FAILED} with
 * the service's words.
 *
 * @author settrade-mqtt
 */
final class SubscriptionErrors {

	/**
	 * The topic the service reports subscription errors on.
	 */
	static final String TOPIC = "$sys/u/_broker/_uref/error/subscribe";

	/**
	 * The most characters of a report kept in a reason or a log line.
	 */
	private static final int MAX_REPORT = 300;

	private static final Log logger = LogFactory.getLog(SubscriptionErrors.class);

	private final SubscriptionRegistry registry;

	private final BiConsumer<String, String> refused;

	private final RateLimitedLog unmatched = new RateLimitedLog(logger,
			"Settrade subscription errors naming none of the subscribed topics", 1, Duration.ofMinutes(1));

	/**
	 * Create a reader of the service's reports that tells {@code refused} of each topic
	 * newly marked failed, with the reason.
	 */
	SubscriptionErrors(SubscriptionRegistry registry, BiConsumer<String, String> refused) {
		this.registry = registry;
		this.refused = refused;
	}

	/**
	 * Return whether a topic is the service's subscription error topic. Cheap enough for
	 * every message: the market's topics never start with {@code $}.
	 */
	static boolean isErrorTopic(String topic) {
		return !topic.isEmpty() && topic.charAt(0) == '$' && topic.equals(TOPIC);
	}

	/**
	 * Read one report, on Paho's thread. Never throws.
	 */
	void report(byte[] payload) {
		try {
			String text = readable(payload);
			List<String> topics = find(text, this.registry.topics());
			if (topics.isEmpty()) {
				this.unmatched
					.log(() -> "Settrade reported a subscription error naming none of the subscribed topics: " + text);
				return;
			}
			for (String topic : topics) {
				String reason = "Settrade reported: " + text;
				if (this.registry.fail(topic, reason)) {
					this.refused.accept(topic, reason);
					logger.warn("Settrade refused the subscription to '" + topic + "': " + text
							+ " (check the symbol, market or account in settrade.mqtt.subscriptions)");
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read a Settrade subscription error report: " + ex);
		}
	}

	/**
	 * Return the payload as one line of printable text, JSON escapes of {@code /} undone,
	 * cut to a length fit for a log line.
	 */
	static String readable(byte[] payload) {
		String text = new String(payload, StandardCharsets.UTF_8).replace("\\/", "/");
		StringBuilder readable = new StringBuilder(Math.min(text.length(), MAX_REPORT));
		for (int i = 0; i < text.length() && readable.length() < MAX_REPORT; i++) {
			char c = text.charAt(i);
			readable.append(Character.isISOControl(c) ? ' ' : c);
		}
		return readable.toString().strip();
	}

	/**
	 * Return the wanted topics a report names: those it spells out in full, or else those
	 * whose symbol, market or account it names as a word of its own; in the order given.
	 */
	static List<String> find(String text, Collection<String> topics) {
		List<String> named = topics.stream().filter(text::contains).toList();
		if (!named.isEmpty()) {
			return named;
		}
		String upper = text.toUpperCase(Locale.ROOT);
		return topics.stream().filter((topic) -> {
			String key = key(topic);
			return key != null && containsWord(upper, key.toUpperCase(Locale.ROOT));
		}).toList();
	}

	/**
	 * Return the symbol, market or account of a topic: its fourth level.
	 */
	private static @Nullable String key(String topic) {
		String[] levels = topic.split("/");
		return (levels.length > 3 && !levels[3].isEmpty()) ? levels[3] : null;
	}

	private static boolean containsWord(String text, String word) {
		int from = 0;
		while (true) {
			int index = text.indexOf(word, from);
			if (index < 0) {
				return false;
			}
			int end = index + word.length();
			if ((index == 0 || !isSymbolChar(text.charAt(index - 1)))
					&& (end == text.length() || !isSymbolChar(text.charAt(end)))) {
				return true;
			}
			from = index + 1;
		}
	}

	/**
	 * Return whether a character can be part of a symbol, so that {@code PTT} is not
	 * found in {@code PTTEP} nor in {@code PTT-R}.
	 */
	private static boolean isSymbolChar(char c) {
		return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '&';
	}

}
