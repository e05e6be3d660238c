package io.github.settrademqtt.cluster.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PeerClaims}.
 */
class PeerClaimsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	private final PeerClaims claims = new PeerClaims("self", Duration.ofMinutes(2));

	@Test
	void theUnionHoldsWhatEveryOtherReplicaClaimsAndLeavesThisOneOut() {
		this.claims.apply("a", PeerClaims.encode(List.of("t/2", "t/1")), NOW);
		this.claims.apply("b", PeerClaims.encode(List.of("t/2", "t/3")), NOW);
		this.claims.apply("self", PeerClaims.encode(List.of("t/self")), NOW);
		assertThat(this.claims.union()).containsExactly("t/1", "t/2", "t/3");
		assertThat(this.claims.peerCount()).isEqualTo(2);
	}

	@Test
	void aLaterRecordReplacesAReplicasClaimsAndATombstoneRemovesThem() {
		this.claims.apply("a", PeerClaims.encode(List.of("t/1", "t/2")), NOW);
		this.claims.apply("a", PeerClaims.encode(List.of("t/2")), NOW);
		assertThat(this.claims.union()).containsExactly("t/2");
		this.claims.apply("a", PeerClaims.encode(List.of()), NOW);
		assertThat(this.claims.union()).isEmpty();
		assertThat(this.claims.peerCount()).as("a replica that claims nothing is still a peer").isOne();
		this.claims.apply("a", null, NOW);
		assertThat(this.claims.peerCount()).isZero();
	}

	@Test
	void claimsNotAnnouncedAgainWithinTheExpiryAreForgotten() {
		this.claims.apply("old", PeerClaims.encode(List.of("t/old")), NOW.minus(Duration.ofMinutes(3)));
		this.claims.apply("fresh", PeerClaims.encode(List.of("t/fresh")), NOW.minus(Duration.ofMinutes(1)));
		assertThat(this.claims.expire(NOW)).containsExactly("old");
		assertThat(this.claims.union()).containsExactly("t/fresh");
		assertThat(this.claims.expire(NOW)).isEmpty();
	}

	@Test
	void encodingIsOneTopicPerLineSortedAndDecodingSkipsBlankLines() {
		assertThat(new String(PeerClaims.encode(List.of("t/b", "t/a")), StandardCharsets.UTF_8)).isEqualTo("t/a\nt/b");
		assertThat(PeerClaims.encode(List.of())).isEmpty();
		assertThat(PeerClaims.decode("t/a\n\n  \nt/b\n".getBytes(StandardCharsets.UTF_8))).containsExactly("t/a",
				"t/b");
		assertThat(PeerClaims.decode(new byte[0])).isEmpty();
	}

}
