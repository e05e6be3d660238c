package io.github.settrademqtt.actuate.info;

import java.util.Map;

import io.github.settrademqtt.login.SettradeEnvironment;
import org.junit.jupiter.api.Test;

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
		Info info = contribute(new SettradeMqttInfoContributor("0.1.0", "063", SettradeEnvironment.PRODUCTION));
		assertThat(info.getDetails()).containsOnlyKeys("settrade");
		assertThat(info.get("settrade", Map.class)).containsExactly(Map.entry("starterVersion", "0.1.0"),
				Map.entry("brokerId", "063"), Map.entry("environment", "production"));
	}

	@Test
	void sandboxIsSaidInLowerCase() {
		Info info = contribute(new SettradeMqttInfoContributor("098", SettradeEnvironment.SANDBOX));
		assertThat(info.get("settrade", Map.class)).containsEntry("brokerId", "098")
			.containsEntry("environment", "sandbox");
	}

	@Test
	void versionComesFromTheJarManifest() {
		// any class loaded from a jar whose manifest has an Implementation-Version
		assertThat(SettradeMqttInfoContributor.versionOf(SpringApplication.class))
			.isEqualTo(SpringBootVersion.getVersion());
	}

	@Test
	void versionIsUnknownOutsideAJar() {
		// the starter's classes come from target/classes here, as in an IDE
		assertThat(SettradeMqttInfoContributor.versionOf(SettradeMqttInfoContributor.class)).isEqualTo("unknown");
		Info info = contribute(new SettradeMqttInfoContributor("063", SettradeEnvironment.PRODUCTION));
		assertThat(info.get("settrade", Map.class)).containsEntry("starterVersion", "unknown");
	}

	private static Info contribute(SettradeMqttInfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return builder.build();
	}

}
