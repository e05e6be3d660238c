package io.github.settrademqtt.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * Thrown at start-up when the starter's properties ({@code settrade.mqtt.*},
 * {@code management.health.settrade.*}) are missing or invalid: the one way the starter
 * rejects configuration. It lists every problem found, each naming its full property,
 * what is wrong and what is accepted; no message ever contains the app secret.
 * <p>
 * Why not Boot's own styles: {@code InvalidConfigurationPropertyValueException} names one
 * property per failure, so a user with three slips would restart three times, and its
 * analysis quotes the value, which for {@code app-secret} is the secret. A
 * {@code @Validated} properties class reports through Boot's bind-validation analysis,
 * which also quotes every rejected value, and runs at binding, before the starter knows
 * whether the credentials come from the properties at all (a {@code ConnectionDetails}
 * bean may supply them). This exception is Boot's failure analysis all the same: the
 * {@code InvalidSettradePropertiesFailureAnalyzer} turns it into the usual "APPLICATION
 * FAILED TO START" report, one line per property and what to do about it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class InvalidSettradePropertiesException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * Create a new exception.
	 * @param problems the problems found, at least one
	 */
	public InvalidSettradePropertiesException(List<Problem> problems) {
		super(message(problems));
		Assert.notEmpty(problems, "'problems' must not be empty");
		this.problems = List.copyOf(problems);
	}

	private static String message(List<Problem> problems) {
		return "Invalid Settrade MQTT configuration: " + problems.stream()
			.map((problem) -> problem.property() + ": " + problem.reason())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Return the problems found.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One invalid or missing property.
	 *
	 * @param property the full property name, such as {@code settrade.mqtt.app-id}
	 * @param reason what is wrong
	 * @param action what to do about it
	 */
	public record Problem(String property, String reason, String action) {

	}

}
