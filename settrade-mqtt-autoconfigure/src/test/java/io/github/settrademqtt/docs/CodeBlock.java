package io.github.settrademqtt.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A fenced code block of a Markdown page, with the snippet file named in a
 * {@code <!-- snippet: path -->} comment on the line above its opening fence.
 *
 * @param line the line number of the opening fence, from 1
 * @param language the info string (the language), empty when there is none
 * @param content the lines between the fences, each ending with a line break
 * @param snippet the path of the snippet file, from the repository's root, or
 * {@code null}
 */
record CodeBlock(int line, String language, String content, @Nullable String snippet) {

	private static final Pattern SNIPPET = Pattern.compile("^<!-- snippet: (\\S+) -->$");

	private static final String FENCE = "```";

	static List<CodeBlock> parse(String markdown) {
		List<CodeBlock> blocks = new ArrayList<>();
		List<String> lines = markdown.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String opening = lines.get(i);
			if (!opening.startsWith(FENCE)) {
				continue;
			}
			StringBuilder content = new StringBuilder();
			int closing = i + 1;
			while (closing < lines.size() && !lines.get(closing).equals(FENCE)) {
				content.append(lines.get(closing)).append('\n');
				closing++;
			}
			if (closing == lines.size()) {
				throw new IllegalArgumentException("The code block opened on line " + (i + 1) + " is not closed");
			}
			Matcher snippet = (i > 0) ? SNIPPET.matcher(lines.get(i - 1)) : null;
			blocks.add(new CodeBlock(i + 1, opening.substring(FENCE.length()).strip(), content.toString(),
					(snippet != null && snippet.matches()) ? snippet.group(1) : null));
			i = closing;
		}
		return blocks;
	}

}
