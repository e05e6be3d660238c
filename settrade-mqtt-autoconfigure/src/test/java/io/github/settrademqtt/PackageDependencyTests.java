package io.github.settrademqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages read straight down: {@code connection} carries topics as plain strings and
 * bytes and knows nothing of the kinds of message, and {@code feed} takes from
 * {@code connection} only the message contract and the subscription registry (and, for
 * the watchdog, the controls it heals the connection with). Read from the sources, as a
 * reviewer would grep them.
 */
class PackageDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java/io/github/settrademqtt");

	private static final Pattern IMPORT = Pattern
		.compile("^import (?:static )?io\\.github\\.settrademqtt\\.(\\w+)\\.([\\w.]+);", Pattern.MULTILINE);

	/**
	 * What any class of {@code feed} may use from {@code connection}.
	 */
	private static final Set<String> MESSAGE_CONTRACT = Set.of("SettradeMqttHeaders", "SessionFacts",
			"SubscriptionRegistry", "SubscriptionState");

	/**
	 * What the watchdog alone may use besides: it heals the connection.
	 */
	private static final Set<String> WATCHDOG_CONTROLS = Set.of("SettradeMqttConnection", "ConnectionState");

	@Test
	void connectionImportsNothingFromTheFeed() throws IOException {
		assertThat(imports("connection", "feed")).isEmpty();
	}

	@Test
	void loginAndSupportImportNeitherConnectionNorFeed() throws IOException {
		assertThat(imports("login", "connection")).isEmpty();
		assertThat(imports("login", "feed")).isEmpty();
		assertThat(imports("support", "login")).isEmpty();
		assertThat(imports("support", "connection")).isEmpty();
		assertThat(imports("support", "feed")).isEmpty();
	}

	/**
	 * The events' base sits below {@code login} and {@code connection}, which both
	 * publish.
	 */
	@Test
	void eventImportsNoneOfTheFeaturePackages() throws IOException {
		assertThat(imports("event", "login")).isEmpty();
		assertThat(imports("event", "connection")).isEmpty();
		assertThat(imports("event", "feed")).isEmpty();
		assertThat(imports("support", "event")).isEmpty();
	}

	/**
	 * The leader election takes the upstream as plain lifecycles: it knows nothing of
	 * what they are. The fan-out over Kafka carries raw messages: it takes the message
	 * contract of {@code connection} (headers and session facts), and the subscriptions
	 * across the cluster its subscription registry, nothing of the feed.
	 */
	@Test
	void clusterImportsNoneOfTheFeaturePackages() throws IOException {
		assertThat(imports("cluster", "login")).isEmpty();
		assertThat(imports("cluster", "feed")).isEmpty();
		imports("cluster", "connection").forEach((file, types) -> {
			assertThat(file).as("a user of connection's message contract").startsWith("cluster/kafka/");
			assertThat(types).as(file)
				.allSatisfy((type) -> assertThat(Set.of("SettradeMqttHeaders", "SessionFacts", "SessionChange",
						"SubscriptionRegistry", "SubscriptionHandle", "SubscriptionState"))
					.contains(type));
		});
		assertThat(imports("connection", "cluster")).isEmpty();
		assertThat(imports("feed", "cluster")).isEmpty();
	}

	@Test
	void feedTakesOnlyTheMessageContractAndTheRegistryFromConnection() throws IOException {
		imports("feed", "connection").forEach((file, types) -> {
			Set<String> allowed = file.endsWith("liveness/FeedWatchdog.java")
					? union(MESSAGE_CONTRACT, WATCHDOG_CONTROLS) : MESSAGE_CONTRACT;
			assertThat(types).as(file).allSatisfy((type) -> assertThat(allowed).contains(type));
		});
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * Return, for each source file of a package (and its sub-packages), the types it
	 * imports from another package.
	 */
	private static Map<String, List<String>> imports(String from, String to) throws IOException {
		Map<String, List<String>> imports = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES.resolve(from))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = IMPORT.matcher(Files.readString(file));
				List<String> types = matcher.results()
					.filter((result) -> result.group(1).equals(to))
					.map((result) -> result.group(2))
					.toList();
				if (!types.isEmpty()) {
					imports.put(SOURCES.relativize(file).toString(), types);
				}
			}
		}
		return imports;
	}

}
