/**
 * Internal: the simulator's market data generator, the symbols it moves, the messages it
 * encodes, the paced publisher that sends them and the reading of symbols from topics.
 * Public only for the simulator's other packages: not an API, it may change in any
 * release. Tests use {@link io.github.settrademqtt.test.SimulatorMarket}.
 */
@NullMarked
package io.github.settrademqtt.test.market;

import org.jspecify.annotations.NullMarked;
