package io.github.settrademqtt.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The sample's {@code /feed} stream read over real HTTP: every event's name and JSON
 * data, in arrival order.
 */
final class FeedStream implements AutoCloseable {

	private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final CompletableFuture<Void> reader;

	private FeedStream(HttpClient http, String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/feed"))
			.header("Accept", "text/event-stream")
			.build();
		this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.reader = this.response.thenAccept((r) -> {
			try (Stream<String> body = r.body()) {
				String[] name = { null };
				body.forEach((line) -> {
					if (line.startsWith("event:")) {
						name[0] = line.substring("event:".length());
					}
					else if (line.startsWith("data:") && name[0] != null) {
						this.events
							.add(new Event(name[0], HeadlessChromiumJson.parse(line.substring("data:".length()))));
					}
				});
			}
		});
	}

	static FeedStream open(HttpClient http, String baseUrl) {
		return new FeedStream(http, baseUrl);
	}

	/**
	 * Return the events of a name received so far.
	 * @param name the event's name, such as {@code price}
	 * @return their data, oldest first
	 */
	List<JsonNode> events(String name) {
		return this.events.stream().filter((event) -> event.name().equals(name)).map(Event::data).toList();
	}

	@Override
	public void close() {
		this.reader.cancel(true);
		this.response.thenAccept((r) -> r.body().close());
	}

	private record Event(String name, JsonNode data) {

	}

}
