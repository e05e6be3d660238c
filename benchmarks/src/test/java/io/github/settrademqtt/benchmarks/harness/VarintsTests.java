package io.github.settrademqtt.benchmarks.harness;

import io.github.settrademqtt.benchmarks.RealisticPayloads;
import io.github.settrademqtt.test.SimulatorPayloads;
import io.github.settrademqtt.test.proto.BidOfferV3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Varints}.
 */
class VarintsTests {

	@Test
	void appendedFieldsAreReadBackByTheGeneratedParserAndTheSimulator() throws Exception {
		byte[] book = RealisticPayloads.book("PTT").toBuilder().clearAskVolume10().build().toByteArray();
		long large = (1L << 62) + 12345;
		byte[] numbered = Varints.withField(Varints.withField(book, 43, large), SimulatorPayloads.SEQUENCE_FIELD, 300);
		BidOfferV3 parsed = BidOfferV3.parseFrom(numbered);
		assertThat(parsed.getAskVolume10()).isEqualTo(large);
		assertThat(parsed.getBidVolume1()).isEqualTo(RealisticPayloads.book("PTT").getBidVolume1());
		assertThat(SimulatorPayloads.sequence(numbered)).hasValue(300);
	}

	@Test
	void theValueAppendedLastIsReadFromTheEnd() {
		byte[] book = RealisticPayloads.book("PTT").toBuilder().clearAskVolume10().build().toByteArray();
		for (long value : new long[] { 0, 1, 127, 128, 300, 16_383, 16_384, 2_000_000, (1L << 62) + 12345 }) {
			assertThat(Varints.lastValue(Varints.withField(book, 43, value))).as("%d", value).isEqualTo(value);
			assertThat(Varints.lastValue(Varints.withField(book, 5, value))).as("%d", value).isEqualTo(value);
		}
	}

}
