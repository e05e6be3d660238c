package io.github.settrademqtt.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample as the README's run command does (no configuration at all; only the
 * port is left to the operating system) and checks over real HTTP that the page is served
 * with nothing fetched from elsewhere, and that books, prices and the connected status
 * stream on {@code /feed} within a minute: prices with their history and their market
 * status in words, the status with the message rate, the connection's timeline and every
 * time with its date and zone.
 */
class LivePageTests {

	/**
	 * A time as the page shows it: date, time and zone, in the exchange's zone.
	 */
	static final String ZONED_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]{3,5} \\(Asia/Bangkok\\)";

	private static final List<String> SYMBOLS = List.of("PTT", "AOT", "CPALL");

	private static RunningSample sample;

	private static String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startAsTheReadmeDoes() {
		sample = RunningSample.start();
		baseUrl = sample.baseUrl();
	}

	@AfterAll
	static void stop() {
		sample.close();
	}

	@Test
	void pageAndItsScriptAreServed() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<script src=\"live.js\"></script>").contains("id=\"state\"");
		HttpResponse<String> script = get("/live.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("new EventSource('feed')");
	}

	@Test
	void feedStreamsBooksPricesAndTheConnectedStatusWithinAMinute() {
		ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/feed"))
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> response = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofLines());
		CompletableFuture<Void> reader = response.thenAccept((r) -> {
			try (Stream<String> body = r.body()) {
				body.forEach(lines::add);
			}
		});
		try {
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				String stream = String.join("\n", lines);
				for (String symbol : new String[] { "PTT", "AOT", "CPALL" }) {
					assertThat(stream)
						.contains("event:book\ndata:{\"symbol\":\"" + symbol + "\",\"bids\":[{\"price\":");
					assertThat(stream).contains("event:price\ndata:{\"symbol\":\"" + symbol + "\",\"last\":");
				}
				assertThat(stream).contains("event:status\ndata:{\"state\":\"CONNECTED\"").contains("\"epoch\":1");
			});
			assertThat(response.join().headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		}
		finally {
			reader.cancel(true);
			response.thenAccept((r) -> r.body().close());
		}
	}

	@Test
	void pageWorksOfflineWithNoExternalResource() throws Exception {
		for (String path : new String[] { "/", "/live.js", "/live.css" }) {
			HttpResponse<String> resource = get(path);
			assertThat(resource.statusCode()).as(path).isEqualTo(200);
			assertThat(resource.body()).as(path)
				.doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//")
				.doesNotContainPattern("url\\(\\s*[\"']?(https?:)?//")
				.doesNotContainPattern("@import");
		}
	}

	@Test
	void feedCarriesPriceHistoriesTheRateTheTimelineStatusWordsAndZonedTimes() {
		try (FeedStream feed = FeedStream.open(this.http, baseUrl)) {
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				for (String symbol : SYMBOLS) {
					JsonNode price = newest(feed.events("price"), symbol);
					assertThat(price.path("marketStatus").asString()).as(symbol).isEqualTo("Open (continuous trading)");
					assertThat(price.path("marketTone").asString()).as(symbol).isEqualTo("open");
					assertThat(price.path("receivedAt").asString()).as(symbol).matches(ZONED_TIME);
					assertThat(price.path("changePercent").asString()).as(symbol).matches("-?\\d+\\.\\d{2}");
					// one point a second: the chart has a history, and its newest point
					// is
					// a price the symbol has had
					JsonNode history = price.path("history");
					assertThat(history.isArray()).as(symbol).isTrue();
					assertThat(history.size()).as(symbol + " history").isGreaterThanOrEqualTo(3);
					assertThat(history.valueStream().allMatch(JsonNode::isNumber)).as(symbol).isTrue();
					JsonNode book = newest(feed.events("book"), symbol);
					assertThat(book.path("receivedAt").asString()).as(symbol).matches(ZONED_TIME);
				}
				List<JsonNode> statuses = feed.events("status");
				assertThat(statuses).isNotEmpty();
				JsonNode status = statuses.get(statuses.size() - 1);
				assertThat(status.path("stateText").asString()).isEqualTo("Connected");
				assertThat(status.path("rate").isNumber()).isTrue();
				assertThat(status.path("rate").asDouble()).isGreaterThan(0);
				assertThat(status.path("messages").asLong()).isGreaterThan(0);
				assertThat(status.path("rateHistory").size()).isGreaterThanOrEqualTo(2);
				assertThat(status.path("connectedAt").asString()).matches(ZONED_TIME);
				assertThat(status.path("nextRotation").asString()).matches(ZONED_TIME);
				assertThat(status.path("ticketExpiresAt").asString()).matches(ZONED_TIME);
				assertThat(status.path("nextRotationInSeconds").asLong()).isPositive();
				assertThat(status.path("marketOpen").isBoolean()).isTrue();
				assertThat(status.path("marketHours").asString())
					.isEqualTo("Mon\u2013Fri 09:45-12:30, 14:15-16:55 (Asia/Bangkok)");
				// the start-up connection is the timeline's first entry
				JsonNode timeline = status.path("timeline");
				assertThat(timeline.size()).isGreaterThanOrEqualTo(1);
				JsonNode first = timeline.get(timeline.size() - 1);
				assertThat(first.path("kind").asString()).isEqualTo("connected");
				assertThat(first.path("epoch").asLong()).isEqualTo(1);
				assertThat(first.path("at").asString()).matches(ZONED_TIME)
					.isEqualTo(status.path("connectedAt").asString());
			});
		}
	}

	@Test
	void statusEndpointReportsTheConnection() throws Exception {
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(get("/status").body()).contains("\"state\":\"CONNECTED\"")
				.contains("\"nextRotation\":\""));
		assertThat(sample.context().getBean(LiveFeed.class).status()).containsKeys("epoch", "connectedAt",
				"ticketExpiresAt");
	}

	@Test
	void actuatorHealthInfoAndMetricsStayExposed() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/info", "/actuator/metrics" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(Map.of("metrics", get("/actuator/metrics").body())).hasEntrySatisfying("metrics",
				(body) -> assertThat(body).contains("settrade.mqtt.messages.received"));
	}

	private static JsonNode newest(List<JsonNode> events, String symbol) {
		for (int i = events.size() - 1; i >= 0; i--) {
			if (symbol.equals(events.get(i).path("symbol").asString())) {
				return events.get(i);
			}
		}
		throw new AssertionError("No event for " + symbol + " yet");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return sample.get(path);
	}

}
