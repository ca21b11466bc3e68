/**
 * Value types that appear inside events of more than one context: money with its currency and
 * postal addresses. They check their own invariants in their constructors.
 */
package org.kontor.events.common;
