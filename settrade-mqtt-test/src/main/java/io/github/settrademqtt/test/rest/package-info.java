/**
 * Internal: the simulator's HTTPS server and its REST side, the login, refresh and
 * dispatcher ticket endpoints with their routes, request and response handling, the
 * token, ticket and app stores, the issued-secret ledger and login signature
 * verification. Public only for the simulator's other packages: not an API, it may change
 * in any release. Tests use {@link io.github.settrademqtt.test.SettradeSimulator}.
 */
@NullMarked
package io.github.settrademqtt.test.rest;

import org.jspecify.annotations.NullMarked;
