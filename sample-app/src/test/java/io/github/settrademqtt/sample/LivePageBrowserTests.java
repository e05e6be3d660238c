package io.github.settrademqtt.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the live page in headless Chromium: the sample starts as the README's run
 * command starts it, and within a minute the page shows, for every configured symbol, a
 * ten-level book drawn as depth bars, a last price with its chart and its market status
 * in words; the overview shows the connected state, the message rate and the next
 * rotation, and the timeline the start-up connection. Then the books and the charts move,
 * and a rotation and a recovery (the simulator drops the connection) appear on the
 * timeline with their gaps. Last, it saves a screenshot of the page to
 * {@code target/live-page.png} (the one in {@code docs/images} is a copy). Needs
 * {@code /usr/bin/chromium}; runs with {@code mvn -pl sample-app -Pbrowser verify}.
 */
@Tag("browser")
class LivePageBrowserTests {

	private static final List<String> SYMBOLS = List.of("AOT", "CPALL", "PTT");

	private static final Path SCREENSHOT = Path.of("target", "live-page.png");

	/**
	 * The page as the test reads it: the overview, the timeline's entries, and per symbol
	 * its last price, market status, chart, how many book rows have a bid and an ask, the
	 * book's cells and the widths of its depth bars in pixels.
	 */
	private static final String READ_PAGE = """
			JSON.stringify({
				state: document.getElementById('state').textContent,
				stateName: document.getElementById('state').dataset.state,
				epoch: document.getElementById('epoch').textContent,
				connectedAt: document.getElementById('connected-at').textContent,
				nextRotation: document.getElementById('next-rotation').textContent,
				rate: document.getElementById('rate').textContent,
				rateChart: document.querySelectorAll('#rate-chart path.line').length,
				timeline: Array.from(document.querySelectorAll('#timeline li.entry:not(.upcoming)')).map(function (e) {
					return { kind: e.dataset.kind, text: e.textContent };
				}),
				symbols: Array.from(document.querySelectorAll('section.symbol')).map(function (s) {
					var rows = Array.from(s.querySelectorAll('tr.level'));
					var line = s.querySelector('svg.price-chart path.line');
					return {
						symbol: s.dataset.symbol,
						last: s.querySelector('.last').textContent,
						marketStatus: s.querySelector('.market-status').textContent,
						chart: line ? line.getAttribute('d') : '',
						chartWidth: s.querySelector('svg.price-chart').getBoundingClientRect().width,
						fullRows: rows.filter(function (r) {
							return r.querySelector('.bid-price').textContent && r.querySelector('.ask-price').textContent;
						}).length,
						book: rows.map(function (r) { return r.textContent; }).join('|'),
						bars: Array.from(s.querySelectorAll('.bar')).map(function (b) {
							return b.getBoundingClientRect().width;
						})
					};
				})
			})""";

	@Test
	void pageShowsMovingBooksChartsAndTheConnectionsTimeline() throws Exception {
		assertThat(Files.isExecutable(HeadlessChromium.EXECUTABLE))
			.as("%s (apt-get install chromium)", HeadlessChromium.EXECUTABLE)
			.isTrue();
		try (RunningSample sample = RunningSample.start()) {
			ConfigurableApplicationContext context = sample.context();
			try (HeadlessChromium chromium = HeadlessChromium.open(sample.baseUrl() + "/")) {
				AtomicReference<JsonNode> first = new AtomicReference<>();
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					assertThat(page.path("state").asString()).isEqualTo("Connected");
					assertThat(page.path("stateName").asString()).isEqualTo("CONNECTED");
					assertThat(page.path("epoch").asString()).isEqualTo("1");
					assertThat(page.path("nextRotation").asString()).matches(LivePageTests.ZONED_TIME);
					assertThat(page.path("connectedAt").asString()).matches(LivePageTests.ZONED_TIME);
					assertThat(Double.parseDouble(page.path("rate").asString())).as("messages/s").isGreaterThan(0);
					assertThat(page.path("rateChart").asInt()).as("rate chart").isEqualTo(1);
					assertThat(kinds(page)).containsExactly("connected");
					assertThat(page.path("timeline").get(0).path("text").asString())
						.contains(page.path("connectedAt").asString())
						.contains("epoch 1");
					assertThat(symbols(page)).containsExactlyElementsOf(SYMBOLS);
					for (JsonNode symbol : page.path("symbols")) {
						assertThat(symbol.path("fullRows").asInt()).as(symbol.toString()).isEqualTo(10);
						assertThat(symbol.path("last").asString()).as(symbol.toString()).matches("\\d+(\\.\\d+)?");
						assertThat(symbol.path("marketStatus").asString()).as(symbol.toString())
							.isEqualTo("Open (continuous trading)");
						assertThat(symbol.path("chart").asString()).as(symbol.toString())
							.matches("M[\\d.]+ [\\d.]+(L[\\d.]+ [\\d.]+)+");
						assertThat(symbol.path("chartWidth").asDouble()).as(symbol.toString()).isGreaterThan(200);
						assertThat(symbol.path("bars").size()).as(symbol.toString()).isEqualTo(20);
						assertThat(symbol.path("bars").valueStream().map(JsonNode::asDouble)).as(symbol + " depth bars")
							.allMatch((width) -> width > 0);
					}
					first.set(page);
				});
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					for (int i = 0; i < SYMBOLS.size(); i++) {
						JsonNode before = first.get().path("symbols").get(i);
						JsonNode now = page.path("symbols").get(i);
						assertThat(now.path("book").asString()).as(SYMBOLS.get(i) + " book")
							.isNotEqualTo(before.path("book").asString());
						assertThat(now.path("chart").asString()).as(SYMBOLS.get(i) + " chart")
							.isNotEqualTo(before.path("chart").asString());
					}
				});

				context.getBean(SettradeMqttConnection.class).rotate();
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					assertThat(page.path("epoch").asString()).isEqualTo("2");
					assertThat(kinds(page)).containsExactly("rotation", "connected");
					assertThat(page.path("timeline").get(0).path("text").asString()).contains("Rotated")
						.contains("no gap")
						.contains("epoch 2");
				});

				context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class)
					.mqtt()
					.dropAllConnections();
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					assertThat(page.path("state").asString()).isEqualTo("Connected");
					// a reconnect attempt may fail under load: its entry is not what this
					// is about
					assertThat(kinds(page)).filteredOn((kind) -> !kind.equals("attempt-failed"))
						.containsExactly("recovery", "rotation", "connected");
					assertThat(page.path("timeline").get(0).path("text").asString()).contains("Recovered")
						.containsPattern("gap [\\d.]+ m?s");
				});

				// a chart with some history for the screenshot, and the books moving
				// again
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					for (JsonNode symbol : page.path("symbols")) {
						assertThat(symbol.path("chart").asString().split("L")).as(symbol.path("symbol").asString())
							.hasSizeGreaterThanOrEqualTo(30);
					}
				});
				byte[] png = chromium.screenshot();
				assertThat(png).startsWith(0x89, 'P', 'N', 'G');
				Files.createDirectories(SCREENSHOT.getParent());
				Files.write(SCREENSHOT, png);
			}
		}
	}

	private static JsonNode read(HeadlessChromium chromium) throws Exception {
		return HeadlessChromiumJson.parse(chromium.evaluate(READ_PAGE).asString());
	}

	private static List<String> symbols(JsonNode page) {
		return page.path("symbols").valueStream().map((symbol) -> symbol.path("symbol").asString()).toList();
	}

	private static List<String> kinds(JsonNode page) {
		return page.path("timeline").valueStream().map((entry) -> entry.path("kind").asString()).toList();
	}

}
