/**
 * Small building blocks shared by the login, connection and feed packages.
 */
@NullMarked
package io.github.settrademqtt.support;

import org.jspecify.annotations.NullMarked;
