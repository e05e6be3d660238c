package io.github.settrademqtt.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.settrademqtt.test.SimulatorMarket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * What the feed harnesses share: running one from the command line, and naming the
 * symbols and topics they publish on.
 *
 * @author settrade-mqtt
 */
public final class Harness {

	private static final Log logger = LogFactory.getLog(Harness.class);

	private Harness() {
	}

	/**
	 * Run a harness from the command line: parse the arguments, run, write the report to
	 * {@code --out}, and exit (the simulator's and the starter's threads would otherwise
	 * outlive a failure).
	 * @param args the command-line arguments
	 * @param defaults the harness's arguments and their defaults
	 * @param harness the harness
	 */
	public static void main(String[] args, Map<String, String> defaults, Runner harness) {
		int status = 0;
		try {
			HarnessArguments arguments = HarnessArguments.parse(args, defaults);
			harness.run(arguments).writeTo(Path.of(arguments.string("out")));
		}
		catch (Exception ex) {
			logger.error("The harness failed", ex);
			status = 1;
		}
		System.exit(status);
	}

	/**
	 * Name symbols {@code <prefix>0000}, {@code <prefix>0001}, ...
	 * @param prefix the prefix
	 * @param count how many
	 * @return the symbols
	 */
	public static List<String> symbols(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> String.format(Locale.ROOT, "%s%04d", prefix, i)).toList();
	}

	/**
	 * Return the order-book and price-information topics of each symbol, the topics the
	 * simulator's market generator publishes on.
	 * @param symbols the symbols
	 * @return two topics per symbol
	 */
	public static List<String> bookAndInfoTopics(List<String> symbols) {
		List<String> topics = new ArrayList<>(symbols.size() * 2);
		symbols.forEach((symbol) -> {
			topics.add(SimulatorMarket.bidOfferTopic(symbol));
			topics.add(SimulatorMarket.infoTopic(symbol));
		});
		return topics;
	}

	/**
	 * Keep the in-process Kafka broker's logs to warnings: it logs at Logback's default
	 * level until a Spring Boot application sets the harness's.
	 */
	public static void quietKafkaBroker() {
		LoggingSystem logging = LoggingSystem.get(Harness.class.getClassLoader());
		List.of("kafka", "org.apache.kafka", "state.change.logger")
			.forEach((logger) -> logging.setLogLevel(logger, LogLevel.WARN));
	}

	/**
	 * A harness: runs with its arguments and reports.
	 */
	@FunctionalInterface
	public interface Runner {

		/**
		 * Run.
		 * @param arguments the arguments
		 * @return the report
		 * @throws Exception when the run cannot complete
		 */
		Report run(HarnessArguments arguments) throws Exception;

	}

}
