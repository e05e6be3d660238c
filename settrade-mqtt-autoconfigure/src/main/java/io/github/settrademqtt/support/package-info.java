/**
 * Small building blocks shared by the login and connection packages.
 */
@NullMarked
package io.github.settrademqtt.support;

import org.jspecify.annotations.NullMarked;
