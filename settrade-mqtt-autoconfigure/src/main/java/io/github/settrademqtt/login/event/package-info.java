/**
 * The login service's application events: how each renewal of the access token went.
 */
@NullMarked
package io.github.settrademqtt.login.event;

import org.jspecify.annotations.NullMarked;
