package io.github.settrademqtt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of the repository this module is built in: its README, docs and the other
 * modules' sources.
 */
final class RepositoryFiles {

	private RepositoryFiles() {
	}

	/**
	 * Returns the repository's root: the closest directory above the working directory
	 * (the module's, under Maven) that holds {@code README.md} and {@code docs}.
	 * @return the root directory
	 */
	static Path root() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.isRegularFile(directory.resolve("README.md")) && Files.isDirectory(directory.resolve("docs"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("No README.md and docs/ above " + Path.of("").toAbsolutePath());
	}

	static String read(String path) {
		try {
			return Files.readString(root().resolve(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
