package io.github.settrademqtt.cluster.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the other replicas of a cluster claim, as read from the claims topic: one record
 * per replica, keyed by its id, whose value is every Settrade topic the replica claims,
 * one per line; an empty value claims nothing and no value (a tombstone) says the replica
 * left. A replica announces its claims again every refresh interval, so one that died
 * without a tombstone is forgotten once its last announcement is older than the expiry.
 * <p>
 * Not thread safe: the owner serializes access.
 *
 * @author settrade-mqtt
 */
final class PeerClaims {

	private final String self;

	private final Duration expiry;

	private final Map<String, Claim> byReplica = new HashMap<>();

	/**
	 * Create an empty view.
	 * @param self this replica's id, whose own record is left out
	 * @param expiry how long a replica's claims last after its last announcement
	 */
	PeerClaims(String self, Duration expiry) {
		Assert.hasText(self, "'self' must not be empty");
		this.self = self;
		this.expiry = expiry;
	}

	/**
	 * Apply a record of the claims topic.
	 * @param replica the record's key
	 * @param value the record's value, {@code null} for a tombstone
	 * @param announcedAt when the record was written
	 */
	void apply(String replica, byte @Nullable [] value, Instant announcedAt) {
		if (this.self.equals(replica)) {
			return;
		}
		if (value == null) {
			this.byReplica.remove(replica);
			return;
		}
		this.byReplica.put(replica, new Claim(decode(value), announcedAt));
	}

	/**
	 * Forget the replicas whose last announcement is older than the expiry.
	 * @param now the time now
	 * @return the ids of the replicas forgotten
	 */
	List<String> expire(Instant now) {
		List<String> expired = new ArrayList<>();
		Instant oldest = now.minus(this.expiry);
		for (Iterator<Map.Entry<String, Claim>> entries = this.byReplica.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<String, Claim> entry = entries.next();
			if (entry.getValue().announcedAt().isBefore(oldest)) {
				expired.add(entry.getKey());
				entries.remove();
			}
		}
		return expired;
	}

	/**
	 * Return every topic some other replica claims.
	 * @return the union of their claims, sorted
	 */
	Set<String> union() {
		Set<String> union = new TreeSet<>();
		this.byReplica.values().forEach((claim) -> union.addAll(claim.topics()));
		return union;
	}

	/**
	 * Return how many other replicas have announced claims that have not expired.
	 * @return the number of peers
	 */
	int peerCount() {
		return this.byReplica.size();
	}

	/**
	 * Encode a replica's claims as the value of its record.
	 * @param topics the topics
	 * @return one topic per line, sorted
	 */
	static byte[] encode(Collection<String> topics) {
		return String.join("\n", new TreeSet<>(topics)).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decode the value of a replica's record. Blank lines are skipped: whatever else the
	 * record claims still counts.
	 * @param value the value
	 * @return the topics
	 */
	static Set<String> decode(byte[] value) {
		Set<String> topics = new LinkedHashSet<>();
		for (String topic : new String(value, StandardCharsets.UTF_8).split("\n")) {
			if (!topic.isBlank()) {
				topics.add(topic.strip());
			}
		}
		return topics;
	}

	/**
	 * One replica's claims.
	 */
	private record Claim(Set<String> topics, Instant announcedAt) {

	}

}
