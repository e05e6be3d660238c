package io.github.settrademqtt.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link SettradeMqttPropertiesValidator}: each rule that catches a typo before
 * it silently misroutes or silences the feed.
 */
class SettradeMqttPropertiesValidatorTests {

	@Nested
	class BrokerId {

		@ParameterizedTest
		@ValueSource(strings = { "063", "098", "000", "SANDBOX", "sandbox", "SandBox", " 063 " })
		void threeDigitsOrSandboxInAnyCaseAreAccepted(String brokerId) {
			assertValid((properties) -> properties.setBrokerId(brokerId));
		}

		@ParameterizedTest
		@ValueSource(strings = { "sandbx", "sanbox", "sandboxx", "snadbox", "SANDBX", "Sand-box", "uat", "TEST" })
		void nearMissesOfSandboxFailAndSuggestSandbox(String brokerId) {
			Problem problem = singleProblem((properties) -> properties.setBrokerId(brokerId));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.broker-id");
			assertThat(problem.reason()).isEqualTo("'" + brokerId + "' is neither a three-digit broker id nor SANDBOX");
			assertThat(problem.action()).startsWith("Did you mean SANDBOX?");
		}

		@ParameterizedTest
		@ValueSource(strings = { "63", "0063", "O63", "broker", "06 3", "production" })
		void otherValuesFailWithoutSuggestingSandbox(String brokerId) {
			Problem problem = singleProblem((properties) -> properties.setBrokerId(brokerId));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.broker-id");
			assertThat(problem.reason()).contains("'" + brokerId + "'");
			assertThat(problem.action()).doesNotContain("Did you mean SANDBOX")
				.contains("three-digit id, such as 063, or to SANDBOX");
		}

		@Test
		void anUnquotedYamlNumberIsExplained() {
			// 'broker-id: 063' in YAML binds as the octal number 51
			Problem problem = singleProblem((properties) -> properties.setBrokerId("51"));
			assertThat(problem.action()).startsWith("If your YAML says broker-id: 063, quote it (broker-id: \"063\")")
				.contains("YAML reads 063 as the octal number 51");
		}

	}

	@Nested
	class BaseUrl {

		@ParameterizedTest
		@ValueSource(strings = { "https://open-api.settrade.com", "https://open-api-test.settrade.com/",
				"https://OPEN-API.settrade.com", "https://127.0.0.1:8443", "https://proxy.example.com/settrade",
				"https://open-api-uat.settrade.com" })
		void settradeAndOtherHttpsUrlsAreAccepted(String baseUrl) {
			assertValid((properties) -> properties.setBaseUrl(baseUrl));
		}

		@Test
		void aNearMissOfASettradeHostFailsAndSuggestsIt() {
			Problem problem = singleProblem((properties) -> properties.setBaseUrl("https://open-api.setrade.com"));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.base-url");
			assertThat(problem.reason()).isEqualTo("'open-api.setrade.com' is not a Settrade host");
			assertThat(problem.action()).startsWith("Did you mean https://open-api.settrade.com?");
			assertThat(
					singleProblem((properties) -> properties.setBaseUrl("https://open-api-test.settrade.co")).action())
				.startsWith("Did you mean https://open-api-test.settrade.com?");
		}

		@Test
		void aSettradeUrlWithAPathFails() {
			Problem problem = singleProblem(
					(properties) -> properties.setBaseUrl("https://open-api.settrade.com/api/oam/v1"));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.base-url");
			assertThat(problem.reason()).contains("the starter adds the API paths itself");
			assertThat(problem.action()).startsWith("Set settrade.mqtt.base-url to https://open-api.settrade.com,");
		}

		@Test
		void productionUrlWithTheSandboxBrokerIdFails() {
			Problem problem = singleProblem((properties) -> {
				properties.setBrokerId("sandbox");
				properties.setBaseUrl("https://open-api.settrade.com");
			});
			assertThat(problem.property()).isEqualTo("settrade.mqtt.base-url");
			assertThat(problem.reason()).contains("production").contains("SANDBOX");
			assertThat(problem.action())
				.isEqualTo("Remove settrade.mqtt.base-url: broker-id SANDBOX selects https://open-api-test.settrade.com"
						+ " by itself");
		}

		@Test
		void anythingButAnAbsoluteHttpsUrlFails() {
			assertThat(singleProblem((properties) -> properties.setBaseUrl("http://open-api.settrade.com")).reason())
				.contains("is not an absolute https URL");
			assertThat(singleProblem((properties) -> properties.setBaseUrl("https://bad host")).reason())
				.contains("is not a URL");
		}

	}

	@Nested
	class Symbols {

		@ParameterizedTest
		@ValueSource(strings = { "PTT", "ptt", "S50Z25", "PTT-R", "BANPU-W4", "S&J", "K.A.", "AAPL80", "2S", " AOT " })
		void symbolsOfAnyShapeTheServiceUsesAreAccepted(String symbol) {
			assertValid((properties) -> {
				properties.getSubscriptions().setBidOffer(List.of(symbol));
				properties.getSubscriptions().setPriceInfo(List.of(symbol));
				properties.getSubscriptions().setCandlestick(List.of(candlestick(symbol, "1m")));
			});
		}

		@ParameterizedTest
		@ValueSource(strings = { "PTT AOT", "PTT,AOT", "PTT;AOT", "PTT\tAOT" })
		void severalSymbolsInOneEntryFail(String symbols) {
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setBidOffer(List.of("CPALL", symbols)));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.bid-offer[1]");
			assertThat(problem.reason()).isEqualTo("'" + symbols + "' holds more than one symbol");
			assertThat(problem.action()).startsWith(
					"Put each symbol in an entry of its own in settrade.mqtt.subscriptions.bid-offer (in YAML, a list");
		}

		@ParameterizedTest
		@ValueSource(strings = { "[PTT", "AOT]", "\"PTT\"", "'PTT'", "{PTT}", "PTT=", "PTT," })
		void quotesBracketsAndSeparatorsFail(String symbol) {
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setPriceInfo(List.of(symbol)));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.price-info[0]");
			assertThat(problem.reason()).startsWith("'" + symbol + "' contains '").endsWith("', which no symbol has");
			assertThat(problem.action()).isEqualTo("Set settrade.mqtt.subscriptions.price-info[0] to a bare symbol "
					+ "such as PTT, without quotes, brackets or spaces");
		}

		@ParameterizedTest
		@ValueSource(strings = { "PTT/AOT", "PTT+", "#" })
		void topicCharactersFail(String symbol) {
			Problem problem = singleProblem((properties) -> properties.getSubscriptions().setBidOffer(List.of(symbol)));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.bid-offer[0]");
			assertThat(problem.reason()).contains("which no symbol has");
		}

		@Test
		void invisibleCharactersAreNamedByTheirCode() {
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setBidOffer(List.of("PTT\u00a0")));
			assertThat(problem.reason())
				.isEqualTo("'PTT\u00a0' contains an invisible character (U+00A0), which no " + "symbol has");
			assertThat(singleProblem((properties) -> properties.getSubscriptions().setBidOffer(List.of("\u200bAOT")))
				.reason()).contains("(U+200B)");
		}

		@Test
		void blankEntriesFail() {
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setBidOffer(List.of("PTT", " ")));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.bid-offer[1]");
			assertThat(problem.reason()).isEqualTo("is empty");
			assertThat(problem.action())
				.startsWith("Remove the empty entry from settrade.mqtt.subscriptions.bid-offer");
		}

		@Test
		void marketsAndAccountsFollowTheSameRules() {
			assertThat(problems((properties) -> {
				properties.getSubscriptions().setEquityExchangeInfo(List.of("SET", "__SET100__", "SET mai"));
				properties.getSubscriptions().setDerivativesExchangeInfo(List.of("TFEX"));
				properties.getSubscriptions().setEquityOrders(List.of("0123456-7", "\"0123456\""));
				properties.getSubscriptions().setDerivativesOrders(List.of("0123456-8"));
			})).extracting(Problem::property, Problem::reason)
				.containsExactly(
						tuple("settrade.mqtt.subscriptions.equity-exchange-info[2]",
								"'SET mai' holds more than one market"),
						tuple("settrade.mqtt.subscriptions.equity-orders[1]",
								"'\"0123456\"' contains '\"', which no account has"));
		}

		@Test
		void aCandlestickSymbolIsNamedByItsOwnKey() {
			Problem problem = singleProblem((properties) -> properties.getSubscriptions()
				.setCandlestick(List.of(candlestick("PTT", "1m"), candlestick("PTT AOT", "1m"))));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.candlestick[1].symbol");
		}

	}

	@Nested
	class Intervals {

		@ParameterizedTest
		@ValueSource(strings = { "1m", "3m", "5m", "10m", "15m", "30m", "60m", "120m", "240m", "1d", "1w", "1M", "2m",
				"45m", "480m", "2d", "3M", " 1m " })
		void everyIntervalOfTheRightShapeIsAccepted(String interval) {
			assertValid((properties) -> properties.getSubscriptions()
				.setCandlestick(List.of(candlestick("PTT", interval))));
		}

		@ParameterizedTest
		@ValueSource(strings = { "1h:60m", "4H:240m", "1D:1d", "1W:1w", "1 m:1m", "01m:1m", "5min:5m", "15 minutes:15m",
				"1day:1d", "2 Weeks:2w", "1month:1M", "1mo:1M", "1Min:1m" })
		void nearMissesFailAndSuggestTheServicesSpelling(String badAndMeant) {
			String bad = badAndMeant.substring(0, badAndMeant.indexOf(':'));
			String meant = badAndMeant.substring(badAndMeant.indexOf(':') + 1);
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setCandlestick(List.of(candlestick("PTT", bad))));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.candlestick[0].interval");
			assertThat(problem.reason()).isEqualTo("'" + bad + "' is not a candle interval");
			assertThat(problem.action()).startsWith("Did you mean " + meant + "? Write a candle interval as");
		}

		@ParameterizedTest
		@ValueSource(strings = { "0m", "m", "1", "1y", "1s", "m1", "1.5m", "-1m", "1m5" })
		void otherShapesFailWithTheRule(String interval) {
			Problem problem = singleProblem((properties) -> properties.getSubscriptions()
				.setCandlestick(List.of(candlestick("PTT", interval))));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.candlestick[0].interval");
			assertThat(problem.action()).isEqualTo("Write a candle interval as a whole number of m (minutes), "
					+ "d (days), w (weeks) or M (months), such as 1m, 5m, 60m, 240m, 1d, 1w or 1M");
		}

		@Test
		void aMissingHalfIsNamed() {
			SettradeMqttProperties.Candlestick symbolOnly = new SettradeMqttProperties.Candlestick();
			symbolOnly.setSymbol("PTT");
			Problem problem = singleProblem(
					(properties) -> properties.getSubscriptions().setCandlestick(List.of(symbolOnly)));
			assertThat(problem.property()).isEqualTo("settrade.mqtt.subscriptions.candlestick[0]");
			assertThat(problem.reason()).isEqualTo("needs both 'symbol' and 'interval'");
		}

	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertThat(problems((properties) -> {
			properties.setBrokerId("sandbx");
			properties.getSubscriptions().setBidOffer(List.of("PTT AOT"));
			properties.getSubscriptions().setCandlestick(List.of(candlestick("PTT", "1h")));
		})).extracting(Problem::property)
			.containsExactly("settrade.mqtt.broker-id", "settrade.mqtt.subscriptions.bid-offer[0]",
					"settrade.mqtt.subscriptions.candlestick[0].interval");
	}

	private static SettradeMqttProperties.Candlestick candlestick(String symbol, String interval) {
		SettradeMqttProperties.Candlestick candlestick = new SettradeMqttProperties.Candlestick();
		candlestick.setSymbol(symbol);
		candlestick.setInterval(interval);
		return candlestick;
	}

	private static SettradeMqttProperties valid(Consumer<SettradeMqttProperties> customizer) {
		SettradeMqttProperties properties = new SettradeMqttProperties();
		properties.setAppId("app-1");
		properties.setAppSecret(SettradeMqttAutoConfigurationTests.SECRET);
		properties.setAppCode("CODE1");
		properties.setBrokerId("063");
		customizer.accept(properties);
		return properties;
	}

	private static void assertValid(Consumer<SettradeMqttProperties> customizer) {
		SettradeMqttProperties properties = valid(customizer);
		assertThatNoException().isThrownBy(() -> SettradeMqttPropertiesValidator.validate(properties, true));
	}

	private static List<Problem> problems(Consumer<SettradeMqttProperties> customizer) {
		SettradeMqttProperties properties = valid(customizer);
		InvalidSettradePropertiesException ex = catchThrowableOfType(InvalidSettradePropertiesException.class,
				() -> SettradeMqttPropertiesValidator.validate(properties, true));
		assertThat(ex).as("validation failure").isNotNull();
		return ex.getProblems();
	}

	private static Problem singleProblem(Consumer<SettradeMqttProperties> customizer) {
		List<Problem> problems = problems(customizer);
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

}
