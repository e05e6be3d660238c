package io.github.settrademqtt.actuate.health;

import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.kafka.FeedFollower;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.Assert;

/**
 * Health of a replica's feed in cluster mode, where it comes from Kafka: {@code UP} once
 * the replica has caught up with the feed topic and reads it, {@code DOWN} before. Its
 * details say where the feed comes from ({@code source}), the replica's {@code role}, the
 * leader {@code term} it reads, its {@code lag} (records of the topic it has yet to read)
 * and how many messages of a deposed leader it did not deliver ({@code fenced}). The
 * upstream's own state is the {@code settrade} indicator's.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeClusterHealthIndicator extends AbstractHealthIndicator {

	private final FeedFollower follower;

	private final Supplier<ClusterRole> role;

	private final IntSupplier peers;

	/**
	 * Create an indicator.
	 * @param follower the replica's reader of the feed topic
	 * @param role the part the replica plays in holding the upstream, asked at each check
	 * @param peers how many other replicas have live claims, asked at each check
	 */
	public SettradeClusterHealthIndicator(FeedFollower follower, Supplier<ClusterRole> role, IntSupplier peers) {
		super("Settrade MQTT cluster health check failed");
		Assert.notNull(follower, "'follower' must not be null");
		Assert.notNull(role, "'role' must not be null");
		Assert.notNull(peers, "'peers' must not be null");
		this.follower = follower;
		this.role = role;
		this.peers = peers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean caughtUp = this.follower.isRunning() && this.follower.isCaughtUp();
		if (caughtUp) {
			builder.up();
		}
		else {
			builder.down()
				.withDetail("reason", this.follower.isRunning() ? "catching up with the feed topic" : "not reading");
		}
		builder.withDetail("source", "kafka")
			.withDetail("role", this.role.get().toDisplayName())
			.withDetail("term", this.follower.getTerm())
			.withDetail("lag", this.follower.getLag())
			.withDetail("fenced", this.follower.getFencedCount())
			.withDetail("peers", this.peers.getAsInt());
	}

}
