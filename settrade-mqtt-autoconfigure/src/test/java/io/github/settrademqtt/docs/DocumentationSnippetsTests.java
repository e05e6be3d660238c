package io.github.settrademqtt.docs;

import java.util.List;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code a new user copies runs as written: every Java, YAML and XML block of the
 * README, the getting-started guide, the testing guide and the cluster guide is a file of
 * this package's tests, named in a {@code <!-- snippet: path -->} comment on the line
 * above the block, and equal to it (a Java file without its {@code package} line, imports
 * shown). The Java files are the tests and the application they test, compiled and run by
 * the build; the YAML and XML files are checked by {@link GettingStartedTests} and
 * {@link DocumentedDependenciesTests}. Every block names its language, so that none
 * escapes the check unnoticed.
 */
class DocumentationSnippetsTests {

	private static final Set<String> CHECKED = Set.of("java", "yaml", "yml", "xml", "properties");

	private static final String SNIPPETS = "settrade-mqtt-autoconfigure/src/test/";

	@ParameterizedTest
	@ValueSource(strings = { "README.md", "docs/getting-started.md", "docs/testing.md", "docs/cluster.md" })
	void everyCodeBlockIsASnippetThatTheBuildRuns(String page) {
		List<CodeBlock> blocks = CodeBlock.parse(RepositoryFiles.read(page));
		assertThat(blocks).extracting(CodeBlock::language).contains("java", "xml");
		SoftAssertions softly = new SoftAssertions();
		for (CodeBlock block : blocks) {
			String where = page + " line " + block.line();
			softly.assertThat(block.language()).as("%s: the block's language", where).isNotEmpty();
			if (!CHECKED.contains(block.language())) {
				continue;
			}
			softly.assertThat(block.snippet())
				.as("%s: a ```%s block needs <!-- snippet: %s... --> on the line above", where, block.language(),
						SNIPPETS)
				.isNotNull()
				.startsWith(SNIPPETS);
			if (block.snippet() != null) {
				softly.assertThat(block.content())
					.as("%s: the block differs from %s (copy the file, without its package line)", where,
							block.snippet())
					.isEqualTo(shown(block.snippet()));
			}
		}
		softly.assertAll();
	}

	/**
	 * The operations guide's listener is a snippet too.
	 */
	@Test
	void theOperationsGuidesListenerIsASnippetThatTheBuildRuns() {
		List<CodeBlock> java = CodeBlock.parse(RepositoryFiles.read("docs/operations.md"))
			.stream()
			.filter((block) -> "java".equals(block.language()))
			.toList();
		assertThat(java).isNotEmpty().allSatisfy((block) -> {
			assertThat(block.snippet()).as("docs/operations.md line %s: its snippet", block.line()).isNotNull();
			assertThat(block.content()).as("docs/operations.md line %s", block.line())
				.isEqualTo(shown(block.snippet()));
		});
	}

	/**
	 * What a page shows of a snippet file: all of it, but for the package of a Java file,
	 * which is the reader's own.
	 */
	private static String shown(String snippet) {
		String content = RepositoryFiles.read(snippet);
		if (snippet.endsWith(".java")) {
			assertThat(content).startsWith("package ");
			content = content.substring(content.indexOf("\n\n") + 2);
		}
		return content;
	}

}
