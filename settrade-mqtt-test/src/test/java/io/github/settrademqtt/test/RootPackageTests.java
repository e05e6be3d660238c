package io.github.settrademqtt.test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the root package holds the simulator's public entry points and the types
 * their signatures need, and nothing else: the internals belong in the sub-packages
 * ({@code rest}, {@code mqtt}, {@code market}, {@code context}).
 */
class RootPackageTests {

	private static final Set<String> ENTRY_POINTS = Set.of("EmbeddedSettrade", "MqttCredentialMode", "ResponseStyle",
			"SettradeSimulator", "SettradeSimulatorExtension", "SimulatedApp", "SimulatorFaults", "SimulatorMarket",
			"SimulatorMqtt", "SimulatorPayloads", "SimulatorStats", "TicketInfo");

	@Test
	void theRootPackageHoldsTheEntryPointsOnly() throws IOException {
		assertThat(mainTypesOfRootPackage()).containsExactlyInAnyOrderElementsOf(ENTRY_POINTS);
	}

	@Test
	void everyTypeOfTheRootPackageIsPublic() throws Exception {
		for (String name : ENTRY_POINTS) {
			Class<?> type = Class.forName(SettradeSimulator.class.getPackageName() + "." + name);
			assertThat(Modifier.isPublic(type.getModifiers())).as(name).isTrue();
		}
	}

	/**
	 * Returns the simple names of the top-level types of the root package compiled from
	 * the main sources (where {@code SettradeSimulator} comes from), not the tests.
	 */
	private static Set<String> mainTypesOfRootPackage() throws IOException {
		String mainClasses = Objects
			.requireNonNull(SettradeSimulator.class.getProtectionDomain().getCodeSource(), "code source")
			.getLocation()
			.toString();
		String packagePath = SettradeSimulator.class.getPackageName().replace('.', '/');
		Resource[] classes = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + packagePath + "/*.class");
		return Arrays.stream(classes)
			.filter((resource) -> location(resource).startsWith(mainClasses)
					|| location(resource).startsWith("jar:" + mainClasses))
			.map(Resource::getFilename)
			.filter(Objects::nonNull)
			.map((file) -> file.substring(0, file.length() - ".class".length()))
			.filter((name) -> !name.contains("$") && !name.equals("package-info"))
			.collect(Collectors.toSet());
	}

	private static String location(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
