package io.github.settrademqtt.test.context;

import java.util.List;

import io.github.settrademqtt.test.EmbeddedSettrade;
import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates the {@link ContextCustomizer} for tests annotated with
 * {@link EmbeddedSettrade @EmbeddedSettrade}, found on the class, a superclass or an
 * enclosing class of a {@code @Nested} test.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class EmbeddedSettradeContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EmbeddedSettrade annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EmbeddedSettrade.class);
		return (annotation != null) ? EmbeddedSettradeContextCustomizer.of(annotation) : null;
	}

}
