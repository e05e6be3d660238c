package io.github.settrademqtt.actuate.info;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.info.Info;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttInfoContributor}.
 */
class SettradeMqttInfoContributorTests {

	@Test
	void contributesVersionBrokerAndEnvironment() {
		Info info = contribute(new SettradeMqttInfoContributor("0.1.0", "063", SettradeTarget.PRODUCTION));
		assertThat(info.getDetails()).containsOnlyKeys("settrade");
		assertThat(info.get("settrade", Map.class)).containsExactly(Map.entry("starterVersion", "0.1.0"),
				Map.entry("brokerId", "063"), Map.entry("environment", "production"));
	}

	@ParameterizedTest
	@EnumSource
	void eachEnvironmentIsSaidInLowerCase(SettradeTarget target) {
		Info info = contribute(new SettradeMqttInfoContributor("098", target));
		assertThat(info.get("settrade", Map.class)).containsEntry("environment", Map
			.of(SettradeTarget.PRODUCTION, "production", SettradeTarget.SANDBOX, "sandbox", SettradeTarget.SIMULATOR,
					"simulator", SettradeTarget.CUSTOM, "custom")
			.get(target));
	}

	@Test
	void versionIsTheProjectVersionWhenRunFromTargetClasses() {
		// the starter's classes come from target/classes here, as in an IDE: no manifest
		assertThat(SettradeMqttInfoContributor.class.getPackage().getImplementationVersion()).isNull();
		String projectVersion = System.getProperty("settrade-mqtt.project-version");
		assertThat(projectVersion).as("project version passed by the build").isNotBlank().doesNotContain("@");
		assertThat(StarterVersion.get()).isEqualTo(projectVersion);
		Info info = contribute(new SettradeMqttInfoContributor("063", SettradeTarget.PRODUCTION));
		assertThat(info.get("settrade", Map.class)).containsEntry("starterVersion", projectVersion);
	}

	@Test
	void versionFallsBackToTheJarManifest() {
		// any class loaded from a jar whose manifest has an Implementation-Version
		assertThat(StarterVersion.read(null, SpringApplication.class)).isEqualTo(SpringBootVersion.getVersion());
	}

	@Test
	void anUnfilteredBuildPropertiesFileIsIgnored(@TempDir Path directory) throws IOException {
		Path unfiltered = Files.writeString(directory.resolve("build.properties"), "version=@project.version@\n");
		assertThat(StarterVersion.read(unfiltered.toUri().toURL(), SpringApplication.class))
			.isEqualTo(SpringBootVersion.getVersion());
		assertThat(StarterVersion.read(unfiltered.toUri().toURL(), SettradeMqttInfoContributorTests.class))
			.isEqualTo("unknown");
	}

	@Test
	void buildPropertiesAreARuntimeHint() {
		RuntimeHints hints = new RuntimeHints();
		new SettradeMqttInfoRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/settrade-mqtt/build.properties"))
			.accepts(hints);
	}

	private static Info contribute(SettradeMqttInfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return builder.build();
	}

}
