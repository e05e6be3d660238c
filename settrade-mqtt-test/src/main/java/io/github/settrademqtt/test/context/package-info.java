/**
 * Spring TestContext support for
 * {@link io.github.settrademqtt.test.EmbeddedSettrade @EmbeddedSettrade}: the context
 * customizer that starts a simulator for an annotated test class and its factory,
 * registered in {@code META-INF/spring.factories}. Internal: tests use the annotation.
 */
@NullMarked
package io.github.settrademqtt.test.context;

import org.jspecify.annotations.NullMarked;
