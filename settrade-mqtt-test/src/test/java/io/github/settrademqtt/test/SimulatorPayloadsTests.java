package io.github.settrademqtt.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.google.protobuf.CodedOutputStream;
import io.github.settrademqtt.test.market.MarketMessages;
import io.github.settrademqtt.test.market.SimulatedSymbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SimulatorPayloads}.
 */
class SimulatorPayloadsTests {

	@Test
	void theSequenceIsReadWhereverItIsAndOtherFieldsAreSkipped() throws IOException {
		byte[] payload = message((out) -> {
			out.writeString(1, "PTT");
			out.writeInt64(SimulatorPayloads.SEQUENCE_FIELD, 42);
			out.writeFixed64(3, 7);
			out.writeFixed32(4, 7);
			out.writeByteArray(5, new byte[] { 1, 2, 3 });
		});
		assertThat(SimulatorPayloads.sequence(payload)).hasValue(42);
	}

	@Test
	void aWellFormedMessageWithoutSequenceHasNone() throws IOException {
		assertThat(SimulatorPayloads.sequence(message((out) -> out.writeString(1, "PTT")))).isEmpty();
		assertThat(SimulatorPayloads.sequence(new byte[0])).isEmpty();
	}

	@Test
	void aMalformedPayloadIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorPayloads.sequence(new byte[] { 0x0A, 0x14, 'P' }));
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorPayloads.sequence("hello".getBytes()));
	}

	@Test
	void generatedMessagesCarryTheirSequence() {
		SimulatedSymbol symbol = new SimulatedSymbol("PTT");
		assertThat(SimulatorPayloads.sequence(MarketMessages.bidOffer(symbol.nextBidOffer(), 7))).hasValue(7);
		assertThat(SimulatorPayloads.sequence(MarketMessages.info(symbol.nextInfo(), 8))).hasValue(8);
	}

	@Test
	void negativeAmountsCarryTheSignInUnitsAndNanos() {
		ProtobufFields info = ProtobufFields
			.parse(MarketMessages.info(new SimulatedSymbol.Info("PTT", 3425, 3300, 3350, 100, -75, 335_000, 4), 1));
		ProtobufFields change = info.message(7);
		assertThat(change.varint(2)).isZero();
		assertThat(change.varint(3)).isEqualTo(-750_000_000L);
		assertThat(info.money(7)).isEqualByComparingTo("-0.75");
		assertThat(info.money(4)).isEqualByComparingTo("33.50");
		assertThat(info.money(8)).isEqualByComparingTo("3350");
	}

	private static byte[] message(Writer writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		writer.write(out);
		out.flush();
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Writer {

		void write(CodedOutputStream out) throws IOException;

	}

}
