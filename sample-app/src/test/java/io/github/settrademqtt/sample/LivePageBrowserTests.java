package io.github.settrademqtt.sample;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the live page in headless Chromium: the sample starts as the README's run
 * command starts it, and within a minute the page shows a ten-level book and a last price
 * for every configured symbol, the books change, and the state reads connected. Needs
 * {@code /usr/bin/chromium}; runs with {@code mvn -pl sample-app -Pbrowser verify}.
 */
@Tag("browser")
class LivePageBrowserTests {

	private static final List<String> SYMBOLS = List.of("AOT", "CPALL", "PTT");

	/**
	 * The page as the test reads it: state, epoch and next rotation, and per symbol its
	 * last price, how many book rows have a bid and an ask, and the book's cells.
	 */
	private static final String READ_PAGE = """
			JSON.stringify({
				state: document.getElementById('state').textContent,
				epoch: document.getElementById('epoch').textContent,
				nextRotation: document.getElementById('next-rotation').textContent,
				symbols: Array.from(document.querySelectorAll('section.symbol')).map(function (s) {
					var rows = Array.from(s.querySelectorAll('tr.level'));
					return {
						symbol: s.dataset.symbol,
						last: s.querySelector('.last').textContent,
						fullRows: rows.filter(function (r) {
							return r.querySelector('.bid-price').textContent && r.querySelector('.ask-price').textContent;
						}).length,
						book: rows.map(function (r) { return r.textContent; }).join('|')
					};
				})
			})""";

	@Test
	void pageShowsMovingBooksAndTheConnectedState() throws Exception {
		assertThat(Files.isExecutable(HeadlessChromium.EXECUTABLE))
			.as("%s (apt-get install chromium)", HeadlessChromium.EXECUTABLE)
			.isTrue();
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			try (HeadlessChromium chromium = HeadlessChromium.open("http://127.0.0.1:" + port + "/")) {
				AtomicReference<JsonNode> first = new AtomicReference<>();
				await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					assertThat(page.path("state").asString()).isEqualTo("CONNECTED");
					assertThat(page.path("epoch").asString()).isEqualTo("1");
					assertThat(page.path("nextRotation").asString()).isNotEqualTo("-");
					assertThat(symbols(page)).containsExactlyElementsOf(SYMBOLS);
					for (JsonNode symbol : page.path("symbols")) {
						assertThat(symbol.path("fullRows").asInt()).as(symbol.toString()).isEqualTo(10);
						assertThat(symbol.path("last").asString()).as(symbol.toString()).matches("\\d+(\\.\\d+)?");
					}
					first.set(page);
				});
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
					JsonNode page = read(chromium);
					for (int i = 0; i < SYMBOLS.size(); i++) {
						assertThat(page.path("symbols").get(i).path("book").asString()).as(SYMBOLS.get(i) + " book")
							.isNotEqualTo(first.get().path("symbols").get(i).path("book").asString());
					}
				});
			}
		}
	}

	private static JsonNode read(HeadlessChromium chromium) throws Exception {
		return HeadlessChromiumJson.parse(chromium.evaluate(READ_PAGE).asString());
	}

	private static List<String> symbols(JsonNode page) {
		return page.path("symbols").valueStream().map((symbol) -> symbol.path("symbol").asString()).toList();
	}

}
