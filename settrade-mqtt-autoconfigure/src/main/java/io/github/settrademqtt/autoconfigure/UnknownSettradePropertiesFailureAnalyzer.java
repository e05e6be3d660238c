package io.github.settrademqtt.autoconfigure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains {@code settrade.mqtt.*} keys that match no property, which would otherwise be
 * ignored in silence (a mistyped {@code subscriptions} subscribes to nothing), and
 * suggests the key probably meant.
 * <p>
 * It runs before Spring Boot's own analyzer of unbound properties because that one shows
 * each value, and a mistyped {@code app-secret} key holds the secret: here no value is
 * ever shown.
 *
 * @author settrade-mqtt
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownSettradePropertiesFailureAnalyzer
		extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName
		.of(SettradeMqttPropertyNames.PREFIX);

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		Set<ConfigurationProperty> unbound = cause.getUnboundProperties();
		if (unbound.isEmpty() || !unbound.stream().allMatch((property) -> PREFIX.isAncestorOf(property.getName()))) {
			return null;
		}
		Set<String> known = SettradeMqttPropertyNames.all();
		List<Problem> problems = unbound.stream().sorted().map((property) -> problem(property, known)).toList();
		return InvalidSettradePropertiesFailureAnalyzer.analysis(problems, cause);
	}

	private static Problem problem(ConfigurationProperty property, Set<String> known) {
		String name = property.getName().toString();
		String origin = (property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "";
		String action = meant(name.replaceAll("\\[[^]]*]", ""), known)
			.map((meant) -> "Did you mean " + meant + "? Correct the name of " + name)
			.orElse("Correct or remove " + name + ": docs/configuration.md lists every key");
		return new Problem(name, "is not a property of the Settrade MQTT starter" + origin, action);
	}

	/**
	 * The known name a few edits away, or else those that end as the unknown one does (a
	 * key written one level too high, such as {@code settrade.mqtt.bid-offer}).
	 */
	private static Optional<String> meant(String name, Set<String> known) {
		return Suggestions.nearest(name, known).or(() -> {
			String last = name.substring(name.lastIndexOf('.') + 1);
			List<String> sameEnd = known.stream().filter((candidate) -> candidate.endsWith("." + last)).toList();
			return sameEnd.isEmpty() ? Optional.empty() : Optional.of(String.join(" or ", sameEnd));
		});
	}

}
