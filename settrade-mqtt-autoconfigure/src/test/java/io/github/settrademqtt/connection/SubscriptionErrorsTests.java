package io.github.settrademqtt.connection;

import io.github.settrademqtt.feed.SettradeTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubscriptionErrors}: whatever the shape of the service's report, the
 * topic it names is found among ours.
 */
class SubscriptionErrorsTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String PTT_INFO = SettradeTopics.priceInfo("PTT");

	private static final String PTTEP = SettradeTopics.bidOffer("PTTEP");

	private static final String BAD = SettradeTopics.bidOffer("ZXCASDXZC");

	private static final String SET100 = SettradeTopics.equityExchangeInfo("__SET100__");

	private static final List<String> TOPICS = List.of(PTT, PTT_INFO, PTTEP, BAD, SET100);

	@Test
	void aReportNamingTheTopicFindsThatTopicOnly() {
		assertThat(SubscriptionErrors.find(
				"{\"code\":\"SUBSCRIBE_ERROR\",\"message\":\"not found\",\"topic\":\"proto/topic/bidofferv3/ZXCASDXZC\"}",
				TOPICS))
			.containsExactly(BAD);
	}

	@Test
	void escapedSlashesAreReadAsSlashes() {
		String text = SubscriptionErrors
			.readable("{\"topic\":\"proto\\/topic\\/bidofferv3\\/ZXCASDXZC\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(SubscriptionErrors.find(text, TOPICS)).containsExactly(BAD);
	}

	@Test
	void aPlainTextReportNamingASymbolFindsEveryTopicOfThatSymbolAsAWholeWord() {
		assertThat(SubscriptionErrors.find("Invalid symbol: ptt", TOPICS)).containsExactly(PTT, PTT_INFO);
		assertThat(SubscriptionErrors.find("symbol PTT-R unknown", TOPICS)).isEmpty();
		assertThat(SubscriptionErrors.find("PTTEP not found", TOPICS)).containsExactly(PTTEP);
		assertThat(SubscriptionErrors.find("market __SET100__ does not exist", TOPICS)).containsExactly(SET100);
	}

	@Test
	void aReportNamingNothingOfOursFindsNothing() {
		assertThat(SubscriptionErrors.find("something went wrong", TOPICS)).isEmpty();
		assertThat(SubscriptionErrors.find("", TOPICS)).isEmpty();
	}

	@Test
	void theReportIsOneShortPrintableLine() {
		byte[] payload = ("line one\nline two\u0000" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
		String readable = SubscriptionErrors.readable(payload);
		assertThat(readable).startsWith("line one line two").hasSizeLessThanOrEqualTo(300).doesNotContain("\n");
	}

	@Test
	void aReportMarksTheTopicFailedOnceWithTheServiceWordsAndCountsIt() {
		SubscriptionRegistry registry = new SubscriptionRegistry();
		registry.subscribe(BAD);
		registry.subscribe(PTT);
		registry.record(SubscribeOutcome.granted(BAD));
		registry.record(SubscribeOutcome.granted(PTT));
		List<String> rejected = new ArrayList<>();
		SubscriptionErrors errors = new SubscriptionErrors(registry, (topic, reason) -> rejected.add(topic));
		byte[] report = "Symbol ZXCASDXZC not found".getBytes(StandardCharsets.UTF_8);
		errors.report(report);
		errors.report(report);
		assertThat(registry.states()).containsEntry(BAD, SubscriptionState.FAILED)
			.containsEntry(PTT, SubscriptionState.ACTIVE);
		assertThat(registry.failures().get(BAD)).isEqualTo("Settrade reported: Symbol ZXCASDXZC not found");
		assertThat(rejected).as("told once, not per copy of the report").containsExactly(BAD);
	}

	@Test
	void onlyTheServiceErrorTopicIsTheErrorTopic() {
		assertThat(SubscriptionErrors.isErrorTopic("$sys/u/_broker/_uref/error/subscribe")).isTrue();
		assertThat(SubscriptionErrors.isErrorTopic(PTT)).isFalse();
		assertThat(SubscriptionErrors.isErrorTopic("$sys/other")).isFalse();
		assertThat(SubscriptionErrors.isErrorTopic("")).isFalse();
	}

}
