package io.github.settrademqtt.sample;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live page's data: {@code /feed} is a server-sent event stream of {@code book},
 * {@code price} (with the price's recent history) and {@code status} (the connection, the
 * message rate and the connection's timeline) events, all JSON; {@code /status} is the
 * status once. The page itself is {@code static/index.html}; {@link LiveFeedEvents} says
 * what the events hold.
 *
 * @author settrade-mqtt
 */
@RestController
class FeedController {

	private final LiveFeed feed;

	FeedController(LiveFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter feed() {
		return this.feed.open();
	}

	@GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, @Nullable Object> status() {
		return this.feed.status();
	}

}
