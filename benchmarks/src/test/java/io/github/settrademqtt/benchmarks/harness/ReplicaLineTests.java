package io.github.settrademqtt.benchmarks.harness;

import io.github.settrademqtt.benchmarks.harness.ReplicaLine.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplicaLineTests {

	@Test
	void aMessageReadsBackAsWritten() {
		ReplicaLine message = ReplicaLine.message("proto/topic/bidofferv3/K0007", 42, 3, 123_456_789_012L);
		assertThat(ReplicaLine.parse(message.format())).isEqualTo(message);
	}

	@Test
	void everyOtherEventReadsBackAsWritten() {
		for (Kind kind : Kind.values()) {
			if (kind != Kind.MESSAGE) {
				ReplicaLine event = ReplicaLine.event(kind, -5);
				assertThat(ReplicaLine.parse(event.format())).isEqualTo(event);
			}
		}
	}

	@Test
	void aLogLineIsNoEvent() {
		assertThat(ReplicaLine.parse("2026-12-01 WARN  o.a.k.c.NetworkClient - Connection to node 1 lost")).isNull();
		assertThat(ReplicaLine.parse("")).isNull();
	}

	@Test
	void aMalformedEventLineIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaLine.parse("@@replica 12 MESSAGE topic 4"))
			.withMessageContaining("'@@replica 12 MESSAGE topic 4'");
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaLine.parse("@@replica 12 CONNECTED extra"))
			.withMessageContaining("CONNECTED extra");
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaLine.parse("@@replica soon READY"))
			.withMessageContaining("soon");
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaLine.parse("@@replica 12 VANISHED"))
			.withMessageContaining("VANISHED");
	}

	@Test
	void aTopicWithWhiteSpaceCannotBeWritten() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReplicaLine.message("a topic", 1, 1, 1))
			.withMessageContaining("'a topic'");
	}

}
