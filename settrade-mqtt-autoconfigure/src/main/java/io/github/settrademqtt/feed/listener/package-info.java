/**
 * Listener interfaces for decoded Settrade market data: one per kind, and one for all.
 */
@NullMarked
package io.github.settrademqtt.feed.listener;

import org.jspecify.annotations.NullMarked;
