package io.github.settrademqtt.docs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What cluster mode needs is on no single-node application's classpath: optional in the
 * autoconfigure module, absent from the starter, and brought by the cluster starter.
 */
class ClusterDependenciesTests {

	private static final String INTEGRATION_JDBC = "org.springframework.integration:spring-integration-jdbc";

	private static final String KAFKA = "org.springframework.kafka:spring-kafka";

	@Test
	void theAutoconfigureModuleDeclaresThemOptional() {
		Map<String, Element> dependencies = dependencies("settrade-mqtt-autoconfigure");
		for (String artifact : new String[] { INTEGRATION_JDBC, KAFKA, "org.springframework.boot:spring-boot-sql" }) {
			assertThat(dependencies).as(artifact).containsKey(artifact);
			assertThat(text(dependencies.get(artifact), "optional")).as(artifact).isEqualTo("true");
		}
	}

	@Test
	void theStarterLeavesThemOut() {
		assertThat(dependencies("settrade-mqtt-starter")).containsOnlyKeys(
				"org.springframework.boot:spring-boot-starter",
				"org.springframework.boot:spring-boot-starter-restclient",
				"io.github.settrademqtt:settrade-mqtt-spring-boot-autoconfigure");
	}

	@Test
	void theClusterStarterBringsThemWithTheStarter() {
		assertThat(dependencies("settrade-mqtt-cluster-starter")).containsOnlyKeys(
				"io.github.settrademqtt:settrade-mqtt-spring-boot-starter", INTEGRATION_JDBC,
				"org.springframework.boot:spring-boot-starter-jdbc",
				"org.springframework.boot:spring-boot-starter-kafka");
	}

	/**
	 * The module's own dependencies, by group and artifact id.
	 */
	private static Map<String, Element> dependencies(String module) {
		Element project;
		try {
			project = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(
						RepositoryFiles.read(module + "/pom.xml").getBytes(StandardCharsets.UTF_8)))
				.getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not parse " + module + "/pom.xml", ex);
		}
		Map<String, Element> dependencies = new LinkedHashMap<>();
		NodeList elements = child(project, "dependencies").getElementsByTagName("dependency");
		for (int i = 0; i < elements.getLength(); i++) {
			Element dependency = (Element) elements.item(i);
			dependencies.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), dependency);
		}
		return dependencies;
	}

	private static Element child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child;
			}
		}
		throw new IllegalStateException("No <" + name + "> in <" + element.getTagName() + ">");
	}

	private static String text(Element element, String name) {
		NodeList found = element.getElementsByTagName(name);
		return (found.getLength() > 0) ? found.item(0).getTextContent().strip() : null;
	}

}
