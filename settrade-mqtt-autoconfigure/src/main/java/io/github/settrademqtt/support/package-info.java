/**
 * Small building blocks shared by the login, connection and feed packages: base URLs, the
 * one back-off, a fixed-delay lifecycle, a rate-limited log and the lifecycle phases. The
 * name follows Spring's own ({@code org.springframework.integration.support},
 * {@code org.springframework.kafka.support}): what every layer uses and no layer owns;
 * nothing here knows Settrade's protocol.
 */
@NullMarked
package io.github.settrademqtt.support;

import org.jspecify.annotations.NullMarked;
