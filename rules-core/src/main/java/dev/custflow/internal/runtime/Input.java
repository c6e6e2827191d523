package dev.custflow.internal.runtime;

import dev.custflow.EventRejectedException;
import dev.custflow.event.Event;

/** One event as it entered a batch: read (or rejected while reading) at a line, or 0 when it came as an object. */
record Input(long line, Event event, EventRejectedException rejected) {
}
