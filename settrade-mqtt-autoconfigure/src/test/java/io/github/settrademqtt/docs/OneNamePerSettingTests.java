package io.github.settrademqtt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each setting has one name in every message and page: its property, and in the
 * environment the name Spring Boot's relaxed binding gives it
 * ({@code SETTRADE_MQTT_APP_SECRET}, which works with no placeholder). The names of the
 * placeholders the docs once used must not come back.
 */
class OneNamePerSettingTests {

	private static final Pattern OTHER_NAME = Pattern.compile("\\bSETTRADE_(APP_ID|APP_SECRET|APP_CODE|BROKER_ID)\\b");

	private static final Set<String> TEXT = Set.of("java", "md", "yml", "yaml", "properties", "json", "html", "js",
			"xml", "factories", "imports");

	@Test
	void theReadmeDocsAndMainSourcesUseTheRelaxedBindingNames() throws IOException {
		Path root = RepositoryFiles.root();
		List<Path> files = new ArrayList<>();
		files.add(root.resolve("README.md"));
		files.addAll(textFiles(root.resolve("docs")));
		try (Stream<Path> modules = Files.list(root)) {
			for (Path module : modules.filter((path) -> Files.isDirectory(path.resolve("src/main"))).toList()) {
				files.addAll(textFiles(module.resolve("src/main")));
			}
		}
		assertThat(files).as("files searched")
			.anyMatch((path) -> path.endsWith("docs/getting-started.md"))
			.anyMatch((path) -> path.toString().contains("settrade-mqtt-autoconfigure/src/main"))
			.anyMatch((path) -> path.toString().contains("sample-app/src/main"));
		List<String> found = new ArrayList<>();
		for (Path file : files) {
			List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				if (OTHER_NAME.matcher(lines.get(i)).find()) {
					found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(found)
			.as("SETTRADE_MQTT_APP_ID, SETTRADE_MQTT_APP_SECRET, SETTRADE_MQTT_APP_CODE and "
					+ "SETTRADE_MQTT_BROKER_ID are the names; found other names")
			.isEmpty();
	}

	private static List<Path> textFiles(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile).filter(OneNamePerSettingTests::isText).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isText(Path path) {
		String name = path.getFileName().toString();
		return TEXT.contains(name.substring(name.lastIndexOf('.') + 1));
	}

}
