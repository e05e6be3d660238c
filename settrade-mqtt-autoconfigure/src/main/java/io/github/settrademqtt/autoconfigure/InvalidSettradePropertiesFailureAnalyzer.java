package io.github.settrademqtt.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidSettradePropertiesException}: each problem with its property,
 * and what to change.
 *
 * @author settrade-mqtt
 */
class InvalidSettradePropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettradePropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettradePropertiesException cause) {
		return analysis(cause.getProblems(), cause);
	}

	/**
	 * Return the analysis of configuration problems, in the one form every Settrade
	 * configuration failure takes.
	 */
	static FailureAnalysis analysis(List<Problem> problems, Throwable cause) {
		String description = problems.stream()
			.map((problem) -> "    - " + problem.property() + ": " + problem.reason())
			.collect(Collectors.joining(System.lineSeparator(),
					"The Settrade MQTT starter is misconfigured:" + System.lineSeparator(), ""));
		String action = problems.stream()
			.map((problem) -> "    - " + problem.action())
			.distinct()
			.collect(Collectors.joining(System.lineSeparator(),
					"Update your application's configuration:" + System.lineSeparator(), ""));
		return new FailureAnalysis(description, action, cause);
	}

}
