package io.github.settrademqtt.docs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Maven snippets of the docs name artifacts this build makes, at its version, and the
 * getting-started {@code pom.xml} the Spring Boot version the starter is built with.
 */
class DocumentedDependenciesTests {

	private static final String SNIPPETS = "settrade-mqtt-autoconfigure/src/test/resources/io/github/settrademqtt/docs/";

	private static final String GROUP_ID = "io.github.settrademqtt";

	@Test
	void theStarterDependencyIsTheStarterAtThisVersion() {
		Element dependency = parse(SNIPPETS + "starter-dependency.xml").getDocumentElement();
		assertThat(coordinates(dependency))
			.isEqualTo(GROUP_ID + ":" + artifactId("settrade-mqtt-starter") + ":" + projectVersion() + ":compile");
	}

	@Test
	void theClusterStarterDependencyIsTheClusterStarterAtThisVersion() {
		Element dependency = parse(SNIPPETS + "cluster-starter-dependency.xml").getDocumentElement();
		assertThat(coordinates(dependency)).isEqualTo(
				GROUP_ID + ":" + artifactId("settrade-mqtt-cluster-starter") + ":" + projectVersion() + ":compile");
	}

	@Test
	void theTestDependencyIsTheSimulatorAtThisVersionInTestScope() {
		Element dependency = parse(SNIPPETS + "test-dependency.xml").getDocumentElement();
		assertThat(coordinates(dependency))
			.isEqualTo(GROUP_ID + ":" + artifactId("settrade-mqtt-test") + ":" + projectVersion() + ":test");
	}

	@Test
	void theApplicationPomUsesThisSpringBootJava17TheStarterAndTheSimulator() {
		Document pom = parse(SNIPPETS + "feed-pom.xml");
		Element parent = (Element) pom.getElementsByTagName("parent").item(0);
		assertThat(text(parent, "artifactId")).isEqualTo("spring-boot-starter-parent");
		assertThat(text(parent, "version")).isEqualTo(SpringBootVersion.getVersion());
		assertThat(text(pom.getDocumentElement(), "java.version")).isEqualTo("17");
		List<String> dependencies = new ArrayList<>();
		NodeList elements = pom.getElementsByTagName("dependency");
		for (int i = 0; i < elements.getLength(); i++) {
			dependencies.add(coordinates((Element) elements.item(i)));
		}
		assertThat(dependencies).containsExactlyInAnyOrder(
				GROUP_ID + ":" + artifactId("settrade-mqtt-starter") + ":" + projectVersion() + ":compile",
				"org.springframework.boot:spring-boot-starter-test:null:test",
				GROUP_ID + ":" + artifactId("settrade-mqtt-test") + ":" + projectVersion() + ":test");
		assertThat(text(pom.getDocumentElement(), "plugin")).contains("spring-boot-maven-plugin");
	}

	private static String coordinates(Element dependency) {
		String scope = text(dependency, "scope");
		return text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" + text(dependency, "version")
				+ ":" + ((scope != null) ? scope : "compile");
	}

	private static String projectVersion() {
		return child(parse("pom.xml").getDocumentElement(), "version");
	}

	private static String artifactId(String module) {
		return child(parse(module + "/pom.xml").getDocumentElement(), "artifactId");
	}

	/**
	 * The text of the first element of that name under an element, at any depth.
	 */
	private static String text(Element element, String name) {
		NodeList found = element.getElementsByTagName(name);
		return (found.getLength() > 0) ? found.item(0).getTextContent().strip() : null;
	}

	/**
	 * The text of the element's child of that name: the project's own version rather than
	 * its parent's.
	 */
	private static String child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child.getTextContent().strip();
			}
		}
		throw new IllegalStateException("No <" + name + "> in <" + element.getTagName() + ">");
	}

	private static Document parse(String path) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(RepositoryFiles.read(path).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not parse " + path, ex);
		}
	}

}
