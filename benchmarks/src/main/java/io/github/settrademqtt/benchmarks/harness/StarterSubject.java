package io.github.settrademqtt.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;
import org.jspecify.annotations.Nullable;

/**
 * The starter under a fault campaign, as a user runs it: a Spring Boot application with a
 * {@link BidOfferListener} bean, which records the number each book carries in its tenth
 * ask level, and the raw channel recorded beside it.
 *
 * @author settrade-mqtt
 */
public final class StarterSubject implements CampaignSubject {

	private final String rotation;

	private @Nullable StarterFeed feed;

	private long marginNanos;

	/**
	 * Create a subject.
	 * @param rotation {@code settrade.mqtt.rotation}: {@code overlap} or {@code restart}
	 */
	public StarterSubject(String rotation) {
		this.rotation = rotation;
	}

	@Override
	public String name() {
		return "starter, `rotation=" + this.rotation + "`";
	}

	@Override
	public boolean supports(Fault fault) {
		return true;
	}

	@Override
	public boolean makeBeforeBreak() {
		return this.rotation.equals("overlap");
	}

	@Override
	public List<String> routineSteps() {
		// a restart installs each new connection; an overlap hands over to it
		return makeBeforeBreak()
				? List.of("ROTATE", "TICKET", "OPEN", "SUBSCRIBE", "ALIGN", "HAND_OVER", "PUBLISH_EVENT")
				: List.of("ROTATE", "TICKET", "OPEN", "SUBSCRIBE", "INSTALL", "PUBLISH_EVENT");
	}

	@Override
	public void start(CampaignSettings settings, SettradeSimulator simulator, SimulatedApp app, ArrivalLog raw,
			ArrivalLog delivered) {
		Map<String, String> properties = new LinkedHashMap<>(settings.starterProperties());
		properties.put("settrade.mqtt.rotation", this.rotation);
		properties.put("settrade.mqtt.subscriptions.bid-offer", String.join(",", settings.symbols()));
		BidOfferListener listener = (book) -> delivered.record(SimulatorMarket.bidOfferTopic(book.symbol()),
				book.asks().get(9).volume(), -1);
		this.marginNanos = settings.margin().toNanos();
		StarterFeed feed = StarterFeed.start(simulator, app, properties, Map.of("campaignListener", listener));
		this.feed = feed;
		feed.rawChannel().subscribe(raw);
	}

	@Override
	public long connection() {
		SessionFacts facts = requireFeed().connection().getSessionFacts();
		return (facts != null) ? facts.epoch() : 0;
	}

	@Override
	public long nextRotationNanos() {
		Long expiry = requireFeed().connection().getTicketExpiresAtNanos();
		return (expiry != null) ? expiry - this.marginNanos : 0;
	}

	@Override
	public @Nullable StarterFeed feed() {
		return this.feed;
	}

	private StarterFeed requireFeed() {
		StarterFeed feed = this.feed;
		if (feed == null) {
			throw new IllegalStateException("Not started");
		}
		return feed;
	}

	@Override
	public void close() {
		if (this.feed != null) {
			this.feed.close();
		}
	}

}
