package io.github.settrademqtt.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample as the README's run command does (no configuration at all; only the
 * port is left to the operating system) and checks over real HTTP that the page is served
 * and that books, prices and the connected status stream on {@code /feed} within a
 * minute.
 */
class LivePageTests {

	private static ConfigurableApplicationContext context;

	private static String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startAsTheReadmeDoes() {
		context = SpringApplication.run(SampleApplication.class, "--server.port=0");
		baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		context.close();
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
	void statusEndpointReportsTheConnection() throws Exception {
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> assertThat(get("/status").body()).contains("\"state\":\"CONNECTED\"")
				.contains("\"nextRotation\":\""));
		assertThat(context.getBean(LiveFeed.class).status()).containsKeys("epoch", "connectedAt", "ticketExpiresAt");
	}

	@Test
	void actuatorHealthInfoAndMetricsStayExposed() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/info", "/actuator/metrics" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(Map.of("metrics", get("/actuator/metrics").body())).hasEntrySatisfying("metrics",
				(body) -> assertThat(body).contains("settrade.mqtt.messages.received"));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
