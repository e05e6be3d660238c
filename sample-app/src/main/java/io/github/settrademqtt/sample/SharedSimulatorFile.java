package io.github.settrademqtt.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * The file through which several sample processes use one embedded simulator, so that the
 * replicas of a cluster talk to the same Settrade. The process that hosts the simulator
 * (the {@code cluster-shared} profile) writes the properties that point the starter at it
 * (its address, an app's credentials and its certificate) to
 * {@code sample.simulator.shared-file}; replicas in cluster mode without credentials read
 * them. The file holds the simulator app's secret: where the file system allows it, only
 * its owner may read it.
 *
 * @author settrade-mqtt
 */
final class SharedSimulatorFile {

	/**
	 * The file's path; by default {@value #DEFAULT_NAME} in the temporary directory.
	 */
	static final String PROPERTY = "sample.simulator.shared-file";

	private static final String DEFAULT_NAME = "settrade-sample-simulator.properties";

	private final Path path;

	SharedSimulatorFile(Path path) {
		this.path = path;
	}

	static SharedSimulatorFile get(Binder binder) {
		return new SharedSimulatorFile(binder.bind(PROPERTY, String.class)
			.map(Path::of)
			.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), DEFAULT_NAME)));
	}

	Path path() {
		return this.path;
	}

	void write(Map<String, String> properties) {
		Properties file = new Properties();
		file.putAll(properties);
		try {
			Files.deleteIfExists(this.path);
			if (this.path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(this.path,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (Writer writer = Files.newBufferedWriter(this.path, StandardCharsets.UTF_8)) {
				file.store(writer, "The Settrade simulator of the sample's cluster-shared profile");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.path, ex);
		}
	}

	/**
	 * Read the properties a running simulator wrote.
	 * @return the properties, or empty when no simulator shares itself through this file
	 */
	Optional<Map<String, String>> read() {
		if (!Files.isRegularFile(this.path)) {
			return Optional.empty();
		}
		Properties file = new Properties();
		try (Reader reader = Files.newBufferedReader(this.path, StandardCharsets.UTF_8)) {
			file.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.path, ex);
		}
		Map<String, String> properties = new LinkedHashMap<>();
		file.stringPropertyNames().forEach((name) -> properties.put(name, file.getProperty(name)));
		return Optional.of(properties);
	}

	void delete() {
		try {
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + this.path, ex);
		}
	}

}
