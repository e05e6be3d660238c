package io.github.settrademqtt.actuate.metrics;

import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * The meters of cluster mode's fan-out over Kafka, read from the replica's
 * {@link FeedPublisher} and {@link FeedFollower}: the counters
 * {@code settrade.mqtt.cluster.published} and
 * {@code settrade.mqtt.cluster.publish.failures} (the leader's messages Kafka took, and
 * those it could not send), {@code settrade.mqtt.cluster.consumed} (messages read from
 * Kafka and delivered), {@code settrade.mqtt.cluster.fenced} (messages of a deposed
 * leader not delivered) and {@code settrade.mqtt.cluster.handovers} (new leaders seen),
 * and the gauges {@code settrade.mqtt.cluster.lag} (records of the topic yet to read, NaN
 * when not known) and {@code settrade.mqtt.cluster.term} (the leader term read last).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeClusterMeters implements MeterBinder {

	private final FeedPublisher publisher;

	private final FeedFollower follower;

	private final ClusterSubscriptions subscriptions;

	/**
	 * Create the meters.
	 * @param publisher the replica's publisher, which publishes while it leads
	 * @param follower the replica's reader of the feed topic
	 * @param subscriptions the replica's view of the cluster's claims
	 */
	public SettradeClusterMeters(FeedPublisher publisher, FeedFollower follower, ClusterSubscriptions subscriptions) {
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(follower, "'follower' must not be null");
		Assert.notNull(subscriptions, "'subscriptions' must not be null");
		this.publisher = publisher;
		this.follower = follower;
		this.subscriptions = subscriptions;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		FunctionCounter.builder("settrade.mqtt.cluster.published", this.publisher, FeedPublisher::getPublishedCount)
			.description("Messages of this replica's upstream, while it led, that Kafka took")
			.register(meters);
		FunctionCounter.builder("settrade.mqtt.cluster.publish.failures", this.publisher, FeedPublisher::getFailedCount)
			.description("Messages of this replica's upstream, while it led, that could not be sent to Kafka")
			.register(meters);
		FunctionCounter.builder("settrade.mqtt.cluster.consumed", this.follower, FeedFollower::getDeliveredCount)
			.description("Messages read from Kafka and handed to this replica's delivery")
			.register(meters);
		FunctionCounter.builder("settrade.mqtt.cluster.fenced", this.follower, FeedFollower::getFencedCount)
			.description("Messages of a deposed leader read from Kafka and not delivered")
			.register(meters);
		FunctionCounter.builder("settrade.mqtt.cluster.handovers", this.follower, FeedFollower::getTermChangeCount)
			.description("New leaders this replica saw take over the feed")
			.register(meters);
		Gauge.builder("settrade.mqtt.cluster.lag", this.follower, SettradeClusterMeters::lag)
			.description("Records of the feed topic this replica has yet to read")
			.register(meters);
		Gauge.builder("settrade.mqtt.cluster.peers", this.subscriptions, ClusterSubscriptions::getPeerCount)
			.description("Other replicas of the cluster whose claims are live")
			.register(meters);
		Gauge.builder("settrade.mqtt.cluster.term", this.follower, (follower) -> follower.getTerm())
			.description("The leader term this replica read last")
			.register(meters);
	}

	private static double lag(FeedFollower follower) {
		long lag = follower.getLag();
		return (lag >= 0) ? lag : Double.NaN;
	}

}
